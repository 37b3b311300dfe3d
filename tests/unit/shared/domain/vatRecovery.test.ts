import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { aeatNoticeBy, vatRecoveryWindows } from '../../../../shared/domain/vatRecovery';
import { compareDates, parts, toCalendarDate } from '../../../../shared/domain/dates';

const one = (accrualDate: string, dueDate: string, waitMonths: 6 | 12) =>
  vatRecoveryWindows({ accrualDate, dues: [{ dueDate, amountCents: 12100 }], waitMonths })[0]!;

describe('vatRecoveryWindows: a single due counts from the accrual', () => {
  it('one year, then six months to rectify', () => {
    expect(one('2026-03-15', '2026-04-14', 12)).toEqual({
      dueDate: '2026-04-14',
      amountCents: 12100,
      eligibleFrom: '2027-03-15',
      rectifyBy: '2027-09-15',
    });
  });

  it('six months for a small creditor who chose it', () => {
    expect(one('2026-03-15', '2026-04-14', 6)).toMatchObject({
      eligibleFrom: '2026-09-15',
      rectifyBy: '2027-03-15',
    });
  });

  it('31 August + 6 months is 28 February, or 29 in a leap year (fecha a fecha)', () => {
    expect(one('2026-08-31', '2026-09-30', 6).eligibleFrom).toBe('2027-02-28');
    expect(one('2027-08-31', '2027-09-30', 6).eligibleFrom).toBe('2028-02-29');
    // The next six months start from the 28th: the day lost in February does not come back.
    expect(one('2026-08-31', '2026-09-30', 6).rectifyBy).toBe('2027-08-28');
  });

  it('29 February + 12 months is 28 February', () => {
    expect(one('2028-02-29', '2028-03-30', 12)).toMatchObject({
      eligibleFrom: '2029-02-28',
      rectifyBy: '2029-08-28',
    });
  });

  it('31 March + 6 months is 30 September; + 6 more is 30 March', () => {
    expect(one('2026-03-31', '2026-04-30', 6)).toMatchObject({
      eligibleFrom: '2026-09-30',
      rectifyBy: '2027-03-30',
    });
  });

  it('crosses the year end', () => {
    expect(one('2026-12-31', '2027-01-30', 12)).toMatchObject({
      eligibleFrom: '2027-12-31',
      rectifyBy: '2028-06-30',
    });
  });
});

describe('vatRecoveryWindows: installments', () => {
  it('every due counts from the accrual while the last is at most 12 months later', () => {
    const windows = vatRecoveryWindows({
      accrualDate: '2026-01-15',
      dues: [
        { dueDate: '2026-07-15', amountCents: 500 },
        { dueDate: '2027-01-15', amountCents: 700 },
      ],
      waitMonths: 6,
    });
    expect(windows.map((w) => w.eligibleFrom)).toEqual(['2026-07-15', '2026-07-15']);
  });

  it('every due counts from its own date once the last is more than 12 months later', () => {
    const windows = vatRecoveryWindows({
      accrualDate: '2026-01-15',
      dues: [
        { dueDate: '2026-07-15', amountCents: 500 },
        { dueDate: '2027-01-16', amountCents: 700 },
      ],
      waitMonths: 6,
    });
    expect(windows).toEqual([
      {
        dueDate: '2026-07-15',
        amountCents: 500,
        eligibleFrom: '2027-01-15',
        rectifyBy: '2027-07-15',
      },
      {
        dueDate: '2027-01-16',
        amountCents: 700,
        eligibleFrom: '2027-07-16',
        rectifyBy: '2028-01-16',
      },
    ]);
  });

  it('the 12 months threshold is itself fecha a fecha (29 Feb accrual)', () => {
    const run = (lastDue: string) =>
      vatRecoveryWindows({
        accrualDate: '2028-02-29',
        dues: [{ dueDate: lastDue, amountCents: 1 }],
        waitMonths: 12,
      })[0]?.eligibleFrom;
    expect(run('2029-02-28')).toBe('2029-02-28');
    expect(run('2029-03-01')).toBe('2030-03-01');
  });

  it('returns the dues in due-date order whatever the input order, ties stable', () => {
    const windows = vatRecoveryWindows({
      accrualDate: '2026-01-01',
      dues: [
        { dueDate: '2026-03-01', amountCents: 3 },
        { dueDate: '2026-02-01', amountCents: 1 },
        { dueDate: '2026-03-01', amountCents: 4 },
      ],
      waitMonths: 12,
    });
    expect(windows.map((w) => [w.dueDate, w.amountCents])).toEqual([
      ['2026-02-01', 1],
      ['2026-03-01', 3],
      ['2026-03-01', 4],
    ]);
  });

  it('no dues, no windows', () => {
    expect(vatRecoveryWindows({ accrualDate: '2026-01-01', dues: [], waitMonths: 6 })).toEqual([]);
  });

  it('refuses impossible dates, fractional cents and other waits', () => {
    expect(() => one('2026-02-30', '2026-03-01', 6)).toThrow(RangeError);
    expect(() => one('2026-02-01', '01/03/2026', 6)).toThrow(RangeError);
    expect(() =>
      vatRecoveryWindows({
        accrualDate: '2026-01-01',
        dues: [{ dueDate: '2026-02-01', amountCents: 1.5 }],
        waitMonths: 6,
      }),
    ).toThrow(RangeError);
    expect(() =>
      vatRecoveryWindows({
        accrualDate: '2026-01-01',
        dues: [],
        waitMonths: 3 as unknown as 6,
      }),
    ).toThrow(RangeError);
  });
});

