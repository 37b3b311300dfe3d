import { describe, it, expect } from 'vitest';
import {
  AGING_BUCKETS,
  agingBucketOf,
  agingTotals,
  agingBucketIndexOf,
  dueAging,
  dueAgingInto,
} from '../../../../shared/domain/aging';
import { dayNumberOf } from '../../../../shared/domain/day-numbers';

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

describe('dueAging (the aging report, per due)', () => {
  const threeDues = {
    dues: [
      { dueDate: '2026-10-31', amountCents: 1_210_00 },
      { dueDate: '2026-11-30', amountCents: 1_210_00 },
      { dueDate: '2026-12-31', amountCents: 1_210_00 },
    ],
    paidCents: 0,
    creditedCents: 0,
    planId: null,
  };

  it('puts only the due past its date in 1–30 días, the rest not due (issue 18)', () => {
    const state = { outstandingCents: 3_630_00, overdueCents: 1_210_00, bucket: 'd1_30' as const };
    expect(dueAging(threeDues, state, '2026-11-30')).toEqual({
      d1_30: 1_210_00,
      not_due: 2_420_00,
    });
  });

  it('a payment settles the oldest due first; an invoice in a plan is late by its plan', () => {
    const paid = { ...threeDues, paidCents: 1_500_00 };
    const state = { outstandingCents: 2_130_00, overdueCents: 920_00, bucket: 'd1_30' as const };
    expect(dueAging(paid, state, '2026-12-01')).toEqual({ d1_30: 920_00, not_due: 1_210_00 });
    const inPlan = { ...threeDues, planId: 'p1' };
    const planState = {
      outstandingCents: 3_630_00,
      overdueCents: 300_00,
      bucket: 'd31_60' as const,
    };
    expect(dueAging(inPlan, planState, '2026-12-15')).toEqual({
      d31_60: 300_00,
      not_due: 3_330_00,
    });
  });

  it('written into an array (the Panel refills one per invoice): the same cents, zeroed first', () => {
    const into = new Float64Array(AGING_BUCKETS.length).fill(7);
    const state = { outstandingCents: 3_630_00, overdueCents: 2_420_00, bucket: 'd31_60' as const };
    dueAgingInto(threeDues, state, dayNumberOf('2026-12-15'), into);
    // 45 and 15 days late, one not due yet; nothing left from the array's previous contents.
    expect([...into]).toEqual([1_210_00, 1_210_00, 1_210_00, 0, 0]);
    expect(dueAging(threeDues, state, '2026-12-15')).toEqual({
      not_due: 1_210_00,
      d1_30: 1_210_00,
      d31_60: 1_210_00,
    });
    // More outstanding than the dues explain (never expected): the rest is not due.
    dueAgingInto({ ...threeDues, dues: [] }, state, dayNumberOf('2026-12-15'), into);
    expect([...into]).toEqual([3_630_00, 0, 0, 0, 0]);
  });
});

describe('agingBucketIndexOf', () => {
  it('is the position in AGING_BUCKETS of agingBucketOf, at every edge', () => {
    for (const days of [-5, 0, 1, 30, 31, 60, 61, 90, 91, 400]) {
      expect(AGING_BUCKETS[agingBucketIndexOf(days)]).toBe(agingBucketOf(days));
    }
    expect(agingBucketIndexOf(91)).toBe(4);
  });
});
