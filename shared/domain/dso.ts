// Receivables over time: balances at past dates, DSO by the standard method, and payment delays.
import type { DueRecord } from './records';
import type { Cents } from './money';
import { addDays, daysBetween, type CalendarDate } from './dates';

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

const dayNumbers = new Map<CalendarDate, number>();

/** Days since 2000-01-01, cached: a ledger has a few thousand distinct dates, read 100,000 times. */
export function dayNumberOf(date: CalendarDate): number {
  let value = dayNumbers.get(date);
  if (value === undefined) {
    value = daysBetween('2000-01-01', date);
    if (dayNumbers.size < 100_000) dayNumbers.set(date, value);
  }
  return value;
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

/**
 * balancesAt fed one invoice at a time, so a caller walking the ledger once need not keep every
 * history in memory: `balances` holds the result after the last `add`.
 */
export class BalanceTally {
  readonly balances: Balance[];
  /** The dates' positions in ascending date order, and the dates in that order. */
  private readonly order: number[];
  private readonly sorted: CalendarDate[];

  constructor(dates: readonly CalendarDate[]) {
    this.balances = dates.map(() => ({ receivableCents: 0, overdueCents: 0, currentCents: 0 }));
    // Each invoice then walks its collections and dues once, and stops at the first date on which
    // it is settled (it owes nothing on later ones).
    const order = dates.map((_, index) => index);
    order.sort((a, b) => {
      const first = dates[a] as CalendarDate;
      const second = dates[b] as CalendarDate;
      return first < second ? -1 : first > second ? 1 : 0;
    });
    this.order = order;
    this.sorted = order.map((index) => dates[index] as CalendarDate);
  }

  add(invoice: InvoiceHistory): void {
    const sorted = this.sorted;
    if (sorted.length === 0) return;
    // Most of a long ledger was settled before the first date: it owes nothing at any of them.
    const settled = invoice.settledOn;
    if (settled !== null && settled <= (sorted[0] as CalendarDate)) return;
    const { collections, dues, issueDate, payableCents } = invoice;
    let paid = 0;
    let nextCollection = 0;
    let dueBefore = 0;
    let nextDue = 0;
    // Dates before the issue date owe nothing: start at the first on or after it (binary search).
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] as CalendarDate) < issueDate) low = middle + 1;
      else high = middle;
    }
    for (let d = low; d < sorted.length; d += 1) {
      const date = sorted[d] as CalendarDate;
      if (settled !== null && settled <= date) break;
      while (nextCollection < collections.length) {
        const collection = collections[nextCollection] as InvoiceHistory['collections'][number];
        if (collection.date > date) break;
        paid += collection.amountCents;
        nextCollection += 1;
      }
      const outstanding = Math.max(0, payableCents - paid);
      if (outstanding === 0) continue;
      while (nextDue < dues.length) {
        const due = dues[nextDue] as DueRecord;
        if (due.dueDate >= date) break;
        dueBefore += due.amountCents;
        nextDue += 1;
      }
      // Payments settle the oldest dues first, so the overdue part is what they have not covered.
      const overdue = Math.min(outstanding, Math.max(0, dueBefore - paid));
      const balance = this.balances[this.order[d] as number] as Balance;
      balance.receivableCents += outstanding;
      balance.overdueCents += overdue;
      balance.currentCents += outstanding - overdue;
    }
  }
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

interface DelayAccumulator {
  weightedDelay: number;
  weightedLate: number;
  cents: number;
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

function delayStats(acc: DelayAccumulator): DelayStats {
  return {
    averageDelayDays: acc.cents > 0 ? acc.weightedDelay / acc.cents : 0,
    averageDaysLate: acc.cents > 0 ? acc.weightedLate / acc.cents : 0,
    collectedCents: acc.cents,
  };
}

/** paymentDelays fed one invoice at a time (see BalanceTally). */
export class DelayTally {
  private readonly overall: DelayAccumulator = { weightedDelay: 0, weightedLate: 0, cents: 0 };
  private readonly perClient = new Map<string, DelayAccumulator>();

  constructor(
    private readonly from: CalendarDate,
    private readonly to: CalendarDate,
  ) {}

  add(invoice: InvoiceHistory): void {
    const { from, to, overall } = this;
    const { collections, dues } = invoice;
    const last = collections[collections.length - 1];
    if (last === undefined || last.date < from) return;
    let dueIndex = 0;
    let leftOnDue = dues[0]?.amountCents ?? 0;
    let client: DelayAccumulator | undefined;
    for (let c = 0; c < collections.length; c += 1) {
      const collection = collections[c] as InvoiceHistory['collections'][number];
      let amount = collection.amountCents;
      const counted = collection.date >= from && collection.date <= to;
      const collectedDay = counted ? dayNumberOf(collection.date) : 0;
      while (amount > 0 && dueIndex < dues.length) {
        const due = dues[dueIndex] as DueRecord;
        const part = Math.min(amount, leftOnDue);
        if (part > 0 && counted) {
          const delay = collectedDay - dayNumberOf(due.dueDate);
          if (!client) {
            client = this.perClient.get(invoice.clientId);
            if (!client) {
              client = { weightedDelay: 0, weightedLate: 0, cents: 0 };
              this.perClient.set(invoice.clientId, client);
            }
          }
          const late = Math.max(0, delay);
          overall.weightedDelay += delay * part;
          overall.weightedLate += late * part;
          overall.cents += part;
          client.weightedDelay += delay * part;
          client.weightedLate += late * part;
          client.cents += part;
        }
        amount -= part;
        leftOnDue -= part;
        if (leftOnDue <= 0) {
          dueIndex += 1;
          leftOnDue = dues[dueIndex]?.amountCents ?? 0;
        }
      }
    }
  }

  result(): { overall: DelayStats; byClient: Map<string, DelayStats> } {
    const byClient = new Map<string, DelayStats>();
    for (const [clientId, acc] of this.perClient) byClient.set(clientId, delayStats(acc));
    return { overall: delayStats(this.overall), byClient };
  }
}
