// The Panel aggregate as it was before the second speed-up (issue 14, task agg3): computeDashboard with
// its walk over every history, the tallies, dueAgingInto and cashForecast as they were, copied whole
// so later changes to those modules cannot move the oracle. A test oracle only, never imported by
// the app.
import type { AgingBucket } from '../../../../../shared/domain/aging';
import { AGING_BUCKETS, agingBucketIndexOf } from '../../../../../shared/domain/aging';
import { addDays, daysBetween, type CalendarDate } from '../../../../../shared/domain/dates';
import {
  DSO_PERIOD_DAYS,
  monthEnds,
  salesBetween,
  standardDso,
  trendFrom,
  type Balance,
  type DelayStats,
  type MonthPoint,
} from '../../../../../shared/domain/dso';
import { dayNumberOf } from '../../../../../shared/domain/day-numbers';
import { ceiFrom, type CeiResult } from '../../../../../shared/domain/collection-effectiveness';
import type { Forecast, ForecastInput, ForecastWeek } from '../../../../../shared/domain/forecast';
import type { CompactInvoice } from '../../../../../shared/domain/ledger-read-model';
import type { DashboardInputs, LedgerClient } from '../../../../../renderer/src/db/ledger-queries';
import { stateContext } from '../../../../../renderer/src/db/ledger-queries';
import { invoiceState } from '../../../../../shared/domain/ledger-state';
import { settleDues, settledCentsOf } from '../../../../../shared/domain/invoice';
import { joinCollections } from '../../../../../shared/domain/invoice-collections';
import type { Cents } from '../../../../../shared/domain/money';
import type { InvoiceRecord } from '../../../../../shared/domain/records';

// ---- history-tallies.ts ----

/**
 * An invoice history (dso.ts InvoiceHistory) with its dates as day numbers (dayNumberOf) and its
 * dues and collections in columns: a walk over the whole ledger refills one per invoice instead of
 * building objects, and compares numbers instead of date strings. Dues are `dueDays`/`dueCents`
 * [0, dueCount); collections `collectionDays`/`collectionCents` [collectionFrom, collectionTo).
 */
