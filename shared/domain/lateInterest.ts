// Late-payment interest and the 40 € compensation of Ley 3/2004, split across legal semesters.
import { addDays, daysBetween, isCalendarDate, type CalendarDate } from './dates';
import { isCents, type Cents } from './money';
import {
  LEGAL_INTEREST_RATES,
  legalRateOn,
  rateRunEnd,
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
    const end = annualRatePercent === undefined ? rateRunEnd(from, legalRates) : semesterEnd(from);
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

export interface InterestLine {
  dueDate: CalendarDate;
  from: CalendarDate;
  to: CalendarDate;
  principalCents: Cents;
  days: number;
  ratePercent: number;
  /** This line's share of the total: the lines add up to `interestCents` exactly. */
  interestCents: Cents;
}

export interface InterestStatement {
  interestCents: Cents;
  compensationCents: Cents;
  lines: InterestLine[];
}

interface DatedAmount {
  date: CalendarDate;
  amountCents: Cents;
}

function checkDatedAmounts(field: string, rows: readonly unknown[], dateKey: 'dueDate' | 'date') {
  if (!Array.isArray(rows)) throw new RangeError(`${field} must be a list`);
  rows.forEach((row: unknown, index) => {
    const record = (row ?? {}) as Record<string, unknown>;
    if (!isCalendarDate(record[dateKey])) {
      throw new RangeError(`${field}[${index}].${dateKey} must be YYYY-MM-DD`);
    }
    const amount = record.amountCents;
    if (typeof amount !== 'number' || !isCents(amount) || amount < 0) {
      throw new RangeError(`${field}[${index}].amountCents must be a non-negative whole number`);
    }
  });
}

/** Payments settle the oldest unpaid due first, in date order; what is left over is ignored. */
export function allocateToDues(
  dues: readonly DatedAmount[],
  payments: readonly DatedAmount[],
): DatedAmount[][] {
  const pieces: DatedAmount[][] = dues.map(() => []);
  const left = dues.map((due) => due.amountCents);
  let index = 0;
  for (const payment of payments) {
    let amount = payment.amountCents;
    while (amount > 0 && index < dues.length) {
      const take = Math.min(amount, left[index] ?? 0);
      if (take > 0) {
        pieces[index]?.push({ date: payment.date, amountCents: take });
        left[index] = (left[index] ?? 0) - take;
        amount -= take;
      }
      if ((left[index] ?? 0) === 0) index += 1;
    }
  }
  return pieces;
}

/** Largest remainder: floors first, the missing cents to the largest remainders, ties to the earlier line. */
function apportion(numerators: readonly bigint[], total: number): number[] {
  const floors = numerators.map((n) => n / DENOMINATOR);
  let missing = BigInt(total) - floors.reduce((sum, n) => sum + n, 0n);
  const byRemainder = numerators
    .map((n, index) => ({ index, remainder: n % DENOMINATOR }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  const shares = floors.map((n) => Number(n));
  for (const { index } of byRemainder) {
    if (missing <= 0n) break;
    shares[index] = (shares[index] ?? 0) + 1;
    missing -= 1n;
  }
  return shares;
}

/**
 * Ley 3/2004 interest of an invoice with several dues and payments, through `until` inclusive.
 * Each due accrues from the day after its due date on what is still unpaid of it; a part paid
 * later accrues through its payment date. Lines are runs of days with one due, one principal and
 * one semester (one line per principal with a contract rate). The 40 € are owed once when any
 * part of any due was unpaid after its due date.
 */
export function interestStatement(
  args: {
    dues: { dueDate: string; amountCents: number }[];
    payments: { date: string; amountCents: number }[];
    until: string;
    annualRatePercent?: number;
  },
  legalRates: readonly LegalRateEntry[] = LEGAL_INTEREST_RATES,
): InterestStatement {
  const { until, annualRatePercent } = args;
  checkDatedAmounts('dues', args.dues, 'dueDate');
  checkDatedAmounts('payments', args.payments, 'date');
  if (!isCalendarDate(until))
    throw new RangeError(`until must be YYYY-MM-DD, got ${String(until)}`);
  if (annualRatePercent !== undefined && !(annualRatePercent >= 0 && annualRatePercent <= 100)) {
    throw new RangeError(`annualRatePercent must be between 0 and 100, got ${annualRatePercent}`);
  }
  // Stable sorts: dues of the same day keep their order, and so do payments.
  const dues = args.dues
    .map((due) => ({ date: due.dueDate, amountCents: due.amountCents }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const payments = [...args.payments].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  const pieces = allocateToDues(dues, payments);

  const lines: Omit<InterestLine, 'interestCents'>[] = [];
  const numerators: bigint[] = [];
  let late = false;
  dues.forEach((due, index) => {
    const paid = pieces[index] ?? [];
    let from = addDays(due.date, 1);
    // A part paid on or before the due date never accrues.
    let principal = due.amountCents - sumPaidBefore(paid, from);
    while (principal > 0 && from <= until) {
      late = true;
      const nextPayment = paid.find((piece) => piece.date >= from)?.date;
      let to = until;
      if (nextPayment !== undefined && nextPayment < to) to = nextPayment;
      if (annualRatePercent === undefined) {
        const end = rateRunEnd(from, legalRates);
        if (end < to) to = end;
      }
      const days = daysBetween(from, to) + 1;
      const ratePercent = annualRatePercent ?? legalRateOn(from, legalRates).ratePercent;
      const rate = BigInt(Math.round(ratePercent * Number(RATE_SCALE)));
      numerators.push(BigInt(principal) * rate * BigInt(days));
      lines.push({ dueDate: due.date, from, to, principalCents: principal, days, ratePercent });
      from = addDays(to, 1);
      principal = due.amountCents - sumPaidBefore(paid, from);
    }
  });
  const interestCents = roundHalfUp(
    numerators.reduce((sum, n) => sum + n, 0n),
    DENOMINATOR,
  );
  const shares = apportion(numerators, interestCents);
  return {
    interestCents,
    compensationCents: late ? LATE_PAYMENT_COMPENSATION_CENTS : 0,
    lines: lines.map((line, index) => ({ ...line, interestCents: shares[index] ?? 0 })),
  };
}

/** What was paid of a due before the given day (payments on the day before count). */
function sumPaidBefore(pieces: readonly DatedAmount[], day: CalendarDate): Cents {
  return pieces.reduce((sum, piece) => (piece.date < day ? sum + piece.amountCents : sum), 0);
}
