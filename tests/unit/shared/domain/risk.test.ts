import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../../../shared/domain/dates';
import { assessRisk, gradeOf } from '../../../../shared/domain/risk';

const base = {
  settled: [] as { dueDate: string; paidDate: string }[],
  openOverdueDays: [] as number[],
  brokenPromises: 0,
  overdueCents: 0,
  exposureCents: 0,
  creditLimitCents: null as number | null,
};

describe('assessRisk', () => {
  it('a new client without history is A and says so', () => {
    const risk = assessRisk(base);
    expect(risk.grade).toBe('A');
    expect(risk.reasons.map((r) => r.code)).toEqual(['no_history']);
  });

  it('a client who always pays on time is A', () => {
    const settled = [
      { dueDate: '2026-01-10', paidDate: '2026-01-09' },
      { dueDate: '2026-02-10', paidDate: '2026-02-10' },
    ];
    const risk = assessRisk({ ...base, settled });
    expect(risk.grade).toBe('A');
    expect(risk.reasons.map((r) => r.code)).toEqual(['pays_on_time']);
  });

  it('late payments, broken promises and an overdue above the limit push the grade to E', () => {
    const settled = [
      { dueDate: '2026-01-10', paidDate: '2026-03-20' },
      { dueDate: '2026-02-10', paidDate: '2026-04-30' },
    ];
    const risk = assessRisk({
      ...base,
      settled,
      openOverdueDays: [95],
      brokenPromises: 2,
      overdueCents: 600_000,
      exposureCents: 800_000,
      creditLimitCents: 500_000,
    });
    expect(risk.grade).toBe('E');
    expect(risk.reasons.map((r) => r.code)).toEqual([
      'avg_days_late',
      'share_paid_late',
      'broken_promises',
      'long_overdue',
      'overdue_over_limit',
      'exposure_over_limit',
    ]);
    expect(risk.sharePaidLatePercent).toBe(100);
  });

  it('a client who never paid is said to have never paid, not to pay 100 % late', () => {
    const risk = assessRisk({ ...base, openOverdueDays: [95, 20], overdueCents: 300_000 });
    const codes = risk.reasons.map((r) => r.code);
    expect(codes).toContain('never_paid');
    expect(codes).not.toContain('share_paid_late');
    expect(codes).not.toContain('avg_days_late');
    expect(risk.reasons.find((r) => r.code === 'never_paid')?.params).toEqual({
      count: 2,
      days: 58,
    });
    // Graded as before: 3 points for 58 days late on average, 3 for all of them, 2 for 95 days.
    expect(risk.points).toBe(8);
  });

  it('each broken promise makes the grade no better', () => {
    const grades = [0, 1, 2].map(
      (brokenPromises) => assessRisk({ ...base, brokenPromises }).points,
    );
    expect(grades[1]).toBeGreaterThan(grades[0]!);
    expect(grades[2]).toBeGreaterThan(grades[1]!);
  });

  it('a summary of settled invoices grades exactly like the invoices themselves', () => {
    const row = fc.record({
      due: fc.integer({ min: 0, max: 400 }),
      late: fc.integer({ min: -20, max: 200 }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 30 }),
        fc.array(row, { maxLength: 30 }),
        (kept, summed) => {
          const toHistory = (r: { due: number; late: number }) => {
            const dueDate = addDays('2025-01-01', r.due);
            return { dueDate, paidDate: addDays(dueDate, r.late) };
          };
          const days = summed.map((r) => Math.max(0, r.late));
          const settledTotals = {
            settledCount: summed.length,
            lateCount: days.filter((d) => d > 0).length,
            daysLateSum: days.reduce((a, b) => a + b, 0),
          };
          const all = assessRisk({
            ...base,
            openOverdueDays: [12],
            settled: [...kept, ...summed].map(toHistory),
          });
          const split = assessRisk({
            ...base,
            openOverdueDays: [12],
            settled: kept.map(toHistory),
            settledTotals,
          });
          expect(split).toEqual(all);
        },
      ),
    );
  });

  it('grades follow the points in order', () => {
    expect([0, 2, 4, 6, 9].map(gradeOf)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
});
