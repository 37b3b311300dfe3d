// Balances at past dates and payment delays, fed one invoice history at a time, in day numbers.
import type { CalendarDate } from './dates';
import type { Cents } from './money';
import { dayNumberOf } from './day-numbers';
import type { Balance, DelayStats, InvoiceHistory } from './dso';

/**
 * An invoice history (dso.ts InvoiceHistory) with its dates as day numbers (dayNumberOf) and its
 * dues and collections in columns: a walk over the whole ledger refills one per invoice instead of
 * building objects, and compares numbers instead of date strings. Dues are `dueDays`/`dueCents`
 * [dueFrom, dueFrom + dueCount); collections `collectionDays`/`collectionCents`
 * [collectionFrom, collectionTo).
 */
export interface DayHistory {
  clientId: string;
  issueDay: number;
  payableCents: Cents;
  /** Ascending by day. */
  dueDays: Float64Array;
  dueCents: Float64Array;
  dueFrom: number;
  dueCount: number;
  /** Ascending by day. */
  collectionDays: Float64Array;
  collectionCents: Float64Array;
  collectionFrom: number;
  collectionTo: number;
  /** The day collections reached the payable amount; Infinity while something is owed. */
  settledDay: number;
}

/** An empty history whose columns hold `size` dues and collections (grown by dayHistoryOf). */
export function emptyDayHistory(size = 8): DayHistory {
  return {
    clientId: '',
    issueDay: 0,
    payableCents: 0,
    dueDays: new Float64Array(size),
    dueCents: new Float64Array(size),
    dueFrom: 0,
    dueCount: 0,
    collectionDays: new Float64Array(size),
    collectionCents: new Float64Array(size),
    collectionFrom: 0,
    collectionTo: 0,
    settledDay: Infinity,
  };
}

/** The history in day numbers, written into `into` (reused when given). */
export function dayHistoryOf(invoice: InvoiceHistory, into = emptyDayHistory()): DayHistory {
  const { dues, collections } = invoice;
  if (into.dueDays.length < dues.length) {
    into.dueDays = new Float64Array(dues.length);
    into.dueCents = new Float64Array(dues.length);
  }
  if (into.collectionDays.length < collections.length) {
    into.collectionDays = new Float64Array(collections.length);
    into.collectionCents = new Float64Array(collections.length);
  }
  into.clientId = invoice.clientId;
  into.issueDay = dayNumberOf(invoice.issueDate);
  into.payableCents = invoice.payableCents;
  into.dueFrom = 0;
  into.dueCount = dues.length;
  dues.forEach((due, index) => {
    into.dueDays[index] = dayNumberOf(due.dueDate);
    into.dueCents[index] = due.amountCents;
  });
  into.collectionFrom = 0;
  into.collectionTo = collections.length;
  collections.forEach((collection, index) => {
    into.collectionDays[index] = dayNumberOf(collection.date);
    into.collectionCents[index] = collection.amountCents;
  });
  into.settledDay = invoice.settledOn === null ? Infinity : dayNumberOf(invoice.settledOn);
  return into;
}

/**
 * balancesAt (dso.ts) fed one invoice at a time, so a caller walking the ledger once need not keep
 * every history in memory: `balances` holds the result after the last `add`.
 */
export class BalanceTally {
  readonly balances: Balance[];
  /** The dates' positions in ascending date order, and their day numbers in that order. */
  private readonly order: number[];
  private readonly days: Float64Array;
  private readonly scratch = emptyDayHistory();

  constructor(dates: readonly CalendarDate[]) {
    this.balances = dates.map(() => ({ receivableCents: 0, overdueCents: 0, currentCents: 0 }));
    // Each invoice then walks its collections and dues once, and stops at the first date on which
    // it is settled (it owes nothing on later ones).
    const days = dates.map(dayNumberOf);
    const order = dates.map((_, index) => index);
    order.sort((a, b) => (days[a] as number) - (days[b] as number));
    this.order = order;
    this.days = Float64Array.from(order, (index) => days[index] as number);
  }

  add(invoice: InvoiceHistory): void {
    this.addDays(dayHistoryOf(invoice, this.scratch));
  }

