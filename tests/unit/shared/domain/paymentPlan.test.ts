import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildSchedule, scheduleTotals } from '../../../../shared/domain/paymentPlan';
import { addDays, daysBetween, toCalendarDate } from '../../../../shared/domain/dates';

const frequencyArb = fc.constantFrom('weekly' as const, 'biweekly' as const, 'monthly' as const);
const dateArb = fc
  .record({
    year: fc.integer({ min: 2000, max: 2090 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, day }) => toCalendarDate(year, month, day));

describe('buildSchedule', () => {
  it('principal always sums exactly to the total, with or without interest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000_00 }),
        fc.integer({ min: 1, max: 120 }),
        dateArb,
        frequencyArb,
        fc.option(fc.double({ min: 0, max: 40, noNaN: true }), { nil: undefined }),
        (totalCents, installments, firstDueDate, frequency, annualInterestPercent) => {
          const schedule = buildSchedule({
            totalCents,
            installments,
            firstDueDate,
            frequency,
            ...(annualInterestPercent === undefined ? {} : { annualInterestPercent }),
          });
          expect(schedule).toHaveLength(installments);
          expect(scheduleTotals(schedule).principalCents).toBe(totalCents);
          for (const row of schedule) {
            expect(Number.isSafeInteger(row.principalCents)).toBe(true);
            expect(Number.isSafeInteger(row.interestCents)).toBe(true);
            expect(row.principalCents).toBeGreaterThanOrEqual(0);
            expect(row.interestCents).toBeGreaterThanOrEqual(0);
            expect(row.amountCents).toBe(row.principalCents + row.interestCents);
          }
        },
      ),
    );
  });

  it('without interest no two amounts differ by more than one cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_00 }),
        fc.integer({ min: 1, max: 200 }),
        dateArb,
        frequencyArb,
        (totalCents, installments, firstDueDate, frequency) => {
          const amounts = buildSchedule({ totalCents, installments, firstDueDate, frequency }).map(
            (row) => row.amountCents,
          );
          expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
          expect(amounts.every((amount, index) => amount <= (amounts[index - 1] ?? amount))).toBe(
            true,
          );
        },
      ),
    );
  });

  it('weekly and biweekly dates step by 7 and 14 days from the first date', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), (firstDueDate, installments) => {
        for (const [frequency, step] of [
          ['weekly', 7],
          ['biweekly', 14],
        ] as const) {
          const schedule = buildSchedule({
            totalCents: 1000,
            installments,
            firstDueDate,
            frequency,
          });
          schedule.forEach((row, index) => {
            expect(daysBetween(firstDueDate, row.dueDate)).toBe(index * step);
          });
        }
      }),
    );
  });

  it('monthly dates keep the first date’s day, clamped to short months, never drifting', () => {
    const dates = buildSchedule({
      totalCents: 1200_00,
      installments: 5,
      firstDueDate: '2028-01-31',
      frequency: 'monthly',
    }).map((row) => row.dueDate);
    expect(dates).toEqual(['2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30', '2028-05-31']);
    const nonLeap = buildSchedule({
      totalCents: 300,
      installments: 3,
      firstDueDate: '2027-01-31',
      frequency: 'monthly',
    }).map((row) => row.dueDate);
    expect(nonLeap).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
  });

  it('monthly dates are in the following months and never beyond the first day of month', () => {
    fc.assert(
      fc.property(
        fc.record({
          year: fc.integer({ min: 2000, max: 2090 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 31 }),
        }),
        fc.integer({ min: 1, max: 40 }),
        ({ year, month, day }, installments) => {
          const last = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 28;
          const first = (() => {
            try {
              return toCalendarDate(year, month, Math.min(day, last));
            } catch {
              return toCalendarDate(year, month, 28);
            }
          })();
          const firstDay = Number(first.slice(8));
          const schedule = buildSchedule({
            totalCents: 999,
            installments,
            firstDueDate: first,
            frequency: 'monthly',
          });
          schedule.forEach((row, index) => {
            const monthCount = year * 12 + (month - 1) + index;
            expect(Number(row.dueDate.slice(0, 4))).toBe(Math.floor(monthCount / 12));
            expect(Number(row.dueDate.slice(5, 7))).toBe((monthCount % 12) + 1);
            const rowDay = Number(row.dueDate.slice(8));
            expect(rowDay).toBeLessThanOrEqual(firstDay);
            // Clamped only when the month is too short: the next day would be in another month.
            if (rowDay < firstDay) expect(addDays(row.dueDate, 1).slice(8)).toBe('01');
          });
        },
      ),
    );
  });

  it('with interest follows French amortization: equal payments except the last, falling interest', () => {
    const schedule = buildSchedule({
      totalCents: 10_000_00,
      installments: 12,
      firstDueDate: '2026-12-01',
      frequency: 'monthly',
      annualInterestPercent: 6,
    });
    // A = 10 000 × 0,005 / (1 − 1,005^−12) = 860,66 €
    expect(schedule.slice(0, 11).every((row) => row.amountCents === 860_66)).toBe(true);
    expect(schedule[0]?.interestCents).toBe(50_00);
    expect(Math.abs((schedule[11]?.amountCents ?? 0) - 860_66)).toBeLessThanOrEqual(12);
    const interests = schedule.map((row) => row.interestCents);
    expect(interests.every((value, index) => value <= (interests[index - 1] ?? value))).toBe(true);
    expect(scheduleTotals(schedule).interestCents).toBe(
      scheduleTotals(schedule).amountCents - 10_000_00,
    );
  });

  it('costs more with a higher rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_00, max: 1_000_000_00 }),
        fc.integer({ min: 2, max: 60 }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        (totalCents, installments, rate) => {
          const cost = (annualInterestPercent: number) =>
            scheduleTotals(
              buildSchedule({
                totalCents,
                installments,
                firstDueDate: '2027-01-15',
                frequency: 'monthly',
                annualInterestPercent,
              }),
            ).interestCents;
          expect(cost(rate * 2)).toBeGreaterThanOrEqual(cost(rate));
          expect(cost(rate)).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('a rate too small to matter, or a zero total, gives plain equal installments', () => {
    const tiny = buildSchedule({
      totalCents: 0,
      installments: 2,
      firstDueDate: '2000-01-01',
      frequency: 'weekly',
      annualInterestPercent: 1.31e-320,
    });
    expect(tiny.map((row) => row.amountCents)).toEqual([0, 0]);
    const small = buildSchedule({
      totalCents: 101,
      installments: 2,
      firstDueDate: '2000-01-01',
      frequency: 'weekly',
      annualInterestPercent: 1e-300,
    });
    expect(small.map((row) => row.principalCents)).toEqual([51, 50]);
  });

  it('throws a clear error on bad arguments', () => {
    const good = {
      totalCents: 1000,
      installments: 3,
      firstDueDate: '2026-12-01',
      frequency: 'monthly' as const,
    };
    expect(() => buildSchedule({ ...good, installments: 0 })).toThrow(/installments/);
    expect(() => buildSchedule({ ...good, installments: 2.5 })).toThrow(/installments/);
    expect(() => buildSchedule({ ...good, totalCents: 10.5 })).toThrow(/total/);
    expect(() => buildSchedule({ ...good, totalCents: -1 })).toThrow(/total/);
    expect(() => buildSchedule({ ...good, firstDueDate: '2026-02-30' })).toThrow(/date/);
    expect(() => buildSchedule({ ...good, firstDueDate: '01/12/2026' })).toThrow(/date/);
    expect(() => buildSchedule({ ...good, annualInterestPercent: -1 })).toThrow(/interest/);
    expect(() => buildSchedule({ ...good, annualInterestPercent: Number.NaN })).toThrow(/interest/);
  });
});
