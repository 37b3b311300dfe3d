import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lateInterest } from '../../../../shared/domain/lateInterest';
import { legalRateOn, LEGAL_INTEREST_RATES } from '../../../../shared/domain/legal-interest-rates';
import { addDays } from '../../../../shared/domain/dates';

describe('lateInterest', () => {
  it('counts the days after the due date up to and including the payment date', () => {
    const result = lateInterest({
      amountCents: 100_000,
      dueDate: '2025-03-10',
      paidDate: '2025-03-20',
    });
    expect(result.days).toBe(10);
    expect(result.periods).toEqual([
      { from: '2025-03-11', to: '2025-03-20', days: 10, ratePercent: 11.15, interestCents: 305 },
    ]);
    // 1000 € × 11.15 % × 10 / 365 = 3.0548 € → 305 cents.
    expect(result.interestCents).toBe(305);
    expect(result.compensationCents).toBe(4000);
  });

  it('owes nothing, not even the compensation, when paid on or before the due date', () => {
    expect(
      lateInterest({ amountCents: 50_000, dueDate: '2025-03-10', paidDate: '2025-03-10' }),
    ).toEqual({
      days: 0,
      interestCents: 0,
      compensationCents: 0,
      periods: [],
    });
    expect(
      lateInterest({ amountCents: 50_000, dueDate: '2025-03-10', paidDate: '2025-01-01' }).days,
    ).toBe(0);
  });

  it('splits a delay that crosses a semester at each semester rate', () => {
    const result = lateInterest({
      amountCents: 1_000_000,
      dueDate: '2024-06-20',
      paidDate: '2024-07-10',
    });
    expect(result.days).toBe(20);
    expect(
      result.periods.map(({ from, to, days, ratePercent }) => ({ from, to, days, ratePercent })),
    ).toEqual([
      { from: '2024-06-21', to: '2024-06-30', days: 10, ratePercent: 12.5 },
      { from: '2024-07-01', to: '2024-07-10', days: 10, ratePercent: 12.25 },
    ]);
    // 10 000 € × (12.5 % × 10 + 12.25 % × 10) / 365 = 67.808… €.
    expect(result.interestCents).toBe(6781);
  });

  it('rounds the exact sum once, not the sum of rounded periods', () => {
    // 13,90 € over two days at 10.5 % and 12 %: 0.40 and 0.46 cents, each rounds to 0; the sum to 1.
    const result = lateInterest({
      amountCents: 1_390,
      dueDate: '2023-06-29',
      paidDate: '2023-07-01',
    });
    expect(result.periods.map((p) => [p.days, p.ratePercent, p.interestCents])).toEqual([
      [1, 10.5, 0],
      [1, 12, 0],
    ]);
    expect(result.interestCents).toBe(1);
  });

  it('uses actual days over 365 in a leap year, 29 February included', () => {
    const result = lateInterest({
      amountCents: 365_000,
      dueDate: '2024-02-28',
      paidDate: '2024-03-01',
    });
    expect(result.days).toBe(2);
    // 3650 € × 12.5 % × 2 / 365 = 2.50 €.
    expect(result.interestCents).toBe(250);
  });

  it('applies a contract rate to every day instead of the legal table', () => {
    const result = lateInterest({
      amountCents: 365_000,
      dueDate: '2023-12-01',
      paidDate: '2024-01-30',
      annualRatePercent: 5,
    });
    expect(result.days).toBe(60);
    expect(result.periods.every((period) => period.ratePercent === 5)).toBe(true);
    expect(result.interestCents).toBe(3000);
  });

  it('covers every semester of 2020–2026 in the legal table', () => {
    for (let year = 2020; year <= 2026; year += 1) {
      expect(legalRateOn(`${year}-01-01`).from).toBe(`${year}-01-01`);
      expect(legalRateOn(`${year}-07-01`).from).toBe(`${year}-07-01`);
    }
    expect(LEGAL_INTEREST_RATES.filter((entry) => entry.assumed).map((e) => e.from)).toEqual([
      '2026-07-01',
    ]);
  });

  it('keeps the periods contiguous and their days equal to the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 2500 }),
        fc.integer({ min: 0, max: 900 }),
        (amountCents, startOffset, delay) => {
          const dueDate = addDays('2019-06-01', startOffset);
          const paidDate = addDays(dueDate, delay);
          const result = lateInterest({ amountCents, dueDate, paidDate });
          expect(result.days).toBe(delay);
          expect(result.periods.reduce((sum, p) => sum + p.days, 0)).toBe(delay);
          result.periods.forEach((period, index) => {
            const next = result.periods[index + 1];
            if (next) expect(addDays(period.to, 1)).toBe(next.from);
          });
          const periodSum = result.periods.reduce((sum, p) => sum + p.interestCents, 0);
          expect(Math.abs(periodSum - result.interestCents)).toBeLessThanOrEqual(
            result.periods.length,
          );
        },
      ),
    );
  });
});
