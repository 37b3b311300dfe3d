// One derivation of state: what each invoice, client and plan owes, is late on, has promised or in plan.
import type { AgingBucket } from './aging';
import { agingBucketOf } from './aging';
import type { CalendarDate } from './dates';
import { dayNumberOf } from './dso';
import { deriveInvoiceStatus, settleDues, settledStatus } from './invoice';
import type { Cents } from './money';
import type { InvoiceRecord, InvoiceStatus, PlanStatus, PromiseStatus } from './records';

/*
 * The rule (README "Qué cuenta como vencido"):
 * - An invoice outside a plan is overdue by the unpaid part of its dues dated before today, and
 *   late by the days since its first open due.
 * - An invoice in an active plan (its planId is set while the plan is active) is followed through
 *   the plan's installments: its own dues no longer count. The plan's overdue is the unpaid part of
 *   installments dated before today; it is attributed to the plan's invoices in the agreement's
 *   order, each up to its outstanding (interest and extra lines stay on the plan), and such an
 *   invoice is late by the days since the plan's oldest unpaid installment. A broken plan gives its
 *   invoices back (planId null): they are chased by their own dues again.
 * - Written-off (incobrable) and cancelled (anulada) invoices leave outstanding and overdue; the
 *   written-off ones are kept in a separate total. Drafts count nowhere.
 */

export interface PlanFacts {
  id: string;
  clientId: string;
  status: PlanStatus;
  invoiceIds: readonly string[];
}

export interface InstallmentFacts {
  planId: string;
  seq: number;
  dueDate: CalendarDate;
  amountCents: Cents;
  paidCents: Cents;
}

export interface PlanState {
  planId: string;
  clientId: string;
  status: PlanStatus;
  outstandingCents: Cents;
  /** Unpaid part of installments dated before today. */
  overdueCents: Cents;
  /** The oldest installment still unpaid after its date, or null. */
  overdueSince: CalendarDate | null;
  daysOverdue: number;
  paidCount: number;
  /** Installments unpaid and dated before today. */
  overdueCount: number;
  /** Installments unpaid and not yet due. */
  dueCount: number;
  /** The plan's overdue attributed to its invoices (only those with something attributed). */
  overdueByInvoice: ReadonlyMap<string, Cents>;
}

type PlannedInvoice = Pick<InvoiceRecord, 'id' | 'planId' | 'outstandingCents' | 'lifecycle'>;
type PromiseFacts = { status: PromiseStatus; invoiceIds: readonly string[] };

export interface LedgerStateContext {
  today: CalendarDate;
  /** Day number of today (see dso.ts), computed once. */
  todayNumber: number;
  /** Active plans by id. */
  plans: ReadonlyMap<string, PlanState>;
  /** Invoices named by an open promise to pay. */
  promisedInvoiceIds: ReadonlySet<string>;
}

const left = (row: InstallmentFacts): Cents => Math.max(0, row.amountCents - row.paidCents);

/** A plan's state from its installments; `invoices` gives the outstanding its overdue is capped by. */
export function planState(
  plan: PlanFacts,
  installments: readonly InstallmentFacts[],
  invoices: ReadonlyMap<string, PlannedInvoice>,
  today: CalendarDate,
): PlanState {
  let outstandingCents = 0;
  let overdueCents = 0;
  let overdueSince: CalendarDate | null = null;
  let paidCount = 0;
  let overdueCount = 0;
  let dueCount = 0;
  for (const row of installments) {
    const open = left(row);
    outstandingCents += open;
    if (open === 0) paidCount += 1;
    else if (row.dueDate < today) {
      overdueCents += open;
      overdueCount += 1;
      if (overdueSince === null || row.dueDate < overdueSince) overdueSince = row.dueDate;
    } else dueCount += 1;
  }
  const overdueByInvoice = new Map<string, Cents>();
  let toAttribute = overdueCents;
  for (const id of plan.invoiceIds) {
    if (toAttribute === 0) break;
    const invoice = invoices.get(id);
    if (!invoice || invoice.lifecycle !== 'issued' || invoice.planId !== plan.id) continue;
    const take = Math.min(toAttribute, Math.max(0, invoice.outstandingCents));
    if (take > 0) overdueByInvoice.set(id, take);
    toAttribute -= take;
  }
  return {
    planId: plan.id,
    clientId: plan.clientId,
    status: plan.status,
    outstandingCents,
    overdueCents,
    overdueSince,
    daysOverdue: overdueSince === null ? 0 : dayNumberOf(today) - dayNumberOf(overdueSince),
    paidCount,
    overdueCount,
    dueCount,
    overdueByInvoice,
  };
}

