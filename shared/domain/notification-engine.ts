// Decides which notifications to show now: each event once, a digest after days away, quiet hours defer.
import type {
  ActivityRecord,
  InstallmentRecord,
  InvoiceRecord,
  NotificationTargetRef,
  PlanRecord,
  PromiseRecord,
} from './records';
import type { Cents } from './money';
import { addDays, addMonthsClamped, daysBetween, type CalendarDate } from './dates';
import { PRESCRIPTION_YEARS } from './prescription';
import { settleDues, settledCentsOf } from './invoice';
import type { InvoicePrescription } from './claim-prescription';
import { VAT_SOON_DAYS, type InvoiceVatStatus } from './vat-recovery-status';
import {
  isQuietAt,
  type NotificationSettings,
  type NotificationSwitch,
} from './notification-settings';

export type NotificationKind =
  | 'invoice_due_soon'
  | 'invoice_due_today'
  | 'invoice_overdue'
  | 'installment_due'
  | 'installment_missed'
  | 'promise_due'
  | 'promise_broken'
  | 'followup_due'
  | 'prescription_warning'
  | 'vat_window_opens'
  | 'vat_window_closing'
  | 'vat_window_lost';

const SWITCH_OF: Record<NotificationKind, NotificationSwitch> = {
  invoice_due_soon: 'dueSoon',
  invoice_due_today: 'dueToday',
  invoice_overdue: 'overdue',
  installment_due: 'installments',
  installment_missed: 'installments',
  promise_due: 'promises',
  promise_broken: 'promises',
  followup_due: 'followUps',
  // A claim about to prescribe is the gravest form of an overdue invoice.
  prescription_warning: 'overdue',
  // The VAT of an unpaid invoice: what to do about an overdue invoice after months.
  vat_window_opens: 'overdue',
  vat_window_closing: 'overdue',
  vat_window_lost: 'overdue',
};

/** More fresh events than this at once are folded into one "today" digest. */
export const BURST_LIMIT = 3;

/** One thing that happened to one item, named by a key that never changes for that event. */
export interface NotificationEvent {
  eventKey: string;
  kind: NotificationKind;
  /** The day the event happened; before today means it happened while the app was not running. */
  date: CalendarDate;
  clientName: string;
  /** Invoice number, installment number "3/12", or '' for promises and follow-ups. */
  label: string;
  amountCents: Cents;
  /** For due-soon: days left. */
  daysLeft: number;
  target: NotificationTargetRef;
}

export interface DigestSummary {
  /** 'away': events whose day passed while the app was off; 'today': too many at once. */
  reason: 'away' | 'today';
  counts: Partial<Record<NotificationKind, number>>;
  /** Sum of the amounts of the invoice dues that fell due (invoice_overdue events). */
  overdueCents: Cents;
  total: number;
}

export type PlannedNotification =
  | { type: 'single'; event: NotificationEvent }
  | { type: 'digest'; eventKey: string; digest: DigestSummary; events: NotificationEvent[] };

export interface EngineNow {
  /** ISO instant of the check. */
  instant: string;
  /** The local calendar date. */
  date: CalendarDate;
  /** Minutes since local midnight. */
  minutes: number;
}

export type EngineInvoice = Pick<
  InvoiceRecord,
  | 'id'
  | 'clientId'
  | 'number'
  | 'dues'
  | 'paidCents'
  | 'creditedCents'
  | 'outstandingCents'
  | 'lifecycle'
  | 'planId'
>;

