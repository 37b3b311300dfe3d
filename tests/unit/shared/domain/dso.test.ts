import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  balancesAt,
  monthEnds,
  monthlyTrend,
  paymentDelays,
  salesBetween,
  settledOn,
  standardDso,
  type InvoiceHistory,
} from '../../../../shared/domain/dso';
import { collectionEffectiveness } from '../../../../shared/domain/collection-effectiveness';

function history(
  issueDate: string,
  payableCents: number,
  dues: [string, number][],
  collections: [string, number][] = [],
  clientId = 'c1',
): InvoiceHistory {
  const list = collections.map(([date, amountCents]) => ({ date, amountCents }));
  return {
    clientId,
    issueDate,
    payableCents,
    dues: dues.map(([dueDate, amountCents]) => ({ dueDate, amountCents })),
    collections: list,
    settledOn: settledOn(payableCents, list),
  };
}

describe('balancesAt', () => {
  const invoice = history(
    '2026-01-10',
    1000,
    [
      ['2026-02-10', 500],
      ['2026-03-10', 500],
    ],
    [['2026-02-20', 300]],
  );

  it('owes nothing before the invoice is issued', () => {
    expect(balancesAt([invoice], ['2026-01-09'])[0]).toEqual({
      receivableCents: 0,
      overdueCents: 0,
      currentCents: 0,
    });
  });

  it('splits what is owed into overdue and current, payments settling the oldest due first', () => {
    const [beforeDue, afterFirstDue, afterPayment, afterSecondDue] = balancesAt(
      [invoice],
      ['2026-02-09', '2026-02-11', '2026-02-21', '2026-03-11'],
    );
    expect(beforeDue).toEqual({ receivableCents: 1000, overdueCents: 0, currentCents: 1000 });
    expect(afterFirstDue).toEqual({ receivableCents: 1000, overdueCents: 500, currentCents: 500 });
    expect(afterPayment).toEqual({ receivableCents: 700, overdueCents: 200, currentCents: 500 });
    expect(afterSecondDue).toEqual({ receivableCents: 700, overdueCents: 700, currentCents: 0 });
  });

  it('overdue and current always add up to what is owed, never negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 120_000 }),
        fc.integer({ min: 0, max: 90 }),
        (payable, paid, offset) => {
          const date = `2026-0${1 + Math.floor(offset / 30)}-${String(1 + (offset % 28)).padStart(2, '0')}`;
          const item = history(
            '2026-01-01',
            payable,
            [['2026-02-01', payable]],
            [['2026-01-20', paid]],
          );
          const [balance] = balancesAt([item], [date]);
          expect(balance!.overdueCents + balance!.currentCents).toBe(balance!.receivableCents);
          expect(balance!.overdueCents).toBeGreaterThanOrEqual(0);
          expect(balance!.receivableCents).toBeLessThanOrEqual(payable);
        },
      ),
    );
  });
});

describe('DSO', () => {
  it('is receivables over credit sales times the days of the period', () => {
    expect(standardDso(30_000, 90_000, 90)).toBe(30);
  });

  it('is unknown when nothing was sold', () => {
    expect(standardDso(30_000, 0, 90)).toBeNull();
  });

  it('counts sales issued after the start and up to the end of the period', () => {
    const invoices = [
      history('2026-01-01', 100, [['2026-01-31', 100]]),
      history('2026-01-02', 200, [['2026-02-01', 200]]),
      history('2026-03-31', 400, [['2026-04-30', 400]]),
    ];
    expect(salesBetween(invoices, '2026-01-01', '2026-03-31')).toBe(600);
  });

  it('gives twelve month ends, the last one today', () => {
    const ends = monthEnds('2026-11-23', 12);
    expect(ends).toHaveLength(12);
    expect(ends[0]).toBe('2025-12-31');
    expect(ends[10]).toBe('2026-10-31');
    expect(ends[11]).toBe('2026-11-23');
    expect(monthEnds('2026-03-15', 2)).toEqual(['2026-02-28', '2026-03-15']);
  });

  it('traces receivables month by month', () => {
    const invoices = [
      history('2026-09-15', 9000, [['2026-10-15', 9000]], [['2026-10-20', 9000]]),
      history('2026-10-05', 3000, [['2026-11-04', 3000]]),
    ];
    const trend = monthlyTrend(invoices, '2026-11-23', 3);
    expect(trend.map((point) => point.receivableCents)).toEqual([9000, 3000, 3000]);
    expect(trend.map((point) => point.overdueCents)).toEqual([0, 0, 3000]);
    expect(trend[2]!.dso).toBeCloseTo((3000 / 12_000) * 90);
  });
});

describe('payment delays', () => {
  it('weighs each collection by its amount against the due it settles', () => {
    const invoices = [
      history(
        '2026-01-01',
        1000,
        [
          ['2026-02-01', 500],
          ['2026-03-01', 500],
        ],
        [['2026-02-11', 1000]],
      ),
    ];
    const { overall } = paymentDelays(invoices, '2026-01-01', '2026-12-31');
    // 500 paid 10 days late, 500 paid 18 days early.
    expect(overall.averageDelayDays).toBe(-4);
    expect(overall.averageDaysLate).toBe(5);
    expect(overall.collectedCents).toBe(1000);
  });

  it('keeps each client apart and ignores collections outside the window', () => {
    const invoices = [
      history('2026-01-01', 100, [['2026-01-31', 100]], [['2026-02-10', 100]], 'a'),
      history('2026-01-01', 100, [['2026-01-31', 100]], [['2025-12-01', 100]], 'b'),
    ];
    const { byClient } = paymentDelays(invoices, '2026-01-01', '2026-12-31');
    expect(byClient.get('a')?.averageDelayDays).toBe(10);
    expect(byClient.has('b')).toBe(false);
  });
});

describe('collection effectiveness', () => {
  it('is 100 % when everything collectable was collected', () => {
    const invoices = [history('2026-10-01', 1000, [['2026-10-15', 1000]], [['2026-10-20', 1000]])];
    expect(collectionEffectiveness(invoices, '2026-11-23', 90).percent).toBe(100);
  });

  it('follows the formula with beginning, sales, ending and ending current receivables', () => {
    const invoices = [
      // Owed at the start (issued before the period), half collected during it.
      history('2026-07-01', 1000, [['2026-07-31', 1000]], [['2026-10-01', 500]]),
      // Sold in the period and not yet due at the end.
      history('2026-11-10', 400, [['2026-12-10', 400]]),
    ];
    const cei = collectionEffectiveness(invoices, '2026-11-23', 90);
    expect(cei.beginningCents).toBe(1000);
    expect(cei.salesCents).toBe(400);
    expect(cei.endingCents).toBe(900);
    expect(cei.endingCurrentCents).toBe(400);
    expect(cei.percent).toBeCloseTo(((1000 + 400 - 900) / (1000 + 400 - 400)) * 100);
  });

  it('is unknown when nothing could be collected', () => {
    expect(collectionEffectiveness([], '2026-11-23', 30).percent).toBeNull();
  });
});
