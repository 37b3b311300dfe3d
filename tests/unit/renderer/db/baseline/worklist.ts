// Hoy's worklist as it was before the speed-up (issue 14), kept only as a test oracle and perf baseline.
// Today's worklist: what to do for whom, why, and the next action, ordered by priority.
import { addDays, daysBetween, type CalendarDate } from '../../../../../shared/domain/dates';
import type {
  ActivityRecord,
  InstallmentRecord,
  PromiseRecord,
} from '../../../../../shared/domain/records';
import type { CompactInvoice } from '../../../../../shared/domain/ledger-read-model';
import type { PromiseEvaluation } from '../../../../../shared/domain/promises';
import type { RiskGrade } from '../../../../../shared/domain/risk';
import { priorityOf } from '../../../../../shared/domain/priority';
import type { DunningLevel, DunningPlan, SentReminder } from '../../../../../shared/domain/dunning';
import { planDunning } from './dunning';
import type { InvoicePrescription } from '../../../../../shared/domain/claim-prescription';
import {
  addInvoiceState,
  buildLedgerContext,
  emptyClientState,
  invoiceState,
  type ClientState,
  type InvoiceState,
  type LedgerStateContext,
} from '../../../../../shared/domain/ledger-state';

export type WorkItemKind =
  | 'overdue'
  | 'follow_up'
  | 'promise_due'
  | 'promise_broken'
  | 'installment_missed'
  | 'installment_due'
  | 'due_soon'
  | 'prescription_warning'
  | 'debit_returned'
  /** Overdue invoices a promise to pay covers, before its date: at the bottom, "promesa hasta …". */
  | 'promise_pending';

export type NextAction = 'send_reminder' | 'call' | 'check_payment' | 'review_plan';

export interface WorkItem {
  key: string;
  kind: WorkItemKind;
  clientId: string;
  clientName: string;
  /** The client's risk grade, shown beside the name. */
  risk: RiskGrade;
  invoiceIds: string[];
  amountCents: number;
  /** Negative when the money falls due in the future. */
  daysOverdue: number;
  /** The date the item is about (due date, follow-up, promise, installment). */
  date: CalendarDate;
  priority: number;
  nextAction: NextAction;
  /** For send_reminder: the dunning level to send. */
  dunningLevel: number | null;
  /** The activity, promise or installment behind the item. */
  refId: string | null;
  /** Invoices left out of dunning, with why. */
  skipped: DunningPlan['skipped'];
  /** The client's open promise to pay (its date) when one is pending: the screen notes it. */
  promisedUntil?: CalendarDate | null;
  /** When no reminder is due yet: the ladder's next level and the day it may be sent. */
  nextStep?: DunningPlan['next'];
  /** A returned receipt: its installment, and whether it can be presented to the bank again. */
  represent?: { installmentId: string; state: 'ready' | 'requested' };
}

export interface WorklistClient {
  id: string;
  name: string;
  pausedUntil: CalendarDate | null;
  risk: RiskGrade;
  brokenPromises: number;
  /** Issued invoices with money outstanding (the read model's columns are enough). */
  invoices: CompactInvoice[];
  /** The messages already sent to the client (its dunning events): the ladder climbs from them. */
  dunningHistory: readonly SentReminder[];
  openFollowUps: ActivityRecord[];
  promises: { promise: PromiseRecord; evaluation: PromiseEvaluation }[];
  /** Installments of the client's active plans. */
  installments: InstallmentRecord[];
  /** The latest activity or reminder date: a broken promise already acted on leaves the list. */
  lastContactDate: CalendarDate | null;
  /** Legal feature: each open invoice's prescription (absent: not checked). */
  prescriptions?: readonly InvoicePrescription[];
  /** Legal feature: direct debits the bank returned, until someone contacts the client. */
  returnedDebits?: readonly {
    movementId: string;
    date: CalendarDate;
    amountCents: number;
    /** The installment the returned receipt was for: listed once, as the return. */
    installmentId?: string | null;
    /** ready: the receipt can be presented again; requested: it goes in the next file. */
    represent?: 'ready' | 'requested' | null;
  }[];
}