export interface EngineInput {
  invoices: readonly EngineInvoice[];
  plans: readonly Pick<PlanRecord, 'id' | 'clientId' | 'status'>[];
  installments: readonly Pick<
    InstallmentRecord,
    'id' | 'planId' | 'seq' | 'dueDate' | 'amountCents' | 'paidCents'
  >[];
  promises: readonly Pick<
    PromiseRecord,
    'id' | 'clientId' | 'amountCents' | 'promisedDate' | 'status'
  >[];
  activities: readonly Pick<
    ActivityRecord,
    'id' | 'clientId' | 'invoiceId' | 'followUpDate' | 'followUpDone' | 'text'
  >[];
  clientNames: ReadonlyMap<string, string>;
  settings: NotificationSettings;
  now: EngineNow;
  /** Every eventKey already notified (persisted, so a restart never repeats one). */
  notifiedKeys: ReadonlySet<string>;
  /** Legal feature: invoices whose claim prescribes soon (absent: not checked). */
  prescriptions?: readonly Pick<
    InvoicePrescription,
    'invoiceId' | 'clientId' | 'number' | 'outstandingCents' | 'status'
  >[];
  /** VAT recovery feature: each unpaid invoice's windows (absent: not checked). */
  vatRecovery?: readonly Pick<InvoiceVatStatus, 'invoiceId' | 'clientId' | 'number' | 'dues'>[];
}

export interface EngineResult {
  /** What to show now, in this order. */
  notifications: PlannedNotification[];
  /** Events held back by quiet hours: they stay pending and are shown after. */
  deferred: number;
}

function invoiceEvents(input: EngineInput, name: (id: string) => string): NotificationEvent[] {
  const today = input.now.date;
  const n = input.settings.daysBeforeDue;
  const events: NotificationEvent[] = [];
  for (const invoice of input.invoices) {
    // Invoices in a plan are followed through the plan's installments.
    if (invoice.lifecycle !== 'issued' || invoice.outstandingCents <= 0 || invoice.planId) continue;
    const base = {
      clientName: name(invoice.clientId),
      label: invoice.number,
      target: { kind: 'invoice', id: invoice.id } satisfies NotificationTargetRef,
    };
    for (const due of settleDues(invoice.dues, settledCentsOf(invoice))) {
      if (due.outstandingCents <= 0) continue;
      const daysLeft = daysBetween(today, due.dueDate);
      const common = { ...base, amountCents: due.outstandingCents, daysLeft };
      if (daysLeft > n) continue;
      // A due older than the prescription period is the legal panel's, not a notice's: the first
      // digest after an import of old invoices must not count 2013's.
      if (addMonthsClamped(due.dueDate, PRESCRIPTION_YEARS * 12) < today) continue;
      if (daysLeft > 0) {
        events.push({
          ...common,
          eventKey: `invoice:${invoice.id}:due-in-${n}:${due.dueDate}`,
          kind: 'invoice_due_soon',
          // Still ahead, so it is never "while you were away", even if its warning day passed.
          date: today,
        });
      } else if (daysLeft === 0) {
        events.push({
          ...common,
          eventKey: `invoice:${invoice.id}:due-today:${due.dueDate}`,
          kind: 'invoice_due_today',
          date: today,
        });
      } else {
        events.push({
          ...common,
          eventKey: `invoice:${invoice.id}:overdue:${due.dueDate}`,
          kind: 'invoice_overdue',
          date: addDays(due.dueDate, 1),
        });
      }
    }
  }
  return events;
}

function installmentEvents(input: EngineInput, name: (id: string) => string): NotificationEvent[] {
  const today = input.now.date;
  const active = new Map(
    input.plans.filter((plan) => plan.status === 'active').map((plan) => [plan.id, plan]),
  );
  const counts = new Map<string, number>();
  for (const item of input.installments)
    counts.set(item.planId, (counts.get(item.planId) ?? 0) + 1);
  const events: NotificationEvent[] = [];
  for (const item of input.installments) {
    const plan = active.get(item.planId);
    const owed = item.amountCents - item.paidCents;
    if (!plan || owed <= 0) continue;
    const daysLeft = daysBetween(today, item.dueDate);
    if (daysLeft > 0) continue;
    events.push({
      eventKey: daysLeft === 0 ? `installment:${item.id}:due` : `installment:${item.id}:missed`,
      kind: daysLeft === 0 ? 'installment_due' : 'installment_missed',
      date: daysLeft === 0 ? today : addDays(item.dueDate, 1),
      clientName: name(plan.clientId),
      label: `${item.seq}/${counts.get(item.planId) ?? item.seq}`,
      amountCents: owed,
      daysLeft,
      target: { kind: 'plan', id: plan.id },
    });
  }
  return events;
}