  addDays(invoice: DayHistory): void {
    const days = this.days;
    if (days.length === 0) return;
    // Most of a long ledger was settled before the first date: it owes nothing at any of them.
    const settled = invoice.settledDay;
    if (settled <= (days[0] as number)) return;
    const { collectionDays, collectionCents, collectionTo, dueDays, dueCents } = invoice;
    const payableCents = invoice.payableCents;
    let paid = 0;
    let nextCollection = invoice.collectionFrom;
    let dueBefore = 0;
    let nextDue = invoice.dueFrom;
    const dueTo = invoice.dueFrom + invoice.dueCount;
    // Dates before the issue date owe nothing: start at the first on or after it (binary search).
    let low = 0;
    let high = days.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((days[middle] as number) < invoice.issueDay) low = middle + 1;
      else high = middle;
    }
    for (let d = low; d < days.length; d += 1) {
      const day = days[d] as number;
      if (settled <= day) break;
      while (nextCollection < collectionTo && (collectionDays[nextCollection] as number) <= day) {
        paid += collectionCents[nextCollection] as number;
        nextCollection += 1;
      }
      const outstanding = Math.max(0, payableCents - paid);
      if (outstanding === 0) continue;
      while (nextDue < dueTo && (dueDays[nextDue] as number) < day) {
        dueBefore += dueCents[nextDue] as number;
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

interface DelayAccumulator {
  weightedDelay: number;
  weightedLate: number;
  cents: number;
}

function delayStats(acc: DelayAccumulator): DelayStats {
  return {
    averageDelayDays: acc.cents > 0 ? acc.weightedDelay / acc.cents : 0,
    averageDaysLate: acc.cents > 0 ? acc.weightedLate / acc.cents : 0,
    collectedCents: acc.cents,
  };
}

/** paymentDelays (dso.ts) fed one invoice at a time (see BalanceTally). */
export class DelayTally {
  private readonly overall: DelayAccumulator = { weightedDelay: 0, weightedLate: 0, cents: 0 };
  private readonly perClient = new Map<string, DelayAccumulator>();
  private lastClientId: string | null = null;
  private lastClient: DelayAccumulator | null = null;
  private readonly fromDay: number;
  private readonly toDay: number;
  private readonly scratch = emptyDayHistory();

  constructor(from: CalendarDate, to: CalendarDate) {
    this.fromDay = dayNumberOf(from);
    this.toDay = dayNumberOf(to);
  }

  /** The first day a collection counts from: a history whose last one is earlier adds nothing. */
  get firstDay(): number {
    return this.fromDay;
  }

  add(invoice: InvoiceHistory): void {
    this.addDays(dayHistoryOf(invoice, this.scratch));
  }

  addDays(invoice: DayHistory): void {
    const { fromDay, toDay, overall } = this;
    const { collectionDays, collectionCents, collectionFrom, collectionTo } = invoice;
    const { dueDays, dueCents, dueFrom } = invoice;
    if (collectionTo <= collectionFrom) return;
    if ((collectionDays[collectionTo - 1] as number) < fromDay) return;
    const dueTo = dueFrom + invoice.dueCount;
    let dueIndex = dueFrom;
    let leftOnDue = dueTo > dueFrom ? (dueCents[dueFrom] as number) : 0;
    let client: DelayAccumulator | undefined;
    for (let c = collectionFrom; c < collectionTo; c += 1) {
      let amount = collectionCents[c] as number;
      const collectedDay = collectionDays[c] as number;
      const counted = collectedDay >= fromDay && collectedDay <= toDay;
      while (amount > 0 && dueIndex < dueTo) {
        const part = Math.min(amount, leftOnDue);
        if (part > 0 && counted) {
          const delay = collectedDay - (dueDays[dueIndex] as number);
          if (!client) client = this.accumulatorOf(invoice.clientId);
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
          leftOnDue = dueIndex < dueTo ? (dueCents[dueIndex] as number) : 0;
        }
      }
    }
  }

  /** A client's accumulator; a client's invoices usually come together, so once per run of them. */
  private accumulatorOf(clientId: string): DelayAccumulator {
    if (clientId === this.lastClientId && this.lastClient) return this.lastClient;
    let client = this.perClient.get(clientId);
    if (!client) {
      client = { weightedDelay: 0, weightedLate: 0, cents: 0 };
      this.perClient.set(clientId, client);
    }
    this.lastClientId = clientId;
    this.lastClient = client;
    return client;
  }

  /** The delays of every collection counted, all clients together. */
  overallStats(): DelayStats {
    return delayStats(this.overall);
  }

  /** Each client's averageDelayDays alone (what the forecast reads), without the other stats. */
  averageDelayDaysByClient(): Map<string, number> {
    const byClient = new Map<string, number>();
    for (const [clientId, acc] of this.perClient) {
      byClient.set(clientId, delayStats(acc).averageDelayDays);
    }
    return byClient;
  }

  result(): { overall: DelayStats; byClient: Map<string, DelayStats> } {
    const byClient = new Map<string, DelayStats>();
    for (const [clientId, acc] of this.perClient) byClient.set(clientId, delayStats(acc));
    return { overall: delayStats(this.overall), byClient };
  }
}

/**
 * Credit sales summed per issue day (as dso.ts SalesTally) over a window of days (after, last]: a
 * ledger has a few hundred such days and 100,000 invoices, so an array indexed by day, no map.
 * Enough for salesBetween over any period (from, to] with after ≤ from and to ≤ last.
 */
export class SalesByDay {
  private readonly cents: Float64Array;
  private readonly dates: (CalendarDate | undefined)[];

  constructor(
    private readonly afterDay: number,
    lastDay: number,
  ) {
    const size = Math.max(0, lastDay - afterDay);
    this.cents = new Float64Array(size);
    this.dates = new Array<CalendarDate | undefined>(size);
  }

  /** One invoice issued on `issueDate` (whose day number is `issueDay`). */
  add(issueDay: number, issueDate: CalendarDate, payableCents: Cents): void {
    const index = issueDay - this.afterDay - 1;
    if (index < 0 || index >= this.cents.length) return;
    this.cents[index] = (this.cents[index] as number) + payableCents;
    if (this.dates[index] === undefined) this.dates[index] = issueDate;
  }

  /** The sales of each issue day in the window, in date order. */
  perIssueDate(): { issueDate: CalendarDate; payableCents: Cents }[] {
    const out: { issueDate: CalendarDate; payableCents: Cents }[] = [];
    for (let index = 0; index < this.cents.length; index += 1) {
      const issueDate = this.dates[index];
      if (issueDate !== undefined)
        out.push({ issueDate, payableCents: this.cents[index] as number });
    }
    return out;
  }
}
