import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  EMPTY_FILTER,
  buildAmountText,
  buildSearchText,
  filterRows,
  ledgerTotals,
  narrows,
  type FilterableRow,
  type LedgerFilter,
} from '../../../../shared/domain/ledger-filter';
import {
  buildLedgerIndex,
  ledgerOrder,
  orderSelection,
  rowsAt,
  selectRows,
  sortPermutation,
} from '../../../../shared/domain/ledger-index';
import { AGING_BUCKETS } from '../../../../shared/domain/aging';
import type { InvoiceStatus } from '../../../../shared/domain/records';

type Row = FilterableRow & { lifecycle: string; id: number };

const STATUSES: InvoiceStatus[] = [
  'pending',
  'partial',
  'overdue',
  'paid',
  'credited',
  'disputed',
  'in_plan',
  'written_off',
  'cancelled',
  'draft',
];
const NAMES = ['Talleres García', 'GARRIDO e hijos', 'Peña Ibáñez', 'Ortega\nSL', 'Ó', ''];
const DATES = ['2026-01-15', '2026-02-14', '2026-03-01', '2026-03-02', '2026-11-01'];
const cents = fc.oneof(
  fc.constantFrom(121_000, 1_121_000, 999, 0, -50_000, 12_345_678),
  fc.integer({ min: -2_000_000, max: 200_000_000 }),
);

const arbitraryRow = fc.record({
  client: fc.integer({ min: 0, max: NAMES.length - 1 }),
  taxId: fc.constantFrom('B12345674', 'x1234567l', ''),
  number: fc.constantFrom('2026-0001', 'A-77', 'F/2025/0042', '12', 'Nº 12', 'ÑA-5', 'x 9'),
  issueDate: fc.constantFrom(...DATES),
  nextDueDate: fc.option(fc.constantFrom(...DATES), { nil: null }),
  payableCents: cents,
  totalCents: cents,
  outstandingCents: cents,
  overdueCents: fc.oneof(fc.constant(0), cents),
  status: fc.constantFrom(...STATUSES),
  inPlan: fc.option(fc.boolean(), { nil: undefined }),
  bucket: fc.option(fc.constantFrom(...AGING_BUCKETS), { nil: null }),
  lastContactDate: fc.option(fc.constantFrom(...DATES), { nil: null }),
  lifecycle: fc.constantFrom('issued', 'draft', 'cancelled', 'written_off'),
});

type RowRecord = Omit<
  typeof arbitraryRow extends fc.Arbitrary<infer R> ? R : never,
  'number' | 'taxId'
> & {
  number: string;
  taxId: string;
};

function toRows(records: RowRecord[]): Row[] {
  return records.map((record, id) => {
    const name = NAMES[record.client] as string;
    const { client, taxId, number, totalCents, ...rest } = record;
    const row: Row = {
      ...rest,
      id,
      clientId: `c${client}`,
      searchText: buildSearchText(name, taxId, number),
      amountText: buildAmountText([record.payableCents, totalCents, record.outstandingCents]),
    };
    if (rest.inPlan === undefined) delete row.inPlan;
    return row;
  });
}

const arbitraryFilter: fc.Arbitrary<LedgerFilter> = fc.record({
  search: fc.constantFrom(
    '',
    'g',
    'gar',
    'GARC',
    ' peña ',
    '1',
    '1.2',
    '1.210',
    '1210,00',
    '-500',
    '12',
    'b1',
    '\u0000',
    'a-7',
    '2026-',
    'zz',
    'ó',
    'ortega\nsl',
    'sl',
    'a',
    'ñ',
    '5',
    '-',
    '.',
    'º',
    'nº 1',
    '€',
    '1 210',
    '-5',
    'x 9',
    '9',
    'ña-',
  ),
  statuses: fc.subarray<InvoiceStatus | 'open'>(['open', ...STATUSES], { maxLength: 3 }),
  buckets: fc.subarray([...AGING_BUCKETS], { maxLength: 2 }),
  clientIds: fc.subarray(['c0', 'c1', 'c3', 'c9'], { maxLength: 2 }),
  overdueOnly: fc.boolean(),
  issueFrom: fc.option(fc.constantFrom(...DATES), { nil: null }),
  issueTo: fc.option(fc.constantFrom(...DATES), { nil: null }),
  dueFrom: fc.option(fc.constantFrom(...DATES), { nil: null }),
  dueTo: fc.option(fc.constantFrom(...DATES), { nil: null }),
  minCents: fc.option(cents, { nil: null }),
  maxCents: fc.option(cents, { nil: null }),
  notContactedSince: fc.option(fc.constantFrom(...DATES), { nil: null }),
});

