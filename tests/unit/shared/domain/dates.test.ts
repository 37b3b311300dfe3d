import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DateParseError,
  addDays,
  addMonthsClamped,
  compareDates,
  daysBetween,
  epochDayOf,
  formatDate,
  isCalendarDate,
  maxDate,
  minDate,
  parseDateText,
  parts,
  toCalendarDate,
  todayLocal,
} from '../../../../shared/domain/dates';

const anyDate = fc
  .record({
    year: fc.integer({ min: 1900, max: 2200 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, day }) => toCalendarDate(year, month, day));

describe('isCalendarDate', () => {
  it('accepts real dates in YYYY-MM-DD, leap days included', () => {
    expect(isCalendarDate('2026-12-31')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
  });

  it('rejects impossible dates, other shapes and non-strings', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate('2026-01-01T00:00')).toBe(false);
    expect(isCalendarDate(' 2026-01-01')).toBe(false);
    expect(isCalendarDate(20260101)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });
});

describe('toCalendarDate and parts', () => {
  it('pads and splits back', () => {
    expect(toCalendarDate(2026, 3, 7)).toBe('2026-03-07');
    expect(parts('2026-03-07')).toEqual({ year: 2026, month: 3, day: 7 });
  });

  it('throws for dates that do not exist', () => {
    expect(() => toCalendarDate(2026, 2, 29)).toThrow(RangeError);
    expect(() => toCalendarDate(2026, 0, 1)).toThrow(RangeError);
    expect(() => toCalendarDate(2026, 1, 1.5)).toThrow(RangeError);
    expect(() => parts('31/12/2026')).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-15', 30)).toBe('2026-02-14');
  });

  it('ignores daylight saving changes', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it('counts whole days between dates, negative when going back', () => {
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-02-10', '2026-02-01')).toBe(-9);
    expect(daysBetween('1970-01-01', '2000-01-01')).toBe(10957);
  });

  it('adding the days between two dates leads from one to the other', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -40000, max: 40000 }), (date, days) => {
        const later = addDays(date, days);
        return daysBetween(date, later) === days && addDays(later, -days) === date;
      }),
    );
  });

  it('agrees with UTC dates on the day count', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        const utc = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
        return daysBetween(a, b) === utc(b) - utc(a);
      }),
    );
  });
});

describe('addMonthsClamped', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsClamped('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonthsClamped('2026-05-31', -3)).toBe('2026-02-28');
  });

  it('crosses years both ways', () => {
    expect(addMonthsClamped('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonthsClamped('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonthsClamped('2026-01-15', 24)).toBe('2028-01-15');
  });

  it('keeps the day when it exists and otherwise lands on the last day of the month', () => {
    // The oracle: day 0 of the next month is the last day of this one.
    const lastDayOf = (year: number, month: number): number =>
      new Date(Date.UTC(year, month, 0)).getUTCDate();
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: -240, max: 240 }),
        (year, month, wantedDay, months) => {
          const day = Math.min(wantedDay, lastDayOf(year, month));
          const result = parts(addMonthsClamped(toCalendarDate(year, month, day), months));
          return (
            result.year * 12 + result.month === year * 12 + month + months &&
            result.day === Math.min(day, lastDayOf(result.year, result.month))
          );
        },
      ),
    );
  });
});