export interface Worklist {
  items: WorkItem[];
  pausedClients: number;
  /** Every client's open invoices summed (paused ones too): the figures the Panel and ledger show. */
  totals: ClientState;
}

/** How many days ahead an installment counts as "due soon". */
const INSTALLMENT_WINDOW_DAYS = 3;

/**
 * A broken (or due) promise and the overdue row of the same client are one task: keep the promise
 * row, with the reminder the overdue row would have offered.
 */
function mergePromiseIntoOverdue(items: WorkItem[]): void {
  const overdueIndex = items.findIndex((item) => item.kind === 'overdue');
  const promise =
    items.find((item) => item.kind === 'promise_broken') ??
    items.find((item) => item.kind === 'promise_due');
  const overdue = items[overdueIndex];
  if (!promise || !overdue) return;
  promise.priority = Math.max(promise.priority, overdue.priority);
  promise.amountCents = Math.max(promise.amountCents, overdue.amountCents);
  promise.skipped = overdue.skipped;
  promise.invoiceIds = [...new Set([...promise.invoiceIds, ...overdue.invoiceIds])];
  if (promise.dunningLevel === null) promise.dunningLevel = overdue.dunningLevel;
  items.splice(overdueIndex, 1);
}

/** The deadline of the latest broken promise: the ladder's next step need not wait after it. */
export function latestBrokenDeadline(
  promises: readonly { evaluation: PromiseEvaluation }[],
): CalendarDate | null {
  let latest: CalendarDate | null = null;
  for (const { evaluation } of promises) {
    if (evaluation.state !== 'broken') continue;
    if (latest === null || evaluation.deadline > latest) latest = evaluation.deadline;
  }
  return latest;
}

/** Rows sort in three bands: broken promises first, then by priority, promises pending last. */
function bandOf(item: WorkItem): number {
  if (item.kind === 'promise_broken') return 0;
  return item.kind === 'promise_pending' ? 2 : 1;
}

