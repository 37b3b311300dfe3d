import { describe, it, expect } from 'vitest';
import { AGING_BUCKETS, agingBucketOf, agingTotals } from '../../../../shared/domain/aging';

const TODAY = '2026-06-30';

describe('agingBucketOf', () => {
  it.each([
    [-5, 'not_due'],
    [0, 'not_due'],
    [1, 'd1_30'],
    [30, 'd1_30'],
    [31, 'd31_60'],
    [60, 'd31_60'],
    [61, 'd61_90'],
    [90, 'd61_90'],
    [91, 'd90_plus'],
    [1000, 'd90_plus'],
  ])('puts %i days overdue in %s', (days, bucket) => {
    expect(agingBucketOf(days)).toBe(bucket);
  });

  it('lists the buckets from current to oldest', () => {
    expect(AGING_BUCKETS).toEqual(['not_due', 'd1_30', 'd31_60', 'd61_90', 'd90_plus']);
  });
});

describe('agingTotals', () => {
  it('ages each open due of an invoice on its own, after payments settle the oldest', () => {
    const totals = agingTotals(
      [
        {
          lifecycle: 'issued',
          paidCents: 150,
          outstandingCents: 450,
          dues: [
            { dueDate: '2026-03-01', amountCents: 100 }, // fully paid
            { dueDate: '2026-05-20', amountCents: 200 }, // 41 days, 150 left after 50 paid
            { dueDate: '2026-07-15', amountCents: 300 }, // not due yet
          ],
        },
        {
          lifecycle: 'issued',
          paidCents: 0,
          outstandingCents: 70,
          dues: [{ dueDate: '2026-03-01', amountCents: 70 }], // 121 days
        },
      ],
      TODAY,
    );
    expect(totals).toEqual({ not_due: 300, d1_30: 0, d31_60: 150, d61_90: 0, d90_plus: 70 });
  });

  it('leaves out drafts, written-off and paid invoices', () => {
    const dues = [{ dueDate: '2026-06-01', amountCents: 100 }];
    const totals = agingTotals(
      [
        { lifecycle: 'draft', paidCents: 0, outstandingCents: 100, dues },
        { lifecycle: 'written_off', paidCents: 0, outstandingCents: 100, dues },
        { lifecycle: 'issued', paidCents: 100, outstandingCents: 0, dues },
      ],
      TODAY,
    );
    expect(Object.values(totals)).toEqual([0, 0, 0, 0, 0]);
  });
});
