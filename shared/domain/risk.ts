// A client's risk grade A–E from its payment history, with the reasons as codes the UI translates.
import { daysBetween, type CalendarDate } from './dates';

export type RiskGrade = 'A' | 'B' | 'C' | 'D' | 'E';

export type RiskReasonCode =
  | 'no_history'
  | 'pays_on_time'
  | 'avg_days_late'
  | 'share_paid_late'
  /** Nothing ever settled and invoices overdue: not "paid late", never paid. */
  | 'never_paid'
  | 'broken_promises'
  | 'long_overdue'
  | 'overdue_over_limit'
  | 'exposure_over_limit';

export interface RiskReason {
  code: RiskReasonCode;
  points: number;
  params?: Record<string, number>;
}

export interface SettledInvoiceHistory {
  /** The last due date of the invoice. */
  dueDate: CalendarDate;
  /** The date the last payment that settled it was received. */
  paidDate: CalendarDate;
}

export interface RiskInput {
  settled: readonly SettledInvoiceHistory[];
  /** Settled invoices already summed (e.g. a stored summary), counted with `settled`. */
  settledTotals?: { settledCount: number; lateCount: number; daysLateSum: number };
  /** Days overdue of each invoice still open and overdue. */
  openOverdueDays: readonly number[];
  brokenPromises: number;
  overdueCents: number;
  exposureCents: number;
  creditLimitCents: number | null;
}

export interface RiskAssessment {
  grade: RiskGrade;
  points: number;
  averageDaysLate: number;
  sharePaidLatePercent: number;
  reasons: RiskReason[];
}

function bandPoints(value: number, bands: readonly number[]): number {
  return bands.filter((limit) => value > limit).length;
}

export function gradeOf(points: number): RiskGrade {
  if (points <= 1) return 'A';
  if (points <= 3) return 'B';
  if (points <= 5) return 'C';
  if (points <= 8) return 'D';
  return 'E';
}

export function assessRisk(input: RiskInput): RiskAssessment {
  // Lateness counts open overdue invoices too: a client who never pays has no settled history.
  const lateness = [
    ...input.settled.map((row) => Math.max(0, daysBetween(row.dueDate, row.paidDate))),
    ...input.openOverdueDays.map((days) => Math.max(0, days)),
  ];
  const reasons: RiskReason[] = [];
  const totals = input.settledTotals ?? { settledCount: 0, lateCount: 0, daysLateSum: 0 };
  const count = lateness.length + totals.settledCount;
  const daysLate = lateness.reduce((a, b) => a + b, 0) + totals.daysLateSum;
  const averageDaysLate = count === 0 ? 0 : Math.round(daysLate / count);
  const lateCount = lateness.filter((days) => days > 0).length + totals.lateCount;
  const sharePaidLatePercent = count === 0 ? 0 : Math.round((lateCount / count) * 100);

  if (count === 0) reasons.push({ code: 'no_history', points: 0 });
  const avgPoints = bandPoints(averageDaysLate, [5, 15, 30, 60]);
  const sharePoints = count < 2 ? 0 : bandPoints(sharePaidLatePercent, [20, 50, 80]);
  const neverPaid = input.settled.length + totals.settledCount === 0 && lateCount > 0;
  if (neverPaid) {
    reasons.push({
      code: 'never_paid',
      points: avgPoints + sharePoints,
      params: { count: lateCount, days: averageDaysLate },
    });
  }
  if (avgPoints > 0 && !neverPaid) {
    reasons.push({ code: 'avg_days_late', points: avgPoints, params: { days: averageDaysLate } });
  }
  if (sharePoints > 0 && !neverPaid) {
    reasons.push({
      code: 'share_paid_late',
      points: sharePoints,
      params: { percent: sharePaidLatePercent },
    });
  }
  if (input.brokenPromises > 0) {
    reasons.push({
      code: 'broken_promises',
      points: Math.min(4, input.brokenPromises * 2),
      params: { count: input.brokenPromises },
    });
  }
  const longest = Math.max(0, ...input.openOverdueDays);
  const longPoints = bandPoints(longest, [60, 90]);
  if (longPoints > 0)
    reasons.push({ code: 'long_overdue', points: longPoints, params: { days: longest } });
  const limit = input.creditLimitCents;
  if (limit !== null && limit >= 0) {
    if (input.overdueCents > 0 && input.overdueCents > limit / 2) {
      const percent = limit === 0 ? 100 : Math.round((input.overdueCents / limit) * 100);
      reasons.push({
        code: 'overdue_over_limit',
        points: input.overdueCents > limit ? 3 : 1,
        params: { percent },
      });
    }
    if (input.exposureCents > limit) {
      reasons.push({ code: 'exposure_over_limit', points: 1, params: { limitCents: limit } });
    }
  }
  const points = reasons.reduce((sum, reason) => sum + reason.points, 0);
  if (count > 0 && points === 0) reasons.push({ code: 'pays_on_time', points: 0 });
  return { grade: gradeOf(points), points, averageDaysLate, sharePaidLatePercent, reasons };
}
