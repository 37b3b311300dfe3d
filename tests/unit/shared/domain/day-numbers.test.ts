import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../../shared/domain/dates';
import { dayNumberOf } from '../../../../shared/domain/day-numbers';

describe('dayNumberOf', () => {
  it('counts the days since 2000-01-01 exactly as daysBetween does, leap days included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (offset) => {
        const date = addDays('2000-01-01', offset);
        expect(dayNumberOf(date)).toBe(daysBetween('2000-01-01', date));
        expect(dayNumberOf(date)).toBe(offset);
      }),
      { numRuns: 2_000 },
    );
    expect(dayNumberOf('2024-02-29')).toBe(daysBetween('2000-01-01', '2024-02-29'));
    expect(dayNumberOf('2000-03-01') - dayNumberOf('2000-02-28')).toBe(2);
    expect(dayNumberOf('1900-03-01') - dayNumberOf('1900-02-28')).toBe(1);
  });

  it('refuses what is not a calendar date, as daysBetween does', () => {
    for (const text of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-1a-01', '2026/01/01', '']) {
      expect(() => dayNumberOf(text), text).toThrow();
    }
  });
});

describe('dayNumberOf read from its year table', () => {
  it('gives every day of 1890–2210 (the table, its edges and beyond) as daysBetween does', () => {
    let expected = daysBetween('2000-01-01', '1890-01-01');
    for (let date = '1890-01-01'; date <= '2210-12-31'; date = addDays(date, 1)) {
      if (dayNumberOf(date) !== expected) expect(dayNumberOf(date), date).toBe(expected);
      expected += 1;
    }
    expect(expected).toBe(daysBetween('2000-01-01', '2211-01-01'));
  });

  it('refuses day 29, 30 and 31 where the month has none, in and out of the table', () => {
    for (const text of ['2100-02-29', '1900-02-29', '2023-02-29', '2026-04-31', '2226-02-30']) {
      expect(() => dayNumberOf(text), text).toThrow();
    }
    expect(dayNumberOf('2400-02-29')).toBe(daysBetween('2000-01-01', '2400-02-29'));
  });
});
