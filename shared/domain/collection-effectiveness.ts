// Collection Effectiveness Index: how much of what could be collected in a period was collected.
import type { Cents } from './money';
import { addDays, type CalendarDate } from './dates';
import { balancesAt, salesBetween, type Balance, type InvoiceHistory } from './dso';

export interface CeiResult {
  days: number;
  /** 0–100, or null when nothing was collectable. */
  percent: number | null;
  beginningCents: Cents;
  salesCents: Cents;
  endingCents: Cents;
  endingCurrentCents: Cents;
}

/**
 * CEI = (beginning receivables + credit sales − ending receivables)
 *     ÷ (beginning receivables + credit sales − ending current receivables) × 100,
 * over the `days` days ending today.
 */
export function collectionEffectiveness(
  invoices: readonly InvoiceHistory[],
  today: CalendarDate,
  days: number,
): CeiResult {
  const start = addDays(today, -days);
  const [beginning, ending] = balancesAt(invoices, [start, today]);
  return ceiFrom(days, beginning, ending, salesBetween(invoices, start, today));
}

/** The index from balances already computed at the period's start and end, and its sales. */
export function ceiFrom(
  days: number,
  beginning: Balance | undefined,
  ending: Balance | undefined,
  salesCents: Cents,
): CeiResult {
  const beginningCents = beginning?.receivableCents ?? 0;
  const endingCents = ending?.receivableCents ?? 0;
  const endingCurrentCents = ending?.currentCents ?? 0;
  const collectable = beginningCents + salesCents - endingCurrentCents;
  const collected = beginningCents + salesCents - endingCents;
  return {
    days,
    percent: collectable > 0 ? (collected / collectable) * 100 : null,
    beginningCents,
    salesCents,
    endingCents,
    endingCurrentCents,
  };
}
