import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareLedgerRows,
  sortLedgerOrder,
  type OrderedRow,
} from '../../../../shared/domain/ledger-order';

type Row = OrderedRow & { id: number };

const day = fc
  .record({
    year: fc.integer({ min: 2019, max: 2031 }),
    month: fc.integer({ min: 1, max: 12 }),
    date: fc.integer({ min: 1, max: 28 }),
  })
  .map(
    ({ year, month, date }) =>
      `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`,
  );

/** Few dates and numbers, so ties on both dates (and on all three keys) are common. */
function rowsOf(dates: string[], numbers: string[]) {
  return fc
    .array(
      fc.record({
        nextDueDate: fc.option(fc.constantFrom(...dates), { freq: 4 }),
        issueDate: fc.constantFrom(...dates),
        number: fc.constantFrom(...numbers),
      }),
      { maxLength: 300 },
    )
    .map((rows): Row[] => rows.map((row, id) => ({ ...row, id })));
}

const rows = fc
  .tuple(
    fc.uniqueArray(day, { minLength: 1, maxLength: 8 }),
    fc.uniqueArray(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 6 }),
  )
  .chain(([dates, numbers]) => rowsOf(dates, numbers));

describe('sortLedgerOrder', () => {
  it('gives exactly the order of a stable sort with compareLedgerRows, ties kept in place', () => {
    fc.assert(
      fc.property(rows, (input) => {
        const expected = [...input].sort(compareLedgerRows).map((row) => row.id);
        const copy = [...input];
        const sorted = sortLedgerOrder(copy);
        expect(sorted).toBe(copy);
        expect(sorted.map((row) => row.id)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('puts open invoices first by due date, then settled ones newest first, then numbers down', () => {
    const input: Row[] = [
      { id: 0, nextDueDate: null, issueDate: '2026-01-01', number: 'A-1' },
      { id: 1, nextDueDate: '2026-03-01', issueDate: '2026-01-01', number: 'A-2' },
      { id: 2, nextDueDate: null, issueDate: '2026-02-01', number: 'A-3' },
      { id: 3, nextDueDate: '2026-02-01', issueDate: '2026-01-01', number: 'A-4' },
      { id: 4, nextDueDate: '2026-03-01', issueDate: '2026-01-01', number: 'A-5' },
      { id: 5, nextDueDate: '2026-03-01', issueDate: '2026-01-20', number: 'A-0' },
    ];
    expect(sortLedgerOrder(input).map((row) => row.id)).toEqual([3, 5, 4, 1, 2, 0]);
  });

  it('orders the same when more distinct dates exist than its keys can rank', () => {
    const input: Row[] = Array.from({ length: 70_000 }, (_, id) => {
      const date = new Date(Date.UTC(1900, 0, 1) + ((id * 7919) % 70_000) * 86_400_000);
      const iso = date.toISOString().slice(0, 10);
      return { id, nextDueDate: id % 5 === 0 ? null : iso, issueDate: iso, number: `N${id % 13}` };
    });
    const expected = [...input].sort(compareLedgerRows).map((row) => row.id);
    expect(sortLedgerOrder([...input]).map((row) => row.id)).toEqual(expected);
  });
});
