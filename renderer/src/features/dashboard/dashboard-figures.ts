// The dashboard's figures from the whole ledger: pure, so the bench can time exactly this work.
import type { AgingBucket } from '../../../../shared/domain/aging';
import { AGING_BUCKETS, dueAging } from '../../../../shared/domain/aging';
import { addDays, type CalendarDate } from '../../../../shared/domain/dates';
import {
  BalanceTally,
  DelayTally,
  DSO_PERIOD_DAYS,
  monthEnds,
  SalesTally,
  salesBetween,
  settledOn,
  standardDso,
  trendFrom,
  type InvoiceHistory,
  type MonthPoint,
} from '../../../../shared/domain/dso';
import { ceiFrom, type CeiResult } from '../../../../shared/domain/collection-effectiveness';
import { cashForecast, type Forecast } from '../../../../shared/domain/forecast';
import type { CompactInvoice } from '../../../../shared/domain/ledger-read-model';
import type { DashboardInputs, LedgerClient } from '../../db/ledger-queries';
import { stateContext } from '../../db/ledger-queries';
import { invoiceState } from '../../../../shared/domain/ledger-state';

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

function emptyBuckets(): Record<AgingBucket, number> {
  return { not_due: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0 };
}

type Collection = { date: CalendarDate; amountCents: number };
type AllocationRow = DashboardInputs['allocations'][number];

/** True when each list is in ascending id order, as IndexedDB returns them from their key index. */
function sortedBy<T>(items: readonly T[], key: (item: T) => string): boolean {
  for (let i = 1; i < items.length; i += 1) {
    if (key(items[i - 1] as T) > key(items[i] as T)) return false;
  }
  return true;
}

/** What the walk over the ledger feeds each issued invoice's history into. */
interface HistoryTallies {
  balances: BalanceTally;
  sales: SalesTally;
  delays: DelayTally;
}

/**
 * Each issued invoice with its dated collections, fed to the tallies one at a time: 100,000
 * histories kept in memory cost more to allocate and collect than the figures take to add up.
 * Invoices (by id) and allocations (by invoiceId) arrive sorted from their indexes, so they are
 * merged in one walk instead of grouped in a map.
 */
function walkHistories(
  inputs: DashboardInputs,
  invoices: readonly CompactInvoice[],
  onInvoice: ((invoice: CompactInvoice) => void) | null,
  tallies: HistoryTallies,
): void {
  const paymentDates = new Map<string, CalendarDate>();
  for (const payment of inputs.payments) paymentDates.set(payment.id, payment.date);
  const allocations = sortedBy(inputs.allocations, (a) => a.invoiceId)
    ? inputs.allocations
    : [...inputs.allocations].sort((a, b) => (a.invoiceId < b.invoiceId ? -1 : 1));
  // One history object and one collections list, refilled for each invoice.
  const collections: Collection[] = [];
  const pool: Collection[] = [];
  const history: InvoiceHistory = {
    clientId: '',
    issueDate: '',
    payableCents: 0,
    dues: [],
    collections,
    settledOn: null,
  };
  let next = 0;
  for (const invoice of invoices) {
    onInvoice?.(invoice);
    // Only issued invoices have a history; the next invoice's walk skips this one's allocations.
    if (invoice.lifecycle !== 'issued') continue;
    while (
      next < allocations.length &&
      (allocations[next] as AllocationRow).invoiceId < invoice.id
    ) {
      next += 1;
    }
    collections.length = 0;
    while (
      next < allocations.length &&
      (allocations[next] as AllocationRow).invoiceId === invoice.id
    ) {
      const allocation = allocations[next] as AllocationRow;
      const date = paymentDates.get(allocation.paymentId);
      if (date !== undefined) {
        // The tallies keep nothing of a history, so the collection objects are reused too.
        let collection = pool[collections.length];
        if (collection === undefined) {
          collection = { date, amountCents: allocation.amountCents };
          pool.push(collection);
        } else {
          collection.date = date;
          collection.amountCents = allocation.amountCents;
        }
        collections.push(collection);
      }
      next += 1;
    }
    if (collections.length > 1) collections.sort(byDate);
    history.clientId = invoice.clientId;
    history.issueDate = invoice.issueDate;
    history.payableCents = invoice.payableCents;
    history.dues = duesInOrder(invoice.dues) ? invoice.dues : [...invoice.dues].sort(byDueDate);
    history.settledOn = settledOn(invoice.payableCents, collections);
    tallies.balances.add(history);
    tallies.sales.add(invoice.issueDate, invoice.payableCents);
    tallies.delays.add(history);
  }
}

