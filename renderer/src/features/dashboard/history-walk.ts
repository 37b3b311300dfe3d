// Each issued invoice's history (dues and dated collections) fed to the Panel's tallies, in columns.
import type { CalendarDate } from '../../../../shared/domain/dates';
import {
  emptyDayHistory,
  type BalanceTally,
  type DayHistory,
  type DelayTally,
  type SalesByDay,
} from '../../../../shared/domain/history-tallies';
import type { LedgerDayColumns } from '../../../../shared/domain/ledger-day-columns';
import type { CompactInvoice } from '../../../../shared/domain/ledger-read-model';

/** What the walk over the ledger feeds each issued invoice's history into. */
export interface HistoryTallies {
  balances: BalanceTally;
  sales: SalesByDay;
  delays: DelayTally;
  /** Histories settled on or before this day add nothing to the balances (their first date). */
  balancesFromDay: number;
  /** Invoices issued on or before this date add nothing to the sales (SalesByDay's window). */
  salesAfter: CalendarDate;
  /** dayNumberOf(salesAfter). */
  salesAfterDay: number;
}

/**
 * Feeds every issued invoice's history to the tallies, in the invoices' order, from the columns
 * made once per revision (ledger-day-columns.ts): the walk itself reads numbers only, and the
 * invoice objects only of the histories a sale, a balance or a delay needs (most of a long ledger
 * was settled before the first balance date, with its last collection before the delays' window).
 */
export function walkHistories(
  invoices: readonly CompactInvoice[],
  columns: LedgerDayColumns,
  tallies: HistoryTallies,
): void {
  const { days, cents } = columns.collections;
  const starts = columns.collections.starts;
  const { issueDays, settledDays, lastCollectionDays } = columns;
  const { balances, sales, delays, balancesFromDay, salesAfterDay } = tallies;
  const delaysFromDay = delays.firstDay;
  const history: DayHistory = emptyDayHistory(0);
  history.collectionDays = days;
  history.collectionCents = cents;
  history.dueDays = columns.days;
  history.dueCents = columns.cents;
  for (let i = 0; i < columns.count; i += 1) {
    const issueDay = issueDays[i] as number;
    // NaN (not issued) fails every comparison below.
    const recent = issueDay > salesAfterDay;
    const owedOnBalanceDates = (settledDays[i] as number) > balancesFromDay;
    const collectedInWindow = (lastCollectionDays[i] as number) >= delaysFromDay;
    if (!recent && !owedOnBalanceDates && !collectedInWindow) continue;
    const invoice = invoices[i] as CompactInvoice;
    if (recent) sales.add(issueDay, invoice.issueDate, invoice.payableCents);
    if (!owedOnBalanceDates && !collectedInWindow) continue;
    history.clientId = invoice.clientId;
    history.issueDay = issueDay;
    history.payableCents = invoice.payableCents;
    history.dueFrom = columns.starts[i] as number;
    history.dueCount = (columns.starts[i + 1] as number) - history.dueFrom;
    history.collectionFrom = starts[i] as number;
    history.collectionTo = starts[i + 1] as number;
    history.settledDay = settledDays[i] as number;
    if (owedOnBalanceDates) balances.addDays(history);
    if (collectedInWindow) delays.addDays(history);
  }
}