describe('selectRows over the ledger index', () => {
  it('keeps exactly the rows filterRows keeps, in order, with ledgerTotals of them', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRow, { maxLength: 80 }), arbitraryFilter, (records, filter) => {
        const rows = toRows(records);
        const index = buildLedgerIndex(rows);
        const selection = selectRows(index, filter);
        const expected = filterRows(rows, filter);
        expect(rowsAt(index, selection.positions).map((row) => row.id)).toEqual(
          expected.map((row) => row.id),
        );
        expect(selection.totals).toEqual(ledgerTotals(expected));
        expect(index.totals).toEqual(ledgerTotals(rows));
      }),
      { numRuns: 600 },
    );
  });

  it('narrowing a previous selection while typing answers as a fresh selection does', () => {
    const typed = fc.constantFrom('gar', 'garc', '1.21', '1.210,0', '12', '123', 'peña', 'b123');
    fc.assert(
      fc.property(
        fc.array(arbitraryRow, { maxLength: 200 }),
        arbitraryFilter,
        typed,
        fc.integer({ min: 1, max: 8 }),
        (records, filter, query, cut) => {
          const rows = toRows(records);
          const index = buildLedgerIndex(rows);
          const before = { ...filter, search: query.slice(0, cut) };
          const after = { ...filter, search: query };
          fc.pre(narrows(before, after));
          const previous = selectRows(index, before);
          const narrowed = selectRows(index, after, previous.positions);
          const fresh = selectRows(index, after);
          expect([...narrowed.positions]).toEqual([...fresh.positions]);
          expect(narrowed.totals).toEqual(fresh.totals);
        },
      ),
      { numRuns: 800 },
    );
  });

  it('looks only at the rows it is given, whether it scans the joined tails or each row', () => {
    // More than an eighth of the ledger given: one scan of the joined tails; fewer: row by row.
    fc.assert(
      fc.property(
        fc.array(arbitraryRow, { minLength: 1, maxLength: 120 }),
        arbitraryFilter,
        fc.array(fc.boolean(), { maxLength: 120 }),
        (records, filter, picks) => {
          const rows = toRows(records);
          const index = buildLedgerIndex(rows);
          const within = Int32Array.from(rows.flatMap((_, i) => (picks[i] === true ? [i] : [])));
          const fresh = selectRows(index, filter);
          const given = new Set(within);
          const expected = [...fresh.positions].filter((position) => given.has(position));
          const selection = selectRows(index, filter, within);
          expect([...selection.positions]).toEqual(expected);
          expect(selection.totals).toEqual(ledgerTotals(rowsAt(index, selection.positions)));
        },
      ),
      { numRuns: 800 },
    );
  });

  it('answers any query over any search text as the plain scan does', () => {
    // Texts with and without \u0000, characters with a bit of their own and without (º, ß, 𝔸).
    const alphabet = fc.constantFrom('a', 'b', '1', '2', '-', ' ', 'ñ', 'º', 'ß', '𝔸', '\u0000');
    const text = fc.array(alphabet, { maxLength: 12 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbitraryRow, text), { maxLength: 60 }),
        fc.array(alphabet, { minLength: 1, maxLength: 3 }).map((chars) => chars.join('')),
        (records, search) => {
          const rows = toRows(records.map(([record]) => record)).map((row, i) => ({
            ...row,
            searchText: records[i]![1],
          }));
          const index = buildLedgerIndex(rows);
          const filter = { ...EMPTY_FILTER, search };
          const selection = selectRows(index, filter);
          expect(rowsAt(index, selection.positions).map((row) => row.id)).toEqual(
            filterRows(rows, filter).map((row) => row.id),
          );
        },
      ),
      { numRuns: 600 },
    );
  });

  it('indexes rows that give their search text in parts as it indexes the text alone', () => {
    // Parts cut at the last \u0000 are taken as they are; any other cut (a tail holding \u0000, a
    // prefix not ending in one) is ignored and the text cut again: the index is the same.
    const alphabet = fc.constantFrom('a', 'b', '1', '-', ' ', 'ñ', 'º', '\u0000');
    const part = fc.array(alphabet, { maxLength: 8 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbitraryRow, part, part), { maxLength: 40 }),
        part,
        fc.array(alphabet, { minLength: 1, maxLength: 3 }).map((chars) => chars.join('')),
        (records, head, search) => {
          const plain = toRows(records.map(([record]) => record)).map((row, i) => ({
            ...row,
            searchText: head + records[i]![1] + records[i]![2],
          }));
          const parted = plain.map((row, i) => ({
            ...row,
            searchPrefix: head + records[i]![1],
            searchTail: records[i]![2],
          }));
          const { rows: plainRows, ...fromText } = buildLedgerIndex(plain);
          const { rows: partedRows, ...fromParts } = buildLedgerIndex(parted);
          expect(partedRows).toBe(parted);
          expect(plainRows).toBe(plain);
          expect(fromParts).toEqual(fromText);
          const filter = { ...EMPTY_FILTER, search };
          expect(selectRows(buildLedgerIndex(parted), filter).positions).toEqual(
            selectRows(buildLedgerIndex(plain), filter).positions,
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds a client, a number and an amount as typed in Spain among many rows', () => {
    const rows = toRows(
      Array.from({ length: 400 }, (_, i) => ({
        client: i % NAMES.length,
        taxId: 'B12345674',
        number: `2026-${String(i).padStart(4, '0')}`,
        issueDate: '2026-01-15',
        nextDueDate: null,
        payableCents: i === 77 ? 121_000 : 1000 + i,
        totalCents: 1000 + i,
        outstandingCents: 0,
        overdueCents: 0,
        status: 'paid' as const,
        inPlan: undefined,
        bucket: null,
        lastContactDate: null,
        lifecycle: 'issued',
      })),
    );
    const index = buildLedgerIndex(rows);
    const ids = (search: string) =>
      rowsAt(index, selectRows(index, { ...EMPTY_FILTER, search }).positions).map((r) => r.id);
    expect(ids('1.210,00')).toEqual([77]);
    expect(ids('2026-0399')).toEqual([399]);
    expect(ids('PEÑA')).toEqual(rows.filter((r) => r.clientId === 'c2').map((r) => r.id));
    expect(ids('PEÑA')).toHaveLength(67);
    expect(index.totals).toEqual(ledgerTotals(rows));
  });
});