export interface DayHistory {
  clientId: string;
  issueDay: number;
  payableCents: Cents;
  /** Ascending by day. */
  dueDays: Float64Array;
  dueCents: Float64Array;
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
    dueCount: 0,
    collectionDays: new Float64Array(size),
    collectionCents: new Float64Array(size),
    collectionFrom: 0,
    collectionTo: 0,
    settledDay: Infinity,
  };
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

  addDays(invoice: DayHistory): void {
    const days = this.days;
    if (days.length === 0) return;
    // Most of a long ledger was settled before the first date: it owes nothing at any of them.
    const settled = invoice.settledDay;
    if (settled <= (days[0] as number)) return;
    const { collectionDays, collectionCents, collectionTo, dueDays, dueCents, dueCount } = invoice;
    const payableCents = invoice.payableCents;
    let paid = 0;
    let nextCollection = invoice.collectionFrom;
    let dueBefore = 0;
    let nextDue = 0;
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
      while (nextDue < dueCount && (dueDays[nextDue] as number) < day) {
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
  private readonly fromDay: number;
  private readonly toDay: number;

  constructor(from: CalendarDate, to: CalendarDate) {
    this.fromDay = dayNumberOf(from);
    this.toDay = dayNumberOf(to);
  }

  /** The first day a collection counts from: a history whose last one is earlier adds nothing. */
  get firstDay(): number {
    return this.fromDay;
  }

  addDays(invoice: DayHistory): void {
    const { fromDay, toDay, overall } = this;
    const { collectionDays, collectionCents, collectionFrom, collectionTo } = invoice;
    const { dueDays, dueCents, dueCount } = invoice;
    if (collectionTo <= collectionFrom) return;
    if ((collectionDays[collectionTo - 1] as number) < fromDay) return;
    let dueIndex = 0;
    let leftOnDue = dueCount > 0 ? (dueCents[0] as number) : 0;
    let client: DelayAccumulator | undefined;
    for (let c = collectionFrom; c < collectionTo; c += 1) {
      let amount = collectionCents[c] as number;
      const collectedDay = collectionDays[c] as number;
      const counted = collectedDay >= fromDay && collectedDay <= toDay;
      while (amount > 0 && dueIndex < dueCount) {
        const part = Math.min(amount, leftOnDue);
        if (part > 0 && counted) {
          const delay = collectedDay - (dueDays[dueIndex] as number);
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
          leftOnDue = dueIndex < dueCount ? (dueCents[dueIndex] as number) : 0;
        }
      }
    }
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

// ---- aging.ts (dueAgingInto) ----

/**
 * dueAging written into `into` (cents by position in AGING_BUCKETS, zeroed first; a bucket with
 * nothing stays 0): a walk over every open invoice refills one array instead of making a record.
 * `todayNumber` is dayNumberOf(today).
 */
function dueAgingInto(
  invoice: Pick<InvoiceRecord, 'dues' | 'paidCents' | 'creditedCents' | 'planId'>,
  state: { outstandingCents: Cents; overdueCents: Cents; bucket: AgingBucket | null },
  todayNumber: number,
  into: Float64Array,
): void {
  into.fill(0);
  if (invoice.planId !== null) {
    const late = Math.min(state.overdueCents, state.outstandingCents);
    const lateCounted = late > 0 && state.bucket !== null && state.bucket !== 'not_due';
    if (lateCounted) into[AGING_BUCKETS.indexOf(state.bucket as AgingBucket)] = late;
    const current = state.outstandingCents - (late > 0 && state.bucket !== 'not_due' ? late : 0);
    if (current > 0) into[0] = (into[0] as number) + current;
    return;
  }
  let left = state.outstandingCents;
  for (const due of settleDues(invoice.dues, settledCentsOf(invoice))) {
    const cents = Math.min(due.outstandingCents, left);
    if (cents <= 0) continue;
    const index = agingBucketIndexOf(todayNumber - dayNumberOf(due.dueDate));
    into[index] = (into[index] as number) + cents;
    left -= cents;
  }
  // Whatever the dues do not explain (never expected) stays visible as not due.
  if (left > 0) into[0] = (into[0] as number) + left;
}

// ---- forecast.ts (cashForecast) ----

/** Monday of the week containing the date (weeks start on Monday in Spain). */
function mondayOf(date: CalendarDate): CalendarDate {
  // 2024-01-01 was a Monday; the remainder counts days since the last Monday.
  const sinceMonday = ((daysBetween('2024-01-01', date) % 7) + 7) % 7;
  return addDays(date, -sinceMonday);
}

function cashForecast(input: ForecastInput): Forecast {
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
  let overdueUnscheduledCents = 0;
  let laterCents = 0;
  // Day numbers, not date strings: tens of thousands of open dues, each date parsed once at most.
  const thisWeekDay = dayNumberOf(thisWeek);
  const firstPastDay = dayNumberOf(firstPast);
  // The week a day falls in, or null when before this week or after the last one (then counted
  // apart): each caller adds to its own field of the week, never a field named at run time.
  const slot = (day: number, cents: Cents): ForecastWeek | null => {
    const index = Math.floor((day - thisWeekDay) / 7);
    if (index < 0) overdueUnscheduledCents += cents;
    else if (index >= input.weeks) laterCents += cents;
    else return weeks[input.weeks + index] as ForecastWeek;
    return null;
  };

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
  // A client's invoices usually come together: its delay is looked up once per run of them.
  let delayClient: string | null = null;
  let delay = 0;
  for (const invoice of input.invoices) {
    if (invoice.outstandingCents <= 0 || invoice.planId !== null) continue;
    if (promised.size > 0 && promised.has(invoice.id)) continue;
    if (invoice.clientId !== delayClient) {
      delayClient = invoice.clientId;
      delay = Math.round(input.clientDelayDays.get(delayClient) ?? 0);
    }
    for (const due of settleDues(invoice.dues, settledCentsOf(invoice))) {
      const cents = due.outstandingCents;
      if (cents <= 0) continue;
      const week = slot(dayNumberOf(due.dueDate) + delay, cents);
      if (week) week.duesCents += cents;
    }
  }
  for (const collection of input.collections) {
    if (collection.date < firstPast || collection.date >= thisWeek) continue;
    const index = Math.floor((dayNumberOf(collection.date) - firstPastDay) / 7);
    const week = weeks[index];
    if (week) week.actualCents += collection.amountCents;
  }
  return { weeks, overdueUnscheduledCents, laterCents };
}

// ---- history-walk.ts ----

/** What the walk over the ledger feeds each issued invoice's history into. */
interface HistoryTallies {
  balances: BalanceTally;
  sales: SalesByDay;
  delays: DelayTally;
  /** Histories settled on or before this day add nothing to the balances (their first date). */
  balancesFromDay: number;
  /** Invoices issued on or before this date add nothing to the sales (SalesByDay's window). */
  salesAfter: CalendarDate;
}

/**
 * Sorts the pairs (days[i], cents[i]) for i in [from, to) by day: a history has a handful, so
 * insertion sort. Equal days may end in any order: every tally treats a day's collections alike.
 */
function sortByDay(days: Float64Array, cents: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i += 1) {
    const day = days[i] as number;
    const amount = cents[i] as number;
    let j = i - 1;
    while (j >= from && (days[j] as number) > day) {
      days[j + 1] = days[j] as number;
      cents[j + 1] = cents[j] as number;
      j -= 1;
    }
    days[j + 1] = day;
    cents[j + 1] = amount;
  }
}

/**
 * Feeds every issued invoice's history to the tallies, in the invoices' order. The collections'
 * columns are sorted in place, per invoice. The dues' dates are
 * read only for the histories a balance or a delay needs: most of a long ledger was settled before
 * the first balance date, with its last collection before the delays' window.
 */
function walkHistories(inputs: DashboardInputs, tallies: HistoryTallies): void {
  // Joined by the loader per client when it could; else here, by id over the whole ledger.
  const { starts, days, cents } =
    inputs.collections ?? joinCollections(inputs.invoices, inputs.allocations, inputs.payments);
  const { balances, sales, delays, balancesFromDay, salesAfter } = tallies;
  const delaysFromDay = delays.firstDay;
  const history: DayHistory = emptyDayHistory();
  history.collectionDays = days;
  history.collectionCents = cents;
  const invoices = inputs.invoices;
  for (let i = 0; i < invoices.length; i += 1) {
    const invoice = invoices[i] as DashboardInputs['invoices'][number];
    if (invoice.lifecycle !== 'issued') continue;
    const from = starts[i] as number;
    const to = starts[i + 1] as number;
    if (to - from > 1) sortByDay(days, cents, from, to);
    const payable = invoice.payableCents;
    let settledDay = Infinity;
    let paid = 0;
    for (let c = from; c < to; c += 1) {
      paid += cents[c] as number;
      if (paid >= payable) {
        settledDay = days[c] as number;
        break;
      }
    }
    const issueDate = invoice.issueDate;
    // Most of a long ledger was issued before the sales window: its date is not even read.
    const recent = issueDate > salesAfter;
    const issueDay = recent ? dayNumberOf(issueDate) : NaN;
    if (recent) sales.add(issueDay, issueDate, payable);
    const owedOnBalanceDates = settledDay > balancesFromDay;
    const collectedInWindow = to > from && (days[to - 1] as number) >= delaysFromDay;
    if (!owedOnBalanceDates && !collectedInWindow) continue;
    const dues = invoice.dues;
    if (history.dueDays.length < dues.length) {
      history.dueDays = new Float64Array(dues.length * 2);
      history.dueCents = new Float64Array(dues.length * 2);
    }
    for (let k = 0; k < dues.length; k += 1) {
      const due = dues[k] as (typeof dues)[number];
      history.dueDays[k] = dayNumberOf(due.dueDate);
      history.dueCents[k] = due.amountCents;
    }
    if (dues.length > 1) sortByDay(history.dueDays, history.dueCents, 0, dues.length);
    history.clientId = invoice.clientId;
    history.issueDay = recent ? issueDay : dayNumberOf(issueDate);
    history.payableCents = payable;
    history.dueCount = dues.length;
    history.collectionFrom = from;
    history.collectionTo = to;
    history.settledDay = settledDay;
    if (owedOnBalanceDates) balances.addDays(history);
    if (collectedInWindow) delays.addDays(history);
  }
}

// ---- dashboard-figures.ts ----

export interface Debtor {
  client: LedgerClient;
  outstandingCents: number;
  overdueCents: number;
  buckets: Record<AgingBucket, number>;
  /** Outstanding by the age of each unpaid due (the aging report; agrees with the overdue). */
  dueBuckets: Record<AgingBucket, number>;
}

export interface DashboardFigures {
  receivableCents: number;
  openCount: number;
  overdueCents: number;
  overdueCount: number;
  /** Outstanding per invoice, by the age of its oldest open due (what the ledger filter counts). */
  aging: Record<AgingBucket, { cents: number; count: number }>;
  /** Outstanding by the age of each unpaid due: an invoice in three dues may sit in three buckets. */
  agingByDue: Record<AgingBucket, { cents: number; count: number }>;
  dso: number | null;
  salesCents: number;
  cei30: CeiResult;
  cei90: CeiResult;
  averageDaysLate: number;
  overLimit: Debtor[];
  topDebtors: Debtor[];
  /** Every client with something outstanding, largest first (for the aging report). */
  allDebtors: Debtor[];
  trend: MonthPoint[];
  forecast: Forecast;
}

export const FORECAST_WEEKS = 12;
const TREND_MONTHS = 12;

/** A client's open sums while the invoices are walked: buckets by position in AGING_BUCKETS. */
interface ClientSums {
  outstandingCents: number;
  overdueCents: number;
  buckets: Float64Array;
  dueBuckets: Float64Array;
}

function bucketRecord(cents: Float64Array): Record<AgingBucket, number> {
  return {
    not_due: cents[0] as number,
    d1_30: cents[1] as number,
    d31_60: cents[2] as number,
    d61_90: cents[3] as number,
    d90_plus: cents[4] as number,
  };
}

function bucketTotals(
  cents: Float64Array,
  counts: Float64Array,
): Record<AgingBucket, { cents: number; count: number }> {
  const totals = {} as Record<AgingBucket, { cents: number; count: number }>;
  AGING_BUCKETS.forEach((bucket, index) => {
    totals[bucket] = { cents: cents[index] as number, count: counts[index] as number };
  });
  return totals;
}

export function computeDashboardBefore(
  inputs: DashboardInputs,
  today: CalendarDate,
): DashboardFigures {
  const clients = new Map(inputs.clients.map((client) => [client.id, client]));
  const bucketCount = AGING_BUCKETS.length;
  // Totals by position in AGING_BUCKETS (numbers, not records looked up by name per invoice).
  const agingCents = new Float64Array(bucketCount);
  const agingCounts = new Float64Array(bucketCount);
  const byDueCents = new Float64Array(bucketCount);
  const byDueCounts = new Float64Array(bucketCount);
  const split = new Float64Array(bucketCount);
  const perClient = new Map<string, ClientSums>();
  let receivableCents = 0;
  let openCount = 0;
  let overdueCents = 0;
  let overdueCount = 0;
  const open: CompactInvoice[] = [];
  const ctx = stateContext(inputs.facts, inputs.invoices, today);
  const todayNumber = ctx.todayNumber;
  const tally = (invoice: CompactInvoice): void => {
    if (invoice.lifecycle !== 'issued' || invoice.outstandingCents <= 0) return;
    open.push(invoice);
    // The same state the ledger's rows carry (ledger-state.ts), so a click finds exactly these.
    const row = invoiceState(invoice, ctx);
    receivableCents += row.outstandingCents;
    openCount += 1;
    if (row.overdueCents > 0) {
      overdueCents += row.overdueCents;
      overdueCount += 1;
    }
    const bucket = row.bucket === null ? -1 : AGING_BUCKETS.indexOf(row.bucket);
    if (bucket >= 0) {
      agingCents[bucket] = (agingCents[bucket] as number) + row.outstandingCents;
      agingCounts[bucket] = (agingCounts[bucket] as number) + 1;
    }
    let sums = perClient.get(invoice.clientId);
    if (!sums) {
      sums = {
        outstandingCents: 0,
        overdueCents: 0,
        buckets: new Float64Array(bucketCount),
        dueBuckets: new Float64Array(bucketCount),
      };
      perClient.set(invoice.clientId, sums);
    }
    sums.outstandingCents += row.outstandingCents;
    sums.overdueCents += row.overdueCents;
    if (bucket >= 0) sums.buckets[bucket] = (sums.buckets[bucket] as number) + row.outstandingCents;
    dueAgingInto(invoice, row, todayNumber, split);
    const dueBuckets = sums.dueBuckets;
    for (let k = 0; k < bucketCount; k += 1) {
      const cents = split[k] as number;
      if (cents === 0) continue;
      byDueCents[k] = (byDueCents[k] as number) + cents;
      byDueCounts[k] = (byDueCounts[k] as number) + 1;
      dueBuckets[k] = (dueBuckets[k] as number) + cents;
    }
  };
  // The open figures in the invoices' own order (debtors with equal sums keep the order of their
  // first open invoice), then every history for the balances, sales and delays.
  for (const invoice of inputs.invoices) tally(invoice);
  // Every balance the Panel shows (month ends, and the starts of the CEI periods), the sales per
  // issue date and the payment delays, all in one walk over the invoices.
  const trendDates = monthEnds(today, TREND_MONTHS);
  const start30 = addDays(today, -30);
  const start90 = addDays(today, -90);
  const balanceDates = [...trendDates, start30, start90, today];
  const todayDay = todayNumber;
  // The earliest sales period read: the 90 days before the first month end; the last, today.
  const salesAfter = addDays(trendDates[0] ?? today, -DSO_PERIOD_DAYS);
  const tallies: HistoryTallies = {
    balances: new BalanceTally(balanceDates),
    sales: new SalesByDay(dayNumberOf(salesAfter), todayDay),
    salesAfter,
    delays: new DelayTally(addDays(today, -365), today),
    balancesFromDay: Math.min(...balanceDates.map(dayNumberOf)),
  };
  walkHistories(inputs, tallies);
  const debtors: Debtor[] = [];
  for (const [clientId, sums] of perClient) {
    const client = clients.get(clientId);
    if (client) {
      debtors.push({
        client,
        outstandingCents: sums.outstandingCents,
        overdueCents: sums.overdueCents,
        buckets: bucketRecord(sums.buckets),
        dueBuckets: bucketRecord(sums.dueBuckets),
      });
    }
  }
  debtors.sort((a, b) => b.outstandingCents - a.outstandingCents);
  const overLimit = debtors.filter(
    (debtor) =>
      debtor.client.creditLimitCents !== null &&
      debtor.outstandingCents > debtor.client.creditLimitCents,
  );

  const balances = tallies.balances.balances;
  const [begin30, begin90, ending] = balances.slice(trendDates.length);
  const dailySales = tallies.sales.perIssueDate();
  const salesCents = salesBetween(dailySales, addDays(today, -DSO_PERIOD_DAYS), today);
  const clientDelayDays = tallies.delays.averageDelayDaysByClient();

  return {
    receivableCents,
    openCount,
    overdueCents,
    overdueCount,
    aging: bucketTotals(agingCents, agingCounts),
    agingByDue: bucketTotals(byDueCents, byDueCounts),
    dso: standardDso(receivableCents, salesCents, DSO_PERIOD_DAYS),
    salesCents,
    cei30: ceiFrom(30, begin30, ending, salesBetween(dailySales, start30, today)),
    cei90: ceiFrom(90, begin90, ending, salesBetween(dailySales, start90, today)),
    averageDaysLate: tallies.delays.overallStats().averageDaysLate,
    overLimit,
    topDebtors: debtors.slice(0, 10),
    allDebtors: debtors,
    trend: trendFrom(trendDates, balances, dailySales),
    forecast: cashForecast({
      today,
      weeks: FORECAST_WEEKS,
      invoices: open,
      clientDelayDays,
      installments: inputs.installments,
      promises: inputs.promises,
      // The payments themselves: the forecast reads only their date and amount.
      collections: inputs.payments,
    }),
  };
}
