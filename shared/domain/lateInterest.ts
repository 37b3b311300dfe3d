// Late-payment interest and the 40 € compensation of Ley 3/2004, split across legal semesters.
import { addDays, daysBetween, isCalendarDate, type CalendarDate } from './dates';
import { isCents, type Cents } from './money';
import {
  LEGAL_INTEREST_RATES,
  legalRateOn,
  semesterEnd,
  type LegalRateEntry,
} from './legal-interest-rates';

/** Art. 8 Ley 3/2004: a fixed 40 € per invoice paid late, on top of the interest. */
export const LATE_PAYMENT_COMPENSATION_CENTS = 4000;

export interface InterestPeriod {
  from: CalendarDate;
  to: CalendarDate;
  days: number;
  ratePercent: number;
  /** This period's interest rounded half-up on its own, for display only. */
  interestCents: Cents;
}

export interface LateInterestResult {
  days: number;
  /** The exact (unrounded) sum of every period, rounded half-up once. */
  interestCents: Cents;
  compensationCents: Cents;
  periods: InterestPeriod[];
}

// Rates become integers in millionths of a percent so the sum stays exact in BigInt.
const RATE_SCALE = 1_000_000n;
const DENOMINATOR = 100n * RATE_SCALE * 365n;

function roundHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

/**
 * Simple interest on actual days / 365 from the day after dueDate to paidDate inclusive, each day
 * at the rate of its semester (or at annualRatePercent, a contract rate, for every day).
 * `legalRates` is the table in force: the shipped one unless the user edited it in Ajustes.
 */
export function lateInterest(
  args: {
    amountCents: number;
    dueDate: string;
    paidDate: string;
    annualRatePercent?: number;
  },
  legalRates: readonly LegalRateEntry[] = LEGAL_INTEREST_RATES,
): LateInterestResult {
  const { amountCents, dueDate, paidDate, annualRatePercent } = args;
  if (!isCents(amountCents) || amountCents < 0) {
    throw new RangeError(`amountCents must be a non-negative whole number, got ${amountCents}`);
  }
  if (!isCalendarDate(dueDate) || !isCalendarDate(paidDate)) {
    throw new RangeError(`Dates must be YYYY-MM-DD, got ${dueDate} and ${paidDate}`);
  }
  if (annualRatePercent !== undefined && !(annualRatePercent >= 0 && annualRatePercent <= 100)) {
    throw new RangeError(`annualRatePercent must be between 0 and 100, got ${annualRatePercent}`);
  }
  const days = Math.max(0, daysBetween(dueDate, paidDate));
  if (days === 0) return { days: 0, interestCents: 0, compensationCents: 0, periods: [] };

  const periods: InterestPeriod[] = [];
  let exactNumerator = 0n;
  let from = addDays(dueDate, 1);
  while (from <= paidDate) {
    const end = semesterEnd(from);
    const to = end < paidDate ? end : paidDate;
    const periodDays = daysBetween(from, to) + 1;
    const ratePercent = annualRatePercent ?? legalRateOn(from, legalRates).ratePercent;
    const rate = BigInt(Math.round(ratePercent * Number(RATE_SCALE)));
    const numerator = BigInt(amountCents) * rate * BigInt(periodDays);
    exactNumerator += numerator;
    periods.push({
      from,
      to,
      days: periodDays,
      ratePercent,
      interestCents: roundHalfUp(numerator, DENOMINATOR),
    });
    from = addDays(to, 1);
  }
  return {
    days,
    interestCents: roundHalfUp(exactNumerator, DENOMINATOR),
    compensationCents: LATE_PAYMENT_COMPENSATION_CENTS,
    periods,
  };
}