function itemsOfClient(
  client: WorklistClient,
  today: CalendarDate,
  levels: readonly DunningLevel[],
  states: readonly InvoiceState[],
): WorkItem[] {
  const items: WorkItem[] = [];
  const score = (amountCents: number, daysOverdue: number) =>
    priorityOf({
      amountCents,
      daysOverdue,
      risk: client.risk,
      brokenPromises: client.brokenPromises,
    }).score;
  const base = { clientId: client.id, clientName: client.name, risk: client.risk, skipped: [] };
  // A promise before its date holds the invoices it covers (all when it names none) out of the
  // day's work: they wait at the bottom until the date, the reminder still at hand.
  const pending = client.promises.filter(({ evaluation }) => evaluation.state === 'open');
  const promisedUntil =
    pending.length === 0
      ? null
      : pending.reduce(
          (min, { promise }) => (promise.promisedDate < min ? promise.promisedDate : min),
          pending[0]!.promise.promisedDate,
        );
  const promised = (invoiceId: string) =>
    pending.some(
      ({ promise }) => promise.invoiceIds.length === 0 || promise.invoiceIds.includes(invoiceId),
    );
  const dunning = planDunning({
    candidates: client.invoices.map((invoice) => ({ invoice })),
    today,
    pausedUntil: client.pausedUntil,
    history: client.dunningHistory,
    promiseBrokenOn: latestBrokenDeadline(client.promises),
    levels,
  });

  // Invoices in an active plan are chased through the plan's installments (their own rows below);
  // the amount and days are the invoices' state (ledger-state.ts), as the Panel and ledger show.
  const groups = { overdue: new Map<string, number>(), promise_pending: new Map<string, number>() };
  const oldest = { overdue: today, promise_pending: today };
  client.invoices.forEach((invoice, index) => {
    const state = states[index];
    if (!state || state.inPlan || state.overdueCents <= 0) return;
    const kind = promised(invoice.id) ? 'promise_pending' : 'overdue';
    groups[kind].set(invoice.id, state.overdueCents);
    if (state.overdueSince !== null && state.overdueSince < oldest[kind]) {
      oldest[kind] = state.overdueSince;
    }
  });
  for (const kind of ['overdue', 'promise_pending'] as const) {
    const group = groups[kind];
    if (group.size === 0) continue;
    const amount = [...group.values()].reduce((sum, cents) => sum + cents, 0);
    const days = daysBetween(oldest[kind], today);
    const overdueLines = dunning.lines.filter(
      (line) => line.daysFromDue > 0 && group.has(line.invoiceId),
    );
    const level = overdueLines.length > 0 ? Math.max(...overdueLines.map((l) => l.level)) : null;
    items.push({
      ...base,
      key: `${kind}:${client.id}`,
      kind,
      invoiceIds: [...group.keys()],
      amountCents: amount,
      daysOverdue: days,
      date: kind === 'overdue' ? oldest[kind] : (promisedUntil ?? today),
      priority: score(amount, days),
      nextAction: level !== null ? 'send_reminder' : 'call',
      dunningLevel: level,
      refId: null,
      nextStep: level === null ? dunning.next : null,
      skipped: dunning.skipped.filter(
        (skip) => skip.reason !== 'in_plan' && (kind === 'overdue' || group.has(skip.invoiceId)),
      ),
    });
  }

  const soonLines = dunning.lines.filter((line) => line.daysFromDue <= 0);
  if (soonLines.length > 0) {
    const amount = soonLines.reduce((sum, line) => sum + line.claimCents, 0);
    const first = soonLines.reduce(
      (min, l) => (l.dueDate < min ? l.dueDate : min),
      soonLines[0]!.dueDate,
    );
    items.push({
      ...base,
      key: `due_soon:${client.id}`,
      kind: 'due_soon',
      invoiceIds: soonLines.map((line) => line.invoiceId),
      amountCents: amount,
      daysOverdue: daysBetween(first, today),
      date: first,
      priority: score(amount, daysBetween(first, today)),
      nextAction: 'send_reminder',
      dunningLevel: Math.max(...soonLines.map((line) => line.level)),
      refId: null,
    });
  }

  const owed = client.invoices.reduce((sum, invoice) => sum + invoice.outstandingCents, 0);
  for (const activity of client.openFollowUps) {
    if (activity.followUpDate === null || activity.followUpDate > today) continue;
    items.push({
      ...base,
      key: `follow_up:${activity.id}`,
      kind: 'follow_up',
      invoiceIds: activity.invoiceId ? [activity.invoiceId] : [],
      amountCents: owed,
      daysOverdue: daysBetween(activity.followUpDate, today),
      date: activity.followUpDate,
      priority: score(owed, daysBetween(activity.followUpDate, today)) + 5,
      nextAction: 'call',
      dunningLevel: null,
      refId: activity.id,
    });
  }

  for (const { promise, evaluation } of client.promises) {
    const broken = evaluation.state === 'broken';
    if (evaluation.state !== 'due' && !broken) continue;
    if (broken && client.lastContactDate !== null && client.lastContactDate > evaluation.deadline) {
      continue;
    }
    const days = daysBetween(promise.promisedDate, today);
    items.push({
      ...base,
      key: `promise:${promise.id}`,
      kind: broken ? 'promise_broken' : 'promise_due',
      invoiceIds: promise.invoiceIds,
      amountCents: evaluation.shortfallCents,
      daysOverdue: days,
      date: promise.promisedDate,
      priority: score(evaluation.shortfallCents, Math.max(1, days)) + (broken ? 15 : 0),
      nextAction: broken ? (dunning.level !== null ? 'send_reminder' : 'call') : 'check_payment',
      dunningLevel: broken ? dunning.level : null,
      refId: promise.id,
    });
  }

  mergePromiseIntoOverdue(items);

  // A returned receipt is listed once, as the return (it says why the installment is unpaid).
  const shownReturns = (client.returnedDebits ?? []).filter(
    (returned) => client.lastContactDate === null || client.lastContactDate <= returned.date,
  );
  const returnedInstallments = new Set(shownReturns.map((returned) => returned.installmentId));
  const windowEnd = addDays(today, INSTALLMENT_WINDOW_DAYS);
  for (const installment of client.installments) {
    const left = installment.amountCents - installment.paidCents;
    if (left <= 0 || installment.dueDate > windowEnd) continue;
    if (returnedInstallments.has(installment.id)) continue;
    const missed = installment.dueDate < today;
    const days = daysBetween(installment.dueDate, today);
    items.push({
      ...base,
      key: `installment:${installment.id}`,
      kind: missed ? 'installment_missed' : 'installment_due',
      invoiceIds: [],
      amountCents: left,
      daysOverdue: days,
      date: installment.dueDate,
      priority: score(left, days) + (missed ? 10 : 0),
      nextAction: missed ? 'call' : 'review_plan',
      dunningLevel: null,
      refId: installment.id,
    });
  }

  for (const returned of shownReturns) {
    const days = daysBetween(returned.date, today);
    items.push({
      ...base,
      key: `returned:${returned.movementId}`,
      kind: 'debit_returned',
      invoiceIds: [],
      amountCents: returned.amountCents,
      daysOverdue: days,
      date: returned.date,
      priority: score(returned.amountCents, Math.max(1, days)) + 12,
      nextAction: 'call',
      dunningLevel: null,
      refId: returned.movementId,
      ...(returned.installmentId && returned.represent
        ? { represent: { installmentId: returned.installmentId, state: returned.represent } }
        : {}),
    });
  }

  // Art. 1964.2 CC: a claim near its 5-year deadline needs a demand before it is lost.
  const nearing = (client.prescriptions ?? []).filter((row) => row.status.state === 'warning');
  if (nearing.length > 0) {
    const amount = nearing.reduce((sum, row) => sum + row.outstandingCents, 0);
    const first = nearing.reduce((min, row) =>
      row.status.deadline < min.status.deadline ? row : min,
    );
    items.push({
      ...base,
      key: `prescription:${client.id}`,
      kind: 'prescription_warning',
      invoiceIds: nearing.map((row) => row.invoiceId),
      amountCents: amount,
      daysOverdue: daysBetween(first.dueDate, today),
      date: first.status.deadline,
      priority: score(amount, daysBetween(first.dueDate, today)) + 20,
      nextAction: 'call',
      dunningLevel: null,
      refId: first.invoiceId,
    });
  }
  if (promisedUntil !== null) for (const item of items) item.promisedUntil = promisedUntil;
  return items;
}

/** Every client's items, highest priority first; paused clients are counted, not listed. */
export function buildWorklist(args: {
  clients: readonly WorklistClient[];
  today: CalendarDate;
  levels: readonly DunningLevel[];
  /** The ledger's state context (active plans, promises); without it no invoice is in a plan's schedule. */
  state?: LedgerStateContext;
}): Worklist {
  const ctx =
    args.state ??
    buildLedgerContext({ today: args.today, plans: [], installments: [], invoices: [] });
  const items: WorkItem[] = [];
  const totals = emptyClientState();
  let pausedClients = 0;
  for (const client of args.clients) {
    const states = client.invoices.map((invoice) => invoiceState(invoice, ctx));
    for (const state of states) addInvoiceState(totals, state);
    if (client.pausedUntil !== null && client.pausedUntil > args.today) {
      pausedClients += 1;
      continue;
    }
    items.push(...itemsOfClient(client, args.today, args.levels, states));
  }
  items.sort(
    (a, b) => bandOf(a) - bandOf(b) || b.priority - a.priority || a.date.localeCompare(b.date),
  );
  return { items, pausedClients, totals };
}