/**
 * Everything invoiceState needs, built once in O(n): active plans with their installments, the
 * outstanding of the invoices they hold, and the invoices under an open promise.
 */
export function buildLedgerContext(args: {
  today: CalendarDate;
  plans: readonly PlanFacts[];
  installments: readonly InstallmentFacts[];
  /** At least every invoice of the active plans (more is fine). */
  invoices: Iterable<PlannedInvoice>;
  promises?: readonly PromiseFacts[];
}): LedgerStateContext {
  const active = args.plans.filter((plan) => plan.status === 'active');
  const rowsByPlan = new Map<string, InstallmentFacts[]>(active.map((plan) => [plan.id, []]));
  for (const row of args.installments) rowsByPlan.get(row.planId)?.push(row);
  const planned = new Map<string, PlannedInvoice>();
  if (active.length > 0) {
    for (const invoice of args.invoices) {
      if (invoice.planId !== null && rowsByPlan.has(invoice.planId))
        planned.set(invoice.id, invoice);
    }
  }
  const plans = new Map<string, PlanState>();
  for (const plan of active) {
    plans.set(plan.id, planState(plan, rowsByPlan.get(plan.id) ?? [], planned, args.today));
  }
  const promisedInvoiceIds = new Set<string>();
  for (const promise of args.promises ?? []) {
    if (promise.status !== 'open') continue;
    for (const id of promise.invoiceIds) promisedInvoiceIds.add(id);
  }
  return { today: args.today, todayNumber: dayNumberOf(args.today), plans, promisedInvoiceIds };
}

export interface InvoiceState {
  status: InvoiceStatus;
  /** Issued and something still owed: what counts as a receivable. */
  open: boolean;
  /** Owed now; 0 unless issued (written-off and cancelled invoices leave the figures). */
  outstandingCents: Cents;
  overdueCents: Cents;
  daysOverdue: number;
  /** Since when it is late: the first open due, or in a plan the oldest unpaid installment. */
  overdueSince: CalendarDate | null;
  /** Aging bucket of the outstanding by daysOverdue; null when not open. */
  bucket: AgingBucket | null;
  inPlan: boolean;
  promised: boolean;
  disputedCents: Cents;
  writtenOff: boolean;
  cancelled: boolean;
  /** What a written-off invoice still owes on paper (for reports); 0 otherwise. */
  writtenOffCents: Cents;
}

export type StateInvoice = Pick<
  InvoiceRecord,
  | 'id'
  | 'lifecycle'
  | 'payableCents'
  | 'paidCents'
  | 'outstandingCents'
  | 'nextDueDate'
  | 'disputedCents'
  | 'planId'
  | 'dues'
  | 'creditedCents'
>;

/** The unpaid part of dues before today; what was paid or credited settles dues oldest first. */
function overdueOfDues(invoice: StateInvoice, today: CalendarDate): Cents {
  let overdue = 0;
  const settled = Math.max(0, invoice.payableCents - invoice.outstandingCents);
  for (const due of settleDues(invoice.dues, settled)) {
    if (due.dueDate < today) overdue += due.outstandingCents;
  }
  return overdue;
}

const CLOSED: Omit<InvoiceState, 'status' | 'writtenOff' | 'cancelled' | 'writtenOffCents'> = {
  open: false,
  outstandingCents: 0,
  overdueCents: 0,
  daysOverdue: 0,
  overdueSince: null,
  bucket: null,
  inPlan: false,
  promised: false,
  disputedCents: 0,
};

