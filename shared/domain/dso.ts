// Receivables over time: balances at past dates, DSO by the standard method, and payment delays.
import type { DueRecord } from './records';
import type { Cents } from './money';
import { addDays, type CalendarDate } from './dates';
import { BalanceTally, DelayTally } from './history-tallies';

export { dayNumberOf } from './day-numbers';
export { BalanceTally, DelayTally, dayHistoryOf, type DayHistory } from './history-tallies';

/** One issued invoice with the money collected on it, each collection dated. */
export interface InvoiceHistory {
  clientId: string;
  issueDate: CalendarDate;
  payableCents: Cents;
  /** Ascending by date. */
  dues: readonly DueRecord[];
  /** Ascending by date. */
  collections: readonly { date: CalendarDate; amountCents: Cents }[];
  /** The day collections reached the payable amount, or null while something is owed. */
  settledOn: CalendarDate | null;
}

/** When the collections, in date order, first cover the payable amount. */
export function settledOn(
  payableCents: Cents,
  collections: readonly { date: CalendarDate; amountCents: Cents }[],
): CalendarDate | null {
  let paid = 0;
  for (const collection of collections) {
    paid += collection.amountCents;
    if (paid >= payableCents) return collection.date;
  }
  return null;
}

export interface Balance {
  /** Owed at the end of the day. */
  receivableCents: Cents;
  /** The part of it whose due date had passed. */
  overdueCents: Cents;
  /** The part of it not yet due ("current"). */
  currentCents: Cents;
}

/** Balances at the end of each given day, in one pass over the invoices. */
export function balancesAt(
  invoices: readonly InvoiceHistory[],
  dates: readonly CalendarDate[],
): Balance[] {
  const tally = new BalanceTally(dates);
  for (const invoice of invoices) tally.add(invoice);
  return tally.balances;
}

/** Credit sales (payable amounts) issued in (from, to], both calendar dates. */
export function salesBetween(
  invoices: readonly Pick<InvoiceHistory, 'issueDate' | 'payableCents'>[],
  from: CalendarDate,
  to: CalendarDate,
): Cents {
  let total = 0;
  for (const invoice of invoices) {
    if (invoice.issueDate > from && invoice.issueDate <= to) total += invoice.payableCents;
  }
  return total;
}

export const DSO_PERIOD_DAYS = 90;

/**
 * Standard DSO: receivables at the end of the period ÷ credit sales in the period × days.
 * Null when nothing was sold in the period (the ratio means nothing then).
 */
export function standardDso(
  receivableCents: Cents,
  salesCents: Cents,
  days: number,
): number | null {
  if (salesCents <= 0) return null;
  return (receivableCents / salesCents) * days;
}

export interface MonthPoint {
  /** The month's last day (or today for the current month). */
  date: CalendarDate;
  receivableCents: Cents;
  overdueCents: Cents;
  dso: number | null;
}

/** The last day of each of the last `months` months, the current one ending today. */
export function monthEnds(today: CalendarDate, months: number): CalendarDate[] {
  const ends: CalendarDate[] = [today];
  let firstOfMonth = `${today.slice(0, 8)}01`;
  for (let i = 1; i < months; i += 1) {
    const end = addDays(firstOfMonth, -1);
    ends.unshift(end);
    firstOfMonth = `${end.slice(0, 8)}01`;
  }
  return ends;
}

/** Credit sales summed per issue date: a ledger has a few hundred dates and 100,000 invoices. */
export function salesByIssueDate(
  invoices: readonly Pick<InvoiceHistory, 'issueDate' | 'payableCents'>[],
): { issueDate: CalendarDate; payableCents: Cents }[] {
  const tally = new SalesTally();
  for (const invoice of invoices) tally.add(invoice.issueDate, invoice.payableCents);
  return tally.perIssueDate();
}

/**
 * salesByIssueDate fed one invoice at a time. Given `after`, only sales issued after it are kept:
 * enough for salesBetween over any period (from, to] with `from` on or after it, and most of a long
 * ledger is older than that.
 */
export class SalesTally {
  private readonly byDate = new Map<CalendarDate, Cents>();
  /** Invoices in a row often share their issue date: summed here before touching the map. */
  private pendingDate: CalendarDate | null = null;
  private pendingCents: Cents = 0;

  constructor(private readonly after: CalendarDate | null = null) {}

  add(issueDate: CalendarDate, payableCents: Cents): void {
    if (this.after !== null && issueDate <= this.after) return;
    if (issueDate === this.pendingDate) {
      this.pendingCents += payableCents;
      return;
    }
    this.flush();
    this.pendingDate = issueDate;
    this.pendingCents = payableCents;
  }

  private flush(): void {
    const date = this.pendingDate;
    if (date === null) return;
    this.byDate.set(date, (this.byDate.get(date) ?? 0) + this.pendingCents);
    this.pendingDate = null;
    this.pendingCents = 0;
  }

  perIssueDate(): { issueDate: CalendarDate; payableCents: Cents }[] {
    this.flush();
    return Array.from(this.byDate, ([issueDate, payableCents]) => ({ issueDate, payableCents }));
  }
}

/** Receivable, overdue and DSO at each month end over the last 12 months. */
export function monthlyTrend(
  invoices: readonly InvoiceHistory[],
  today: CalendarDate,
  months = 12,
): MonthPoint[] {
  const dates = monthEnds(today, months);
  return trendFrom(dates, balancesAt(invoices, dates), salesByIssueDate(invoices));
}

/** The trend from balances already computed at `dates` (month ends) and sales per issue date. */
export function trendFrom(
  dates: readonly CalendarDate[],
  balances: readonly Balance[],
  dailySales: readonly Pick<InvoiceHistory, 'issueDate' | 'payableCents'>[],
): MonthPoint[] {
  return dates.map((date, index) => {
    const balance = balances[index] as Balance;
    const sales = salesBetween(dailySales, addDays(date, -DSO_PERIOD_DAYS), date);
    return {
      date,
      receivableCents: balance.receivableCents,
      overdueCents: balance.overdueCents,
      dso: standardDso(balance.receivableCents, sales, DSO_PERIOD_DAYS),
    };
  });
}

export interface DelayStats {
  /** Amount-weighted days between a due date and the collection that settled it (early = negative). */
  averageDelayDays: number;
  /** Amount-weighted days late, counting early payments as 0. */
  averageDaysLate: number;
  collectedCents: Cents;
}

/**
 * Delays of collections dated in [from, to], settling each invoice's dues oldest first; per client
 * and overall. A collection that covers two dues counts each part against its own due date.
 */
export function paymentDelays(
  invoices: readonly InvoiceHistory[],
  from: CalendarDate,
  to: CalendarDate,
): { overall: DelayStats; byClient: Map<string, DelayStats> } {
  const tally = new DelayTally(from, to);
  for (const invoice of invoices) tally.add(invoice);
  return tally.result();
}
