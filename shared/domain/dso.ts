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
  const result = dates.map(() => ({ receivableCents: 0, overdueCents: 0, currentCents: 0 }));
  if (dates.length === 0) return result;
  const earliest = dates.reduce((min, date) => (date < min ? date : min));
  for (const invoice of invoices) {
    // Most of a long ledger was settled before the first date: it owes nothing at any of them.
    if (invoice.settledOn !== null && invoice.settledOn <= earliest) continue;
    for (let d = 0; d < dates.length; d += 1) {
      const date = dates[d] as CalendarDate;
      if (invoice.issueDate > date) continue;
      if (invoice.settledOn !== null && invoice.settledOn <= date) continue;
      let paid = 0;
      for (const collection of invoice.collections) {
        if (collection.date > date) break;
        paid += collection.amountCents;
      }
      const outstanding = Math.max(0, invoice.payableCents - paid);
      if (outstanding === 0) continue;
      let dueBefore = 0;
      for (const due of invoice.dues) {
        if (due.dueDate >= date) break;
        dueBefore += due.amountCents;
      }
      // Payments settle the oldest dues first, so the overdue part is what they have not covered.
      const overdue = Math.min(outstanding, Math.max(0, dueBefore - paid));
      const balance = result[d] as Balance;
      balance.receivableCents += outstanding;
      balance.overdueCents += overdue;
      balance.currentCents += outstanding - overdue;
    }
  }
  return result;
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

/** Receivable, overdue and DSO at each month end over the last 12 months. */
export function monthlyTrend(
  invoices: readonly InvoiceHistory[],
  today: CalendarDate,
  months = 12,
): MonthPoint[] {
  const dates = monthEnds(today, months);
  const balances = balancesAt(invoices, dates);
  return dates.map((date, index) => {
    const balance = balances[index] as Balance;
    const sales = salesBetween(invoices, addDays(date, -DSO_PERIOD_DAYS), date);
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
  const overall: DelayAccumulator = { weightedDelay: 0, weightedLate: 0, cents: 0 };
  const perClient = new Map<string, DelayAccumulator>();
  for (const invoice of invoices) {
    const last = invoice.collections[invoice.collections.length - 1];
    if (last === undefined || last.date < from) continue;
    let dueIndex = 0;
    let leftOnDue = invoice.dues[0]?.amountCents ?? 0;
    for (const collection of invoice.collections) {
      let amount = collection.amountCents;
      while (amount > 0 && dueIndex < invoice.dues.length) {
        const due = invoice.dues[dueIndex] as DueRecord;
        const part = Math.min(amount, leftOnDue);
        if (part > 0 && collection.date >= from && collection.date <= to) {
          const delay = dayNumberOf(collection.date) - dayNumberOf(due.dueDate);
          let client = perClient.get(invoice.clientId);
          if (!client) {
            client = { weightedDelay: 0, weightedLate: 0, cents: 0 };
            perClient.set(invoice.clientId, client);
          }
          for (const acc of [overall, client]) {
            acc.weightedDelay += delay * part;
            acc.weightedLate += Math.max(0, delay) * part;
            acc.cents += part;
          }
        }
        amount -= part;
        leftOnDue -= part;
        if (leftOnDue <= 0) {
          dueIndex += 1;
          leftOnDue = invoice.dues[dueIndex]?.amountCents ?? 0;
        }
      }
    }
  }
  const stats = (acc: DelayAccumulator): DelayStats => ({
    averageDelayDays: acc.cents > 0 ? acc.weightedDelay / acc.cents : 0,
    averageDaysLate: acc.cents > 0 ? acc.weightedLate / acc.cents : 0,
    collectedCents: acc.cents,
  });
  const byClient = new Map<string, DelayStats>();
  for (const [clientId, acc] of perClient) byClient.set(clientId, stats(acc));
  return { overall: stats(overall), byClient };
}