describe('aeatNoticeBy', () => {
  it('adds one month fecha a fecha', () => {
    expect(aeatNoticeBy('2027-03-10')).toBe('2027-04-10');
    expect(aeatNoticeBy('2027-01-31')).toBe('2027-02-28');
    expect(aeatNoticeBy('2028-01-31')).toBe('2028-02-29');
    expect(aeatNoticeBy('2027-12-15')).toBe('2028-01-15');
  });

  it('refuses a non-date', () => {
    expect(() => aeatNoticeBy('2027-02-29')).toThrow(RangeError);
  });
});

const anyDate = fc
  .record({
    year: fc.integer({ min: 2000, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return toCalendarDate(year, month, Math.min(day, last));
  });

const monthIndex = (date: string) => {
  const { year, month } = parts(date);
  return year * 12 + month;
};

/** b is a months after a, fecha a fecha: the same day, or the last day of a shorter month. */
function isMonthsAfter(a: string, b: string, months: number): boolean {
  if (monthIndex(b) - monthIndex(a) !== months) return false;
  const { year, month, day } = parts(b);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day === Math.min(parts(a).day, lastDay);
}

describe('vatRecoveryWindows properties', () => {
  const input = fc.record({
    accrualDate: anyDate,
    offsets: fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 1, maxLength: 6 }),
    waitMonths: fc.constantFrom<6 | 12>(6, 12),
  });

  it('one window per due, ordered, amounts kept, each a fecha-a-fecha step from its start', () => {
    fc.assert(
      fc.property(input, ({ accrualDate, offsets, waitMonths }) => {
        const dues = offsets.map((days, i) => {
          const d = new Date(`${accrualDate}T12:00:00Z`);
          d.setUTCDate(d.getUTCDate() + days);
          return { dueDate: d.toISOString().slice(0, 10), amountCents: 100 + i };
        });
        const windows = vatRecoveryWindows({ accrualDate, dues, waitMonths });
        expect(windows).toHaveLength(dues.length);
        expect([...windows.map((w) => w.amountCents)].sort()).toEqual(
          dues.map((d) => d.amountCents).sort(),
        );
        const last = windows[windows.length - 1]?.dueDate ?? accrualDate;
        // Independent oracle for "more than 12 months after the accrual": one year later, clamped.
        const { year, month, day } = parts(accrualDate);
        const lastDay = new Date(Date.UTC(year + 1, month, 0)).getUTCDate();
        const yearLater = toCalendarDate(year + 1, month, Math.min(day, lastDay));
        const installments = last > yearLater;
        windows.forEach((w, i) => {
          if (i > 0) expect(compareDates(windows[i - 1]?.dueDate ?? '', w.dueDate)).toBeLessThan(1);
          const start = installments ? w.dueDate : accrualDate;
          expect(isMonthsAfter(start, w.eligibleFrom, waitMonths)).toBe(true);
          expect(isMonthsAfter(w.eligibleFrom, w.rectifyBy, 6)).toBe(true);
          expect(compareDates(w.eligibleFrom, start)).toBe(1);
        });
      }),
    );
  });

  it('the AEAT notice is one month after, never earlier than the corrective invoice', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const by = aeatNoticeBy(date);
        expect(isMonthsAfter(date, by, 1)).toBe(true);
        expect(compareDates(by, date)).toBe(1);
      }),
    );
  });
});
