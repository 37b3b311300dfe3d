// The dashboard's figures from the whole ledger: pure, so the bench can time exactly this work.
import type { AgingBucket } from '../../../../shared/domain/aging';
import { AGING_BUCKETS } from '../../../../shared/domain/aging';
import { addDays, type CalendarDate } from '../../../../shared/domain/dates';
import {
  DSO_PERIOD_DAYS,
  monthEnds,
  salesBetween,
  standardDso,
  trendFrom,
  type MonthPoint,
} from '../../../../shared/domain/dso';
import { dayNumberOf } from '../../../../shared/domain/day-numbers';
import { BalanceTally, DelayTally, SalesByDay } from '../../../../shared/domain/history-tallies';
import { walkHistories, type HistoryTallies } from './history-walk';
import { ceiFrom, type CeiResult } from '../../../../shared/domain/collection-effectiveness';
import { cashForecast, type Forecast } from '../../../../shared/domain/forecast';
import type { CompactInvoice } from '../../../../shared/domain/ledger-read-model';
import type { DashboardInputs, LedgerClient } from '../../db/ledger-queries';
import { stateContext } from '../../db/ledger-queries';
import { OpenTally } from './open-tally';
import { joinCollections } from '../../../../shared/domain/invoice-collections';
import {
  ledgerDayColumns,
  type LedgerDayColumns,
} from '../../../../shared/domain/ledger-day-columns';

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

function bucketRecord(cents: Float64Array, at: number): Record<AgingBucket, number> {
  return {
    not_due: cents[at] as number,
    d1_30: cents[at + 1] as number,
    d31_60: cents[at + 2] as number,
    d61_90: cents[at + 3] as number,
    d90_plus: cents[at + 4] as number,
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

/**
 * The columns the Panel walks (ledger-day-columns.ts): the loader's, made once per revision of the
 * ledger, or made here when it had none (or none for these invoices).
 */
function columnsOf(inputs: DashboardInputs): LedgerDayColumns {
  const given = inputs.dayColumns;
  if (
    given &&
    given.count === inputs.invoices.length &&
    given.paymentDays.length === inputs.payments.length
  )
    return given;
  const collections =
    inputs.collections ?? joinCollections(inputs.invoices, inputs.allocations, inputs.payments);
  return ledgerDayColumns(inputs.invoices, collections, inputs.payments);
}

export function computeDashboard(inputs: DashboardInputs, today: CalendarDate): DashboardFigures {
  const clients = new Map(inputs.clients.map((client) => [client.id, client]));
  const columns = columnsOf(inputs);
  const invoices = inputs.invoices;
  const openRows = columns.open;
  const open = new Array<CompactInvoice>(openRows.length);
  const ctx = stateContext(inputs.facts, invoices, today);
  const todayNumber = ctx.todayNumber;
  const tally = new OpenTally(columns, ctx);
  // The open figures in the invoices' own order (debtors with equal sums keep the order of their
  // first open invoice), then every history for the balances, sales and delays.
  for (let k = 0; k < openRows.length; k += 1) {
    const row = openRows[k] as number;
    const invoice = invoices[row] as CompactInvoice;
    open[k] = invoice;
    tally.add(invoice, row);
  }
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
    salesAfterDay: dayNumberOf(salesAfter),
  };
  walkHistories(invoices, columns, tallies);
  const debtors: Debtor[] = [];
  const { receivableCents, openCount, overdueCents, overdueCount } = tally;
  for (const [clientId, sums] of tally.perClient) {
    const client = clients.get(clientId);
    if (client) {
      debtors.push({
        client,
        outstandingCents: sums.outstandingCents,
        overdueCents: sums.overdueCents,
        buckets: bucketRecord(tally.clientBuckets, sums.at),
        dueBuckets: bucketRecord(tally.clientDueBuckets, sums.at),
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
    aging: bucketTotals(tally.agingCents, tally.agingCounts),
    agingByDue: bucketTotals(tally.byDueCents, tally.byDueCounts),
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
      dues: { columns, rows: openRows },
      collectionDays: columns.paymentDays,
    }),
  };
}