/** One invoice's state on ctx.today. O(dues); no lookups beyond the context's maps. */
export function invoiceState(invoice: StateInvoice, ctx: LedgerStateContext): InvoiceState {
  const { today } = ctx;
  if (invoice.lifecycle !== 'issued') {
    const writtenOff = invoice.lifecycle === 'written_off';
    return {
      ...CLOSED,
      status: deriveInvoiceStatus(invoice, today),
      writtenOff,
      cancelled: invoice.lifecycle === 'cancelled',
      writtenOffCents: writtenOff ? Math.max(0, invoice.outstandingCents) : 0,
    };
  }
  const open = invoice.outstandingCents > 0;
  const inPlan = open && invoice.planId !== null;
  let overdueCents = 0;
  let overdueSince: CalendarDate | null = null;
  if (inPlan) {
    const plan = ctx.plans.get(invoice.planId as string);
    overdueCents = plan?.overdueByInvoice.get(invoice.id) ?? 0;
    if (overdueCents > 0) overdueSince = plan?.overdueSince ?? null;
  } else if (open && invoice.nextDueDate !== null && invoice.nextDueDate < today) {
    overdueCents = overdueOfDues(invoice, today);
    if (overdueCents > 0) overdueSince = invoice.nextDueDate;
  }
  const daysOverdue =
    overdueSince === null ? 0 : Math.max(0, ctx.todayNumber - dayNumberOf(overdueSince));
  let status: InvoiceStatus;
  if (!open) status = settledStatus(invoice);
  else if (invoice.disputedCents > 0) status = 'disputed';
  else if (overdueCents > 0) status = 'overdue';
  else if (inPlan) status = 'in_plan';
  else status = invoice.paidCents > 0 ? 'partial' : 'pending';
  return {
    status,
    open,
    outstandingCents: open ? invoice.outstandingCents : 0,
    overdueCents,
    daysOverdue,
    overdueSince,
    bucket: open ? agingBucketOf(daysOverdue) : null,
    inPlan,
    promised: open && ctx.promisedInvoiceIds.has(invoice.id),
    disputedCents: open ? Math.min(invoice.disputedCents, invoice.outstandingCents) : 0,
    writtenOff: false,
    cancelled: false,
    writtenOffCents: 0,
  };
}

export interface ClientState {
  outstandingCents: Cents;
  overdueCents: Cents;
  notYetDueCents: Cents;
  /** Outstanding of invoices in an active plan, and the part of it overdue. */
  inPlanCents: Cents;
  inPlanOverdueCents: Cents;
  /** Outstanding of invoices under an open promise. */
  promisedCents: Cents;
  disputedCents: Cents;
  writtenOffCents: Cents;
  openCount: number;
  overdueCount: number;
  /** The largest daysOverdue among its invoices. */
  maxDaysOverdue: number;
  /** Outstanding by aging bucket (each invoice whole, by its daysOverdue). */
  buckets: Record<AgingBucket, Cents>;
}

export function emptyClientState(): ClientState {
  return {
    outstandingCents: 0,
    overdueCents: 0,
    notYetDueCents: 0,
    inPlanCents: 0,
    inPlanOverdueCents: 0,
    promisedCents: 0,
    disputedCents: 0,
    writtenOffCents: 0,
    openCount: 0,
    overdueCount: 0,
    maxDaysOverdue: 0,
    buckets: { not_due: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0 },
  };
}

/** Adds one invoice's state to a running total (a client's or the whole ledger's). */
export function addInvoiceState(total: ClientState, state: InvoiceState): ClientState {
  total.writtenOffCents += state.writtenOffCents;
  if (!state.open) return total;
  total.outstandingCents += state.outstandingCents;
  total.overdueCents += state.overdueCents;
  total.notYetDueCents += state.outstandingCents - state.overdueCents;
  if (state.inPlan) {
    total.inPlanCents += state.outstandingCents;
    total.inPlanOverdueCents += state.overdueCents;
  }
  if (state.promised) total.promisedCents += state.outstandingCents;
  total.disputedCents += state.disputedCents;
  total.openCount += 1;
  if (state.overdueCents > 0) total.overdueCount += 1;
  if (state.daysOverdue > total.maxDaysOverdue) total.maxDaysOverdue = state.daysOverdue;
  if (state.bucket) total.buckets[state.bucket] += state.outstandingCents;
  return total;
}

/** Totals over a set of invoices (one client's, or all). */
export function totalsOf(invoices: Iterable<StateInvoice>, ctx: LedgerStateContext): ClientState {
  const total = emptyClientState();
  for (const invoice of invoices) addInvoiceState(total, invoiceState(invoice, ctx));
  return total;
}

/** Each client's totals in one pass. */
export function clientStates(
  invoices: Iterable<StateInvoice & Pick<InvoiceRecord, 'clientId'>>,
  ctx: LedgerStateContext,
): Map<string, ClientState> {
  const byClient = new Map<string, ClientState>();
  for (const invoice of invoices) {
    let total = byClient.get(invoice.clientId);
    if (!total) {
      total = emptyClientState();
      byClient.set(invoice.clientId, total);
    }
    addInvoiceState(total, invoiceState(invoice, ctx));
  }
  return byClient;
}
