import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SortingState } from '@tanstack/react-table';
import type { LedgerRow } from '../../../../../renderer/src/db/ledger-queries';
import {
  LEDGER_COLUMNS,
  sortOrder,
  sortRows,
} from '../../../../../renderer/src/features/ledger/ledger-columns';
import { orderSelection } from '../../../../../shared/domain/ledger-index';
import { AGING_BUCKETS } from '../../../../../shared/domain/aging';

const DATES = ['2026-01-15', '2026-02-14', '2026-03-01'];
const arbitraryRow = fc.record({
  clientName: fc.constantFrom('Talleres García', 'Peña Ibáñez', 'Ó'),
  clientTaxId: fc.constantFrom('B12345674', ''),
  number: fc.constantFrom('2026-0001', 'A-77', '12'),
  issueDate: fc.constantFrom(...DATES),
  nextDueDate: fc.option(fc.constantFrom(...DATES), { nil: null }),
  lastContactDate: fc.option(fc.constantFrom(...DATES), { nil: null }),
  totalCents: fc.integer({ min: -500, max: 500 }),
  payableCents: fc.integer({ min: -500, max: 500 }),
  outstandingCents: fc.integer({ min: 0, max: 500 }),
  overdueCents: fc.integer({ min: 0, max: 500 }),
  daysOverdue: fc.integer({ min: 0, max: 120 }),
  bucket: fc.option(fc.constantFrom(...AGING_BUCKETS), { nil: null }),
  status: fc.constantFrom('pending', 'paid', 'overdue', 'disputed' as const),
});

type RowRecord = typeof arbitraryRow extends fc.Arbitrary<infer R> ? R : never;

function toRows(records: RowRecord[]): LedgerRow[] {
  return records.map((record, k) => ({
    ...record,
    id: `inv-${k}`,
    clientId: `c-${record.clientName}`,
    searchText: `${record.clientName} ${record.number}`.toLowerCase(),
    amountText: String(record.payableCents),
    lifecycle: 'issued',
  }));
}

/** What the screen showed before: the kept rows sorted by the column's key, ties as kept. */
function reference(rows: readonly LedgerRow[], sorting: SortingState): LedgerRow[] {
  const rule = sorting[0];
  const column = LEDGER_COLUMNS.find((candidate) => candidate.id === rule?.id);
  if (!rule || !column) return [...rows];
  return [...rows].sort((a, b) => {
    const x = column.sortKey(a);
    const y = column.sortKey(b);
    return (x < y ? -1 : x > y ? 1 : 0) * (rule.desc ? -1 : 1);
  });
}

describe('the ledger sorted by a column', () => {
  const sortings = fc.oneof(
    fc.constant<SortingState>([]),
    fc
      .record({
        id: fc.constantFrom(...LEDGER_COLUMNS.map((column) => column.id)),
        desc: fc.boolean(),
      })
      .map((rule): SortingState => [rule]),
  );

  it('a selection picked out of the whole sort order reads as sorting the selected rows', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryRow, { maxLength: 120 }),
        sortings,
        fc.array(fc.boolean(), { maxLength: 120 }),
        (records, sorting, keep) => {
          const rows = toRows(records);
          const positions = Int32Array.from(
            rows.flatMap((_, i) => (keep[i % Math.max(1, keep.length)] === true ? [i] : [])),
          );
          const kept = Array.from(positions, (i) => rows[i] as LedgerRow);
          const order = sortOrder(rows, sorting);
          const shown =
            order === null ? kept : Array.from(orderSelection(order, positions), (i) => rows[i]);
          expect(shown.map((row) => row?.id)).toEqual(
            reference(kept, sorting).map((row) => row.id),
          );
          expect(sortRows(kept, sorting).map((row) => row.id)).toEqual(
            reference(kept, sorting).map((row) => row.id),
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});