function promiseEvents(input: EngineInput, name: (id: string) => string): NotificationEvent[] {
  const today = input.now.date;
  const events: NotificationEvent[] = [];
  for (const promise of input.promises) {
    if (promise.status !== 'open' && promise.status !== 'broken') continue;
    const daysLeft = daysBetween(today, promise.promisedDate);
    const due = promise.status === 'open' && daysLeft === 0;
    // An open promise past its date is broken whether or not someone has marked it.
    if (!due && daysLeft >= 0 && promise.status === 'open') continue;
    events.push({
      eventKey: due ? `promise:${promise.id}:due` : `promise:${promise.id}:broken`,
      kind: due ? 'promise_due' : 'promise_broken',
      date: due ? today : addDays(promise.promisedDate, 1),
      clientName: name(promise.clientId),
      label: '',
      amountCents: promise.amountCents,
      daysLeft,
      target: { kind: 'client', id: promise.clientId },
    });
  }
  return events;
}

function followUpEvents(input: EngineInput, name: (id: string) => string): NotificationEvent[] {
  const today = input.now.date;
  const events: NotificationEvent[] = [];
  for (const activity of input.activities) {
    const date = activity.followUpDate;
    if (date === null || activity.followUpDone || daysBetween(today, date) > 0) continue;
    events.push({
      eventKey: `followup:${activity.id}:${date}`,
      kind: 'followup_due',
      date,
      clientName: name(activity.clientId),
      label: activity.text.slice(0, 80),
      amountCents: 0,
      daysLeft: daysBetween(today, date),
      target: activity.invoiceId
        ? { kind: 'invoice', id: activity.invoiceId }
        : { kind: 'client', id: activity.clientId },
    });
  }
  return events;
}

/** The key holds the deadline: a demand that moves it warns again when the new one nears. */
function prescriptionEvents(input: EngineInput, name: (id: string) => string): NotificationEvent[] {
  return (input.prescriptions ?? [])
    .filter((row) => row.status.state === 'warning')
    .map((row) => ({
      eventKey: `prescription:${row.invoiceId}:${row.status.deadline}`,
      kind: 'prescription_warning' as const,
      date: input.now.date,
      clientName: name(row.clientId),
      label: row.number,
      amountCents: row.outstandingCents,
      daysLeft: row.status.daysLeft,
      target: { kind: 'invoice', id: row.invoiceId } satisfies NotificationTargetRef,
    }));
}

/**
 * A VAT window opening or closing within 30 days, and the day one is lost (or the first check
 * after it). The key holds the date, so each window warns once; dues sharing it are summed.
 */
function vatEvents(input: EngineInput, name: (id: string) => string): NotificationEvent[] {
  const today = input.now.date;
  const byKey = new Map<string, NotificationEvent>();
  for (const status of input.vatRecovery ?? []) {
    for (const due of status.dues) {
      let kind: 'vat_window_opens' | 'vat_window_closing' | 'vat_window_lost';
      let date: CalendarDate;
      if (due.state === 'opening_soon') [kind, date] = ['vat_window_opens', due.eligibleFrom];
      else if (due.state === 'closing_soon') [kind, date] = ['vat_window_closing', due.rectifyBy];
      else if (
        due.state === 'missing_claim' &&
        daysBetween(today, due.rectifyBy) <= VAT_SOON_DAYS
      ) {
        [kind, date] = ['vat_window_closing', due.rectifyBy];
      } else if (due.state === 'lost' && daysBetween(due.rectifyBy, today) <= VAT_SOON_DAYS) {
        [kind, date] = ['vat_window_lost', due.rectifyBy];
      } else continue;
      const eventKey = `${kind}:${status.invoiceId}:${date}`;
      const known = byKey.get(eventKey);
      if (known) {
        known.amountCents += due.vatAtStakeCents;
        continue;
      }
      byKey.set(eventKey, {
        eventKey,
        kind,
        date: kind === 'vat_window_lost' ? addDays(date, 1) : today,
        clientName: name(status.clientId),
        label: status.number,
        amountCents: due.vatAtStakeCents,
        daysLeft: daysBetween(today, date),
        target: { kind: 'invoice', id: status.invoiceId },
      });
    }
  }
  return [...byKey.values()];
}

