// Cash-in forecast for the coming weeks, beside what was actually collected in the weeks before.
import type { Cents } from './money';
import { addDays, daysBetween, type CalendarDate } from './dates';
import { dayNumberOf } from './dso';
import { dueColumnsOf, type DueColumns } from './ledger-day-columns';
import type { DueRecord } from './records';

export interface OpenInvoiceForForecast {
  id: string;
  clientId: string;
  dues: readonly DueRecord[];
  paidCents: Cents;
  /** Credit notes settle dues like payments (absent = 0). */
  creditedCents?: Cents;
  outstandingCents: Cents;
  /** Invoices in a plan are forecast by the plan's installments instead. */
  planId: string | null;
}

export interface ForecastInput {
  today: CalendarDate;
  weeks: number;
  /** Issued invoices with something outstanding. */
  invoices: readonly OpenInvoiceForForecast[];
  /** Each client's historical average delay in days (may be negative: pays early). */
  clientDelayDays: ReadonlyMap<string, number>;
  /** Unpaid parts of active plans' installments. */
  installments: readonly { dueDate: CalendarDate; amountCents: Cents }[];
  /**
   * Open promises to pay; their invoices are forecast by the promise instead. A promise counts at
   * most what its invoices still owe outside a plan (superseded promises are not passed at all).
   */
  promises: readonly {
    promisedDate: CalendarDate;
    amountCents: Cents;
    invoiceIds: readonly string[];
  }[];
  /** Collections (payments) already received, by date. */
  collections: readonly { date: CalendarDate; amountCents: Cents }[];
  /**
   * The invoices' dues already in columns (ledger-day-columns.ts): invoices[k]'s are row rows[k].
   * Absent, they are settled here from each invoice's dues.
   */
  dues?: { columns: DueColumns; rows: ArrayLike<number> };
  /** The day number of each collection (aligned with `collections`); absent, read from its date. */
  collectionDays?: ArrayLike<number>;
}

export interface ForecastWeek {
  /** Monday of the week. */
  start: CalendarDate;
  /** Past weeks carry what was collected; the current and future ones what is expected. */
  kind: 'actual' | 'forecast';
  actualCents: Cents;
  duesCents: Cents;
  installmentsCents: Cents;
  promisesCents: Cents;
}

export interface Forecast {
  weeks: ForecastWeek[];
  /** Expected before this week even after the client's usual delay: late beyond habit. */
  overdueUnscheduledCents: Cents;
  /** Expected after the last forecast week. */
  laterCents: Cents;
}

/** Monday of the week containing the date (weeks start on Monday in Spain). */
export function mondayOf(date: CalendarDate): CalendarDate {
  // 2024-01-01 was a Monday; the remainder counts days since the last Monday.
  const sinceMonday = ((daysBetween('2024-01-01', date) % 7) + 7) % 7;
  return addDays(date, -sinceMonday);
}

/**
 * The weeks money is expected in. Small methods called per due: compiled early, where the same
 * work inlined in one long loop waits for the loop to be optimized.
 */
class WeekSlots {
  /** Expected before this week even after the usual delay. */
  overdueUnscheduledCents: Cents = 0;
  /** Expected after the last forecast week. */
  laterCents: Cents = 0;

  constructor(
    private readonly weeks: ForecastWeek[],
    private readonly count: number,
    private readonly thisWeekDay: number,
  ) {}

  /**
   * The week a day falls in, or null when before this week or after the last one (then counted
   * apart): each caller adds to its own field of the week, never a field named at run time.
   */
  slot(day: number, cents: Cents): ForecastWeek | null {
    const index = Math.floor((day - this.thisWeekDay) / 7);
    if (index < 0) this.overdueUnscheduledCents += cents;
    else if (index >= this.count) this.laterCents += cents;
    else return this.weeks[this.count + index] as ForecastWeek;
    return null;
  }

  /** Each open due of row `row` at its date plus `delay` days. */
  addDues(dues: DueColumns, row: number, delay: number): void {
    const { days, openCents } = dues;
    const to = dues.starts[row + 1] as number;
    for (let d = dues.starts[row] as number; d < to; d += 1) {
      const cents = openCents[d] as number;
      if (cents <= 0) continue;
      const week = this.slot((days[d] as number) + delay, cents);
      if (week) week.duesCents += cents;
    }
  }
}

