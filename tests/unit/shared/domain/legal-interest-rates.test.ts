import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkLegalRates,
  LEGAL_INTEREST_RATES,
  legalRateOn,
} from '../../../../shared/domain/legal-interest-rates';
import { lateInterest } from '../../../../shared/domain/lateInterest';
import { LEGAL_MONEY_RATES } from '../../../../shared/domain/legal-money-rates';

describe('the shipped Ley 3/2004 table', () => {
  it('starts with the first semester of Ley 3/2004 (in force 30 December 2004)', () => {
    expect(LEGAL_INTEREST_RATES[0]).toEqual({ from: '2004-07-01', ratePercent: 9.01 });
    // BOE-A-2005-1042: 2,09 % + 7 points.
    expect(legalRateOn('2005-03-15').ratePercent).toBe(9.09);
  });

  it('adds 7 points before 24 February 2013 and 8 from that day (RDL 4/2013)', () => {
    expect(legalRateOn('2013-02-23').ratePercent).toBe(7.75);
    expect(legalRateOn('2013-02-24').ratePercent).toBe(8.75);
    expect(legalRateOn('2013-07-01').ratePercent).toBe(8.5);
    // 1.000 € due 31 January, paid 31 March: 23 days at 7,75 % and 36 at 8,75 %.
    const result = lateInterest({
      amountCents: 1_000_00,
      dueDate: '2013-01-31',
      paidDate: '2013-03-31',
    });
    expect(result.periods.map((p) => [p.from, p.to, p.days, p.ratePercent])).toEqual([
      ['2013-02-01', '2013-02-23', 23, 7.75],
      ['2013-02-24', '2013-03-31', 36, 8.75],
    ]);
    // 1.000 € × (7,75 % × 23 + 8,75 % × 36) / 365 = 4,88 + 8,63 = 13,51 €.
    expect(result.interestCents).toBe(1351);
  });

  it('every row passes the checks, and so does the interés legal del dinero table', () => {
    expect(checkLegalRates(LEGAL_MONEY_RATES)).toEqual([]);
    expect(legalRateOn('2009-03-31', LEGAL_MONEY_RATES).ratePercent).toBe(5.5);
    expect(legalRateOn('2009-04-01', LEGAL_MONEY_RATES).ratePercent).toBe(4);
    expect(legalRateOn('2025-06-30', LEGAL_MONEY_RATES).ratePercent).toBe(3.25);
  });
});

describe('checkLegalRates', () => {
  it('the shipped table passes its own checks', () => {
    expect(checkLegalRates(LEGAL_INTEREST_RATES)).toEqual([]);
  });

  it('an empty table is refused', () => {
    expect(checkLegalRates([])).toEqual([{ field: 'rates', code: 'required' }]);
  });

  it('an impossible date names its row; a change mid-semester (RDL 4/2013) is accepted', () => {
    const issues = checkLegalRates([
      { from: '2013-01-01', ratePercent: 7.75 },
      { from: '2013-02-24', ratePercent: 8.75 },
      { from: '2013-02-30', ratePercent: 8.75 },
    ]);
    expect(issues).toEqual([{ field: 'rates.2.from', code: 'date_invalid', params: { row: 3 } }]);
  });

  it('a repeated or out-of-order semester is refused', () => {
    const issues = checkLegalRates([
      { from: '2025-07-01', ratePercent: 10 },
      { from: '2025-07-01', ratePercent: 11 },
      { from: '2025-01-01', ratePercent: 12 },
    ]);
    expect(issues.map((issue) => issue.field)).toEqual(['rates.1.from', 'rates.2.from']);
  });

  it('rates outside 0–30 % or not numbers are refused, the limits themselves accepted', () => {
    const row = (ratePercent: number, year: number) => ({ from: `${year}-01-01`, ratePercent });
    const issues = checkLegalRates([
      row(0, 2020),
      row(30, 2021),
      row(30.01, 2022),
      row(-1, 2023),
      row(Number.NaN, 2024),
    ]);
    expect(issues.map((issue) => issue.field)).toEqual([
      'rates.2.ratePercent',
      'rates.3.ratePercent',
      'rates.4.ratePercent',
    ]);
    expect(issues[0]).toMatchObject({ code: 'out_of_range', params: { min: 0, max: 30 } });
  });
});

describe('lateInterest with an edited table', () => {
  it('uses the edited semester rate where it differs from the shipped one', () => {
    const edited = LEGAL_INTEREST_RATES.map((entry) =>
      entry.from === '2026-07-01' ? { from: entry.from, ratePercent: 12 } : entry,
    );
    const args = { amountCents: 365_000_00, dueDate: '2026-07-31', paidDate: '2026-08-10' };
    // 365.000,00 € × 12 % × 10 days / 365 = 1.200,00 €; the shipped 10,15 % gives 1.015,00 €.
    expect(lateInterest(args, edited).interestCents).toBe(1_200_00);
    expect(lateInterest(args).interestCents).toBe(1_015_00);
  });

  it('passing the shipped table gives exactly the default result', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 2500 }),
        fc.integer({ min: 0, max: 900 }),
        (amountCents, dueOffset, days) => {
          const base = new Date(Date.UTC(2019, 0, 1 + dueOffset));
          const paid = new Date(Date.UTC(2019, 0, 1 + dueOffset + days));
          const args = {
            amountCents,
            dueDate: base.toISOString().slice(0, 10),
            paidDate: paid.toISOString().slice(0, 10),
          };
          expect(lateInterest(args, LEGAL_INTEREST_RATES)).toEqual(lateInterest(args));
        },
      ),
      { numRuns: 200 },
    );
  });
});