/** Stored dues are nearly always in date order already; copying and sorting them is the rare case. */
function duesInOrder(dues: readonly { dueDate: string }[]): boolean {
  for (let i = 1; i < dues.length; i += 1) {
    if ((dues[i - 1] as { dueDate: string }).dueDate > (dues[i] as { dueDate: string }).dueDate) {
      return false;
    }
  }
  return true;
}
const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : 1);
const byDueDate = (a: { dueDate: string }, b: { dueDate: string }) =>
  a.dueDate < b.dueDate ? -1 : 1;

export function computeDashboard(inputs: DashboardInputs, today: CalendarDate): DashboardFigures {
  const clients = new Map(inputs.clients.map((client) => [client.id, client]));
  const aging = Object.fromEntries(
    AGING_BUCKETS.map((bucket) => [bucket, { cents: 0, count: 0 }]),
  ) as Record<AgingBucket, { cents: number; count: number }>;
  const agingByDue = Object.fromEntries(
    AGING_BUCKETS.map((bucket) => [bucket, { cents: 0, count: 0 }]),
  ) as Record<AgingBucket, { cents: number; count: number }>;
  const perClient = new Map<string, Omit<Debtor, 'client'>>();
  let receivableCents = 0;
  let openCount = 0;
  let overdueCents = 0;
  let overdueCount = 0;
  const open: CompactInvoice[] = [];
  const ctx = stateContext(inputs.facts, inputs.invoices, today);
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
    if (row.bucket) {
      aging[row.bucket].cents += row.outstandingCents;
      aging[row.bucket].count += 1;
    }
    let sums = perClient.get(invoice.clientId);
    if (!sums) {
      sums = {
        outstandingCents: 0,
        overdueCents: 0,
        buckets: emptyBuckets(),
        dueBuckets: emptyBuckets(),
      };
      perClient.set(invoice.clientId, sums);
    }
    sums.outstandingCents += row.outstandingCents;
    sums.overdueCents += row.overdueCents;
    if (row.bucket) sums.buckets[row.bucket] += row.outstandingCents;
    const split = dueAging(invoice, row, today);
    for (const bucket of AGING_BUCKETS) {
      const cents = split[bucket];
      if (cents === undefined) continue;
      agingByDue[bucket].cents += cents;
      agingByDue[bucket].count += 1;
      sums.dueBuckets[bucket] += cents;
    }
  };
  // Every balance the Panel shows (month ends, and the starts of the CEI periods), the sales per
  // issue date and the payment delays, all in the same walk over the invoices.
  const trendDates = monthEnds(today, TREND_MONTHS);
  const start30 = addDays(today, -30);
  const start90 = addDays(today, -90);
  const tallies: HistoryTallies = {
    balances: new BalanceTally([...trendDates, start30, start90, today]),
    // The earliest sales period read: the 90 days before the first month end.
    sales: new SalesTally(addDays(trendDates[0] ?? today, -DSO_PERIOD_DAYS)),
    delays: new DelayTally(addDays(today, -365), today),
  };
  // A ledger of 100,000 records does not fit in the CPU's caches, so each walk over it is costly.
  // In id order (as IndexedDB returns them) the open figures are tallied during the histories'
  // walk; otherwise in the records' own order first, so debtors keep their order either way.
  const inIdOrder = sortedBy(inputs.invoices, (invoice) => invoice.id);
  if (!inIdOrder) for (const invoice of inputs.invoices) tally(invoice);
  walkHistories(
    inputs,
    inIdOrder ? inputs.invoices : [...inputs.invoices].sort((a, b) => (a.id < b.id ? -1 : 1)),
    inIdOrder ? tally : null,
    tallies,
  );
  const debtors: Debtor[] = [];
  for (const [clientId, sums] of perClient) {
    const client = clients.get(clientId);
    if (client) debtors.push({ client, ...sums });
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
  const delays = tallies.delays.result();
  const clientDelayDays = new Map<string, number>();
  for (const [clientId, stats] of delays.byClient)
    clientDelayDays.set(clientId, stats.averageDelayDays);

  return {
    receivableCents,
    openCount,
    overdueCents,
    overdueCount,
    aging,
    agingByDue,
    dso: standardDso(receivableCents, salesCents, DSO_PERIOD_DAYS),
    salesCents,
    cei30: ceiFrom(30, begin30, ending, salesBetween(dailySales, start30, today)),
    cei90: ceiFrom(90, begin90, ending, salesBetween(dailySales, start90, today)),
    averageDaysLate: delays.overall.averageDaysLate,
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
