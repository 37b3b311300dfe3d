import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkLegalRates,
  LEGAL_INTEREST_RATES,
} from '../../../../shared/domain/legal-interest-rates';
import { lateInterest } from '../../../../shared/domain/lateInterest';

describe('checkLegalRates', () => {
  it('the shipped table passes its own checks', () => {
    expect(checkLegalRates(LEGAL_INTEREST_RATES)).toEqual([]);
  });

  it('an empty table is refused', () => {
    expect(checkLegalRates([])).toEqual([{ field: 'rates', code: 'required' }]);
  });

  it('a date that does not start a semester names its row', () => {
    const issues = checkLegalRates([
      { from: '2025-01-01', ratePercent: 10 },
      { from: '2025-03-01', ratePercent: 10 },
    ]);
    expect(issues).toEqual([{ field: 'rates.1.from', code: 'date_invalid', params: { row: 2 } }]);
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
