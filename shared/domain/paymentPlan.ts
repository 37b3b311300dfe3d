// Payment-plan schedules: equal installments or French amortization, exact to the cent.
import { splitCentsEvenly, type Cents } from './money';
import { addDays, addMonthsClamped, isCalendarDate, type CalendarDate } from './dates';

export type ScheduleFrequency = 'weekly' | 'biweekly' | 'monthly';

export interface ScheduleArgs {
  totalCents: number;
  installments: number;
  firstDueDate: string;
  frequency: ScheduleFrequency;
  annualInterestPercent?: number;
}

export interface ScheduledInstallment {
  dueDate: CalendarDate;
  amountCents: Cents;
  principalCents: Cents;
  interestCents: Cents;
}

/** More than this many installments is almost certainly a typo (50 years of monthly payments). */
export const MAX_INSTALLMENTS = 600;

const PERIODS_PER_YEAR: Record<ScheduleFrequency, number> = {
  weekly: 52,
  biweekly: 26,
  monthly: 12,
};

function checkArgs(args: ScheduleArgs): void {
  if (!Number.isSafeInteger(args.totalCents) || args.totalCents < 0) {
    throw new RangeError(
      `buildSchedule: the total must be a whole, non-negative number of cents, got ${String(args.totalCents)}`,
    );
  }
  if (
    !Number.isSafeInteger(args.installments) ||
    args.installments < 1 ||
    args.installments > MAX_INSTALLMENTS
  ) {
    throw new RangeError(
      `buildSchedule: the number of installments must be a whole number from 1 to ${MAX_INSTALLMENTS}, got ${String(args.installments)}`,
    );
  }
  if (!isCalendarDate(args.firstDueDate)) {
    throw new RangeError(
      `buildSchedule: the first due date must be a real date as YYYY-MM-DD, got "${String(args.firstDueDate)}"`,
    );
  }
  if (!(args.frequency in PERIODS_PER_YEAR)) {
    throw new RangeError(
      `buildSchedule: the frequency must be weekly, biweekly or monthly, got "${String(args.frequency)}"`,
    );
  }
  const rate = args.annualInterestPercent ?? 0;
  if (!Number.isFinite(rate) || rate < 0) {
    throw new RangeError(
      `buildSchedule: the annual interest must be a percent of zero or more, got ${String(rate)}`,
    );
  }
}

/** The n-th due date (0-based); monthly always counts from the FIRST date so 31 Jan → 28 Feb → 31 Mar. */
export function scheduleDueDate(
  firstDueDate: CalendarDate,
  frequency: ScheduleFrequency,
  index: number,
): CalendarDate {
  if (frequency === 'monthly') return addMonthsClamped(firstDueDate, index);
  return addDays(firstDueDate, index * (frequency === 'weekly' ? 7 : 14));
}

/**
 * French amortization: a constant payment A = P·r / (1 − (1 + r)^−n), rounded to the cent; each
 * period's interest is the balance × r rounded to the cent, the rest amortizes principal, and the
 * last installment takes whatever principal is left so the principal sums exactly to the total.
 */
function frenchSplit(totalCents: Cents, installments: number, periodRate: number) {
  const exact = (totalCents * periodRate) / (1 - Math.pow(1 + periodRate, -installments));
  // A rate too small to change (1 + r) in floating point, or nothing owed: no interest at all.
  if (!Number.isFinite(exact)) return equalSplit(totalCents, installments);
  const payment = Math.round(exact);
  let balance = totalCents;
  return Array.from({ length: installments }, (_, index) => {
    const interestCents = Math.round(balance * periodRate);
    const isLast = index === installments - 1;
    const principalCents = isLast
      ? balance
      : Math.min(balance, Math.max(0, payment - interestCents));
    balance -= principalCents;
    return { principalCents, interestCents };
  });
}

function equalSplit(totalCents: Cents, installments: number) {
  return splitCentsEvenly(totalCents, installments).map((principalCents) => ({
    principalCents,
    interestCents: 0,
  }));
}

export function buildSchedule(args: ScheduleArgs): ScheduledInstallment[] {
  checkArgs(args);
  const rate = args.annualInterestPercent ?? 0;
  const periodRate = rate / 100 / PERIODS_PER_YEAR[args.frequency];
  const split =
    periodRate === 0
      ? equalSplit(args.totalCents, args.installments)
      : frenchSplit(args.totalCents, args.installments, periodRate);
  return split.map(({ principalCents, interestCents }, index) => ({
    dueDate: scheduleDueDate(args.firstDueDate, args.frequency, index),
    amountCents: principalCents + interestCents,
    principalCents,
    interestCents,
  }));
}

/** What the plan costs in interest, for the builder's "coste total" line. */
export function scheduleTotals(schedule: readonly ScheduledInstallment[]): {
  amountCents: Cents;
  principalCents: Cents;
  interestCents: Cents;
} {
  return schedule.reduce(
    (sum, row) => ({
      amountCents: sum.amountCents + row.amountCents,
      principalCents: sum.principalCents + row.principalCents,
      interestCents: sum.interestCents + row.interestCents,
    }),
    { amountCents: 0, principalCents: 0, interestCents: 0 },
  );
}