describe('comparisons', () => {
  it('orders dates and picks the earliest and latest', () => {
    expect(compareDates('2026-01-02', '2026-01-10')).toBe(-1);
    expect(compareDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(minDate('2026-05-01', '2026-04-30', '2026-06-01')).toBe('2026-04-30');
    expect(maxDate('2026-05-01', '2026-04-30', '2026-06-01')).toBe('2026-06-01');
    expect(minDate('2026-05-01')).toBe('2026-05-01');
  });
});

describe('todayLocal', () => {
  it('reads the local calendar day of a Date', () => {
    expect(todayLocal(new Date(2026, 0, 31, 23, 59))).toBe('2026-01-31');
    expect(todayLocal(new Date(2028, 1, 29, 0, 0))).toBe('2028-02-29');
  });
});

describe('parseDateText', () => {
  it.each([
    ['31/12/2026', '2026-12-31'],
    ['1/2/2026', '2026-02-01'],
    ['01/02/26', '2026-02-01'],
    ['5/6/69', '2069-06-05'],
    ['5/6/70', '1970-06-05'],
    ['31-12-2026', '2026-12-31'],
    ['31.12.2026', '2026-12-31'],
    ['2026-12-31', '2026-12-31'],
    ['29/02/2028', '2028-02-29'],
    ['  07/03/2026 ', '2026-03-07'],
  ])('reads "%s" as %s', (text, expected) => {
    expect(parseDateText(text)).toBe(expected);
  });

  it('rejects a day that does not exist, naming the text', () => {
    expect(() => parseDateText('31/02/2026')).toThrow(DateParseError);
    expect(() => parseDateText('31/02/2026')).toThrow(/"31\/02\/2026".*does not exist/);
    expect(() => parseDateText('29/02/2026')).toThrow(DateParseError);
  });

  it.each(['', 'mañana', '2026/12/31', '31/12-2026', '12/2026', '1/1/202', '2026-12-31T10:00'])(
    'rejects the shape "%s"',
    (text) => {
      expect(() => parseDateText(text)).toThrow(DateParseError);
    },
  );
});

describe('formatDate', () => {
  it('prints Spanish day/month/year and the English short month', () => {
    expect(formatDate('2026-12-31')).toBe('31/12/2026');
    expect(formatDate('2026-03-07', 'es-ES')).toBe('07/03/2026');
    expect(formatDate('2026-12-31', 'en-GB')).toBe('31 Dec 2026');
    expect(formatDate('2026-03-07', 'en')).toBe('7 Mar 2026');
  });

  it('round-trips through parseDateText', () => {
    fc.assert(fc.property(anyDate, (date) => parseDateText(formatDate(date)) === date));
  });
});

describe('day arithmetic read from the digits (epochDayOf)', () => {
  /** An independent count: the UTC clock's days (a test may use Date; the code must not). */
  const utcDays = (date: string): number => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const at = new Date(0);
    at.setUTCFullYear(year, month - 1, day);
    return Math.round(at.getTime() / 86_400_000);
  };

  it('counts every day of 1890–2210 as the UTC calendar does, table edges and leap days included', () => {
    for (let date = '1890-01-01'; date <= '2210-12-31'; date = addDays(date, 1)) {
      const expected = utcDays(date);
      if (epochDayOf(date) !== expected) expect(epochDayOf(date), date).toBe(expected);
    }
    for (const date of ['0001-01-01', '1582-10-10', '1899-12-31', '2200-01-01', '9999-12-31']) {
      expect(epochDayOf(date), date).toBe(utcDays(date));
    }
    expect(daysBetween('1900-02-28', '1900-03-01')).toBe(1);
    expect(daysBetween('2000-02-28', '2000-03-01')).toBe(2);
    expect(compareDates('2199-12-31', '2200-01-01')).toBe(-1);
  });

  it('refuses what is not a calendar date, in and out of the table years', () => {
    const bad = [
      '2026-02-29',
      '1900-02-29',
      '2100-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
    ];
    for (const text of [...bad, '2226-02-30', '2026-1a-01', '2026/01/01', '+026-01-01', '']) {
      expect(() => epochDayOf(text), text).toThrow(RangeError);
      expect(() => daysBetween('2026-01-01', text), text).toThrow(RangeError);
    }
  });
});

describe('parts read from the digits', () => {
  it('gives the year, month and day of every date of 1899–2201 as the text says', () => {
    for (let date = '1899-12-01'; date <= '2201-01-31'; date = addDays(date, 1)) {
      const [year, month, day] = date.split('-').map(Number);
      const read = parts(date);
      if (read.year !== year || read.month !== month || read.day !== day) {
        expect(read, date).toEqual({ year, month, day });
      }
    }
    expect(parts('0042-03-04')).toEqual({ year: 42, month: 3, day: 4 });
    expect(() => parts('2026-02-30')).toThrow(RangeError);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
  });
});