/** The reference: a stable sort of positions by key (ties keep position order), either direction. */
function stableSorted(
  positions: readonly number[],
  keys: readonly (string | number)[],
  desc: boolean,
) {
  return [...positions].sort((a, b) => {
    const x = keys[a] as string | number;
    const y = keys[b] as string | number;
    return (x < y ? -1 : x > y ? 1 : 0) * (desc ? -1 : 1);
  });
}

describe('sort orders over the ledger', () => {
  const arbitraryKeys = fc.oneof(
    fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 300 }),
    fc.array(fc.constantFrom('2026-01-15', '2026-02-14', '9999-12-31', '', 'gar', 'Gar'), {
      maxLength: 300,
    }),
  );

  it('sortPermutation is a stable sort of the positions by key, ties in position order', () => {
    fc.assert(
      fc.property(arbitraryKeys, fc.boolean(), (keys, desc) => {
        const all = keys.map((_, i) => i);
        expect(Array.from(sortPermutation(keys, desc))).toEqual(stableSorted(all, keys, desc));
      }),
      { numRuns: 300 },
    );
  });

  it('orderSelection puts any selection in the sorted order, small or large, as sorting it would', () => {
    fc.assert(
      fc.property(
        arbitraryKeys,
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (keys, desc, share, seed) => {
          // A share of the positions, ascending as selectRows gives them: from none to all.
          const positions = keys
            .map((_, i) => i)
            .filter((i) => ((Math.imul(i + 1, 2654435761) ^ seed) >>> 0) / 2 ** 32 < share);
          const sorted = ledgerOrder(sortPermutation(keys, desc));
          expect(Array.from(orderSelection(sorted, Int32Array.from(positions)))).toEqual(
            stableSorted(positions, keys, desc),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a selection of a few rows out of many takes the small path and keeps the order', () => {
    const keys = Array.from({ length: 1000 }, (_, i) => (i * 37) % 11);
    const sorted = ledgerOrder(sortPermutation(keys, true));
    const positions = Int32Array.from([3, 40, 41, 500, 998]);
    expect(Array.from(orderSelection(sorted, positions))).toEqual(
      stableSorted(Array.from(positions), keys, true),
    );
    expect(Array.from(orderSelection(sorted, new Int32Array(0)))).toEqual([]);
  });
});
