import { describe, expect, it } from 'vitest';
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

  it('each broken promise makes the grade no better', () => {
    const grades = [0, 1, 2].map(
      (brokenPromises) => assessRisk({ ...base, brokenPromises }).points,
    );
    expect(grades[1]).toBeGreaterThan(grades[0]!);
    expect(grades[2]).toBeGreaterThan(grades[1]!);
  });

  it('grades follow the points in order', () => {
    expect([0, 2, 4, 6, 9].map(gradeOf)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
});
