import { describe, expect, it } from 'vitest';
import { dayNumberOf } from '../../../../shared/domain/day-numbers';
import { groupCollections, joinCollections } from '../../../../shared/domain/invoice-collections';

/** Invoice i's collections as [day, cents] pairs, sorted (the columns keep no order inside). */
function pairsOf(
  collections: ReturnType<typeof groupCollections>,
  invoiceCount: number,
): [number, number][][] {
  return Array.from({ length: invoiceCount }, (_, i) => {
    const pairs: [number, number][] = [];
    for (let c = collections.starts[i] ?? 0; c < (collections.starts[i + 1] ?? 0); c += 1) {
      pairs.push([collections.days[c] ?? NaN, collections.cents[c] ?? NaN]);
    }
    return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  });
}

describe('invoice collections', () => {
  it('groups allocations by invoice and leaves out those marked -1', () => {
    const grouped = groupCollections(3, [2, -1, 0, 2], [10, 11, 12, 13], [100, 200, 300, 400]);
    expect(Array.from(grouped.starts)).toEqual([0, 1, 1, 3]);
    expect(pairsOf(grouped, 3)).toEqual([
      [[12, 300]],
      [],
      [
        [10, 100],
        [13, 400],
      ],
    ]);
  });

  it('joins each allocation with its invoice and its payment day, by id', () => {
    const invoices = [{ id: 'i-b' }, { id: 'i-a' }, { id: 'i-c' }];
    const payments = [
      { id: 'p-1', date: '2026-03-01' },
      { id: 'p-2', date: '2026-01-15' },
    ];
    const allocations = [
      { invoiceId: 'i-a', paymentId: 'p-1', amountCents: 500 },
      { invoiceId: 'i-a', paymentId: 'p-2', amountCents: 250 },
      // A payment that is not there has no date: no collection. An unknown invoice neither.
      { invoiceId: 'i-c', paymentId: 'p-9', amountCents: 999 },
      { invoiceId: 'i-z', paymentId: 'p-1', amountCents: 111 },
      { invoiceId: 'i-b', paymentId: 'p-2', amountCents: 75 },
    ];
    const joined = joinCollections(invoices, allocations, payments);
    expect(pairsOf(joined, 3)).toEqual([
      [[dayNumberOf('2026-01-15'), 75]],
      [
        [dayNumberOf('2026-01-15'), 250],
        [dayNumberOf('2026-03-01'), 500],
      ],
      [],
    ]);
  });
});