export function cashForecast(input: ForecastInput): Forecast {
  const thisWeek = mondayOf(input.today);
  const firstPast = addDays(thisWeek, -7 * input.weeks);
  const weeks: ForecastWeek[] = [];
  for (let i = -input.weeks; i < input.weeks; i += 1) {
    weeks.push({
      start: addDays(thisWeek, 7 * i),
      kind: i < 0 ? 'actual' : 'forecast',
      actualCents: 0,
      duesCents: 0,
      installmentsCents: 0,
      promisesCents: 0,
    });
  }
  // Day numbers, not date strings: tens of thousands of open dues, each date parsed once at most.
  const firstPastDay = dayNumberOf(firstPast);
  const slots = new WeekSlots(weeks, input.weeks, dayNumberOf(thisWeek));
  const slot = (day: number, cents: Cents): ForecastWeek | null => slots.slot(day, cents);

  // Each euro once: an invoice in a plan comes through the installments, a promised one through
  // its promise, capped at what its invoices still owe outside a plan (a kept or superseded
  // promise then adds nothing).
  // Only the promised invoices are looked up: a few, among tens of thousands of open ones.
  const lookedUp = new Set<string>();
  for (const promise of input.promises) for (const id of promise.invoiceIds) lookedUp.add(id);
  const openOutsidePlan = new Map<string, Cents>();
  if (lookedUp.size > 0) {
    for (const invoice of input.invoices) {
      if (invoice.planId === null && invoice.outstandingCents > 0 && lookedUp.has(invoice.id))
        openOutsidePlan.set(invoice.id, invoice.outstandingCents);
    }
  }
  const promised = new Set<string>();
  for (const promise of input.promises) {
    let cents = promise.amountCents;
    if (promise.invoiceIds.length > 0) {
      let owed = 0;
      for (const id of promise.invoiceIds) owed += openOutsidePlan.get(id) ?? 0;
      cents = Math.min(cents, owed);
    }
    for (const id of promise.invoiceIds) promised.add(id);
    if (cents > 0) {
      const week = slot(dayNumberOf(promise.promisedDate), cents);
      if (week) week.promisesCents += cents;
    }
  }
  for (const installment of input.installments) {
    const cents = installment.amountCents;
    const week = slot(dayNumberOf(installment.dueDate), cents);
    if (week) week.installmentsCents += cents;
  }
  // Each open due at its date plus the client's usual delay (settled oldest first, in columns).
  const given = input.dues;
  const dues = given?.columns ?? dueColumnsOf(input.invoices);
  // A client's invoices usually come together: its delay is looked up once per run of them.
  let delayClient: string | null = null;
  let delay = 0;
  for (let k = 0; k < input.invoices.length; k += 1) {
    const invoice = input.invoices[k] as OpenInvoiceForForecast;
    if (invoice.outstandingCents <= 0 || invoice.planId !== null) continue;
    if (promised.size > 0 && promised.has(invoice.id)) continue;
    if (invoice.clientId !== delayClient) {
      delayClient = invoice.clientId;
      delay = Math.round(input.clientDelayDays.get(delayClient) ?? 0);
    }
    slots.addDues(dues, given ? (given.rows[k] as number) : k, delay);
  }
  const collections = input.collections;
  const collectionDays =
    input.collectionDays ?? collections.map((collection) => dayNumberOf(collection.date));
  const thisWeekDay = dayNumberOf(thisWeek);
  for (let c = 0; c < collections.length; c += 1) {
    const day = collectionDays[c] as number;
    if (day < firstPastDay || day >= thisWeekDay) continue;
    const week = weeks[Math.floor((day - firstPastDay) / 7)];
    if (week) week.actualCents += (collections[c] as (typeof collections)[number]).amountCents;
  }
  return {
    weeks,
    overdueUnscheduledCents: slots.overdueUnscheduledCents,
    laterCents: slots.laterCents,
  };
}

export function expectedCents(week: ForecastWeek): Cents {
  return week.duesCents + week.installmentsCents + week.promisesCents;
}
