// Each issued invoice's history (dues and dated collections) fed to the Panel's tallies, in columns.
import type { CalendarDate } from '../../../../shared/domain/dates';
import { dayNumberOf } from '../../../../shared/domain/day-numbers';
import {
  emptyDayHistory,
  type BalanceTally,
  type DayHistory,
  type DelayTally,
  type SalesByDay,
} from '../../../../shared/domain/history-tallies';
import { joinCollections } from '../../../../shared/domain/invoice-collections';
import type { DashboardInputs } from '../../db/ledger-queries';

/** What the walk over the ledger feeds each issued invoice's history into. */
export interface HistoryTallies {
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
export function walkHistories(inputs: DashboardInputs, tallies: HistoryTallies): void {
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