/** Every event that applies today, notified or not, before switches and quiet hours. */
export function collectEvents(input: EngineInput): NotificationEvent[] {
  const name = (id: string): string => input.clientNames.get(id) ?? '';
  return [
    ...invoiceEvents(input, name),
    ...installmentEvents(input, name),
    ...promiseEvents(input, name),
    ...followUpEvents(input, name),
    ...prescriptionEvents(input, name),
    ...vatEvents(input, name),
  ];
}

function digestOf(
  reason: DigestSummary['reason'],
  events: NotificationEvent[],
  now: EngineNow,
): PlannedNotification {
  const counts: Partial<Record<NotificationKind, number>> = {};
  let overdueCents = 0;
  for (const event of events) {
    counts[event.kind] = (counts[event.kind] ?? 0) + 1;
    if (event.kind === 'invoice_overdue') overdueCents += event.amountCents;
  }
  return {
    type: 'digest',
    eventKey: `digest:${reason}:${now.instant}`,
    digest: { reason, counts, overdueCents, total: events.length },
    events,
  };
}

const byDateThenKey = (a: NotificationEvent, b: NotificationEvent): number =>
  a.date === b.date ? a.eventKey.localeCompare(b.eventKey) : a.date < b.date ? -1 : 1;

/** The notifications to show now; a digest marks every event it folds in as notified. */
export function planNotifications(input: EngineInput): EngineResult {
  if (!input.settings.enabled) return { notifications: [], deferred: 0 };
  const pending = collectEvents(input)
    .filter((event) => input.settings.kinds[SWITCH_OF[event.kind]])
    .filter((event) => !input.notifiedKeys.has(event.eventKey))
    .sort(byDateThenKey);
  if (isQuietAt(input.settings.quietHours, input.now.minutes)) {
    return { notifications: [], deferred: pending.length };
  }
  const away = pending.filter((event) => event.date < input.now.date);
  const fresh = pending.filter((event) => event.date >= input.now.date);
  const notifications: PlannedNotification[] = [];
  if (away.length > 1) notifications.push(digestOf('away', away, input.now));
  else notifications.push(...away.map((event) => ({ type: 'single' as const, event })));
  if (fresh.length > BURST_LIMIT) notifications.push(digestOf('today', fresh, input.now));
  else notifications.push(...fresh.map((event) => ({ type: 'single' as const, event })));
  return { notifications, deferred: 0 };
}

/** Every eventKey a plan covers (a digest's own key and the keys of the events it folds in). */
export function keysCovered(planned: PlannedNotification): string[] {
  return planned.type === 'single'
    ? [planned.event.eventKey]
    : [planned.eventKey, ...planned.events.map((event) => event.eventKey)];
}

/** For the tray: how many invoices have an overdue due, and how much is overdue. */
export function overdueSummary(
  invoices: readonly EngineInvoice[],
  today: CalendarDate,
): { count: number; cents: Cents } {
  let count = 0;
  let cents = 0;
  for (const invoice of invoices) {
    if (invoice.lifecycle !== 'issued' || invoice.outstandingCents <= 0) continue;
    const late = settleDues(invoice.dues, settledCentsOf(invoice))
      .filter((due) => due.dueDate < today)
      .reduce((sum, due) => sum + due.outstandingCents, 0);
    if (late > 0) {
      count += 1;
      cents += late;
    }
  }
  return { count, cents };
}
