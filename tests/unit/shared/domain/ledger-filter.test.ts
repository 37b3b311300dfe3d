import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  EMPTY_FILTER,
  amountSearchForms,
  buildAmountText,
  buildSearchText,
  filterRows,
  isEmptyFilter,
  ledgerTotals,
  narrows,
  searchTextPrefix,
  searchTailOf,
  type FilterableRow,
  type LedgerFilter,
} from '../../../../shared/domain/ledger-filter';
import { AGING_BUCKETS } from '../../../../shared/domain/aging';
import type { InvoiceStatus } from '../../../../shared/domain/records';

type Row = FilterableRow & { lifecycle: string; name: string };

function row(
  overrides: Partial<Row> & { name?: string; taxId?: string; number?: string } = {},
): Row {
  const name = overrides.name ?? 'Talleres García S.L.';
  const payable = overrides.payableCents ?? 121_000;
  return {
    clientId: 'c1',
    issueDate: '2026-01-15',
    nextDueDate: '2026-02-14',
    payableCents: payable,
    outstandingCents: payable,
    overdueCents: 0,
    status: 'pending',
    bucket: 'not_due',
    lastContactDate: null,
    lifecycle: 'issued',
    ...overrides,
    name,
    searchText: buildSearchText(
      name,
      overrides.taxId ?? 'B12345674',
      overrides.number ?? '2026-0001',
    ),
    amountText: buildAmountText([payable]),
  };
}

const filter = (patch: Partial<LedgerFilter>): LedgerFilter => ({ ...EMPTY_FILTER, ...patch });

describe('ledger search', () => {
  it('finds 1.210,00 € when someone types 1.210, 1210 or 1210,00', () => {
    const rows = [row({ payableCents: 121_000 }), row({ payableCents: 50_000 })];
    for (const query of ['1.210', '1210', '1210,00', '1.210,00', '1.210,00 €']) {
      expect(filterRows(rows, filter({ search: query }))).toEqual([rows[0]]);
    }
  });

  it('matches an amount from its first digit, so 1.210 does not find 11.210,00 €', () => {
    const rows = [row({ payableCents: 1_121_000 })];
    expect(filterRows(rows, filter({ search: '1.210' }))).toEqual([]);
    expect(filterRows(rows, filter({ search: '11.210' }))).toEqual(rows);
  });

  it('finds client names without minding capitals, and tax ids and invoice numbers', () => {
    const rows = [
      row({ name: 'Peña Ibáñez', taxId: 'X1234567L', number: 'A-77' }),
      row({ name: 'Otra Empresa', taxId: 'B87654321', number: 'B-12' }),
    ];
    expect(filterRows(rows, filter({ search: 'PEÑA' }))).toEqual([rows[0]]);
    expect(filterRows(rows, filter({ search: 'x1234' }))).toEqual([rows[0]]);
    expect(filterRows(rows, filter({ search: 'b-12' }))).toEqual([rows[1]]);
  });

  it('lists every form an amount can be typed in', () => {
    expect(amountSearchForms(121_000)).toEqual(['1210,00', '1.210,00']);
    expect(amountSearchForms(999)).toEqual(['9,99']);
  });

  it('an empty search keeps every row', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1e9 }), { maxLength: 20 }), (amounts) => {
        const rows = amounts.map((payableCents) => row({ payableCents }));
        expect(filterRows(rows, filter({ search: '   ' }))).toHaveLength(rows.length);
      }),
    );
  });

  it('any amount typed as shown in Spain finds its invoice', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e10 }), (cents) => {
        const rows = [row({ payableCents: cents })];
        for (const form of amountSearchForms(cents)) {
          expect(filterRows(rows, filter({ search: form }))).toHaveLength(1);
        }
      }),
    );
  });
});

/** The forms as first written (a regular expression per amount), kept to check the fast build. */
function referenceAmountText(amounts: readonly number[]): string {
  const forms = (cents: number) => {
    const absolute = Math.abs(cents);
    const whole = String(Math.floor(absolute / 100));
    const decimals = String(absolute % 100).padStart(2, '0');
    const sign = cents < 0 ? '-' : '';
    const plain = `${sign}${whole},${decimals}`;
    const grouped = `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${decimals}`;
    return plain === grouped ? [plain] : [plain, grouped];
  };
  return amounts
    .flatMap(forms)
    .map((form) => `\u0001${form}`)
    .join('');
}

describe('search keys built fast', () => {
  it('the amount text equals the forms written with a regular expression, to the character', () => {
    const cents = fc.oneof(
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.maxSafeInteger().map((value) => value),
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      fc.constantFrom(0, -0, 99, 100, 99_999, 100_000, 123_456_789, -100_000),
    );
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 3 }), (amounts) => {
        expect(buildAmountText(amounts)).toBe(referenceAmountText(amounts));
      }),
      { numRuns: 2000 },
    );
    expect(buildAmountText([121_000, 999, -123_456_700])).toBe(
      '\u00011210,00\u00011.210,00\u00019,99\u0001-1234567,00\u0001-1.234.567,00',
    );
  });

  it("a client's prefix joined to the invoice number equals the whole text lower-cased in Spanish", () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: fc.constantFrom(...'ΣσςİIıiÑñÁáẞßΑ ÇA-0.\u0307'), maxLength: 8 }),
    );
    fc.assert(
      fc.property(text, text, text, (name, taxId, number) => {
        expect(searchTextPrefix(name, taxId) + searchTailOf(number)).toBe(
          buildSearchText(name, taxId, number),
        );
      }),
      { numRuns: 2000 },
    );
    // A final sigma stays final at the end of a name: \u0000 is no letter on either side.
    expect(searchTextPrefix('ΟΔΟΣ Peña', 'X1Σ') + searchTailOf('AΣ')).toBe(
      'οδος peña\u0000x1σ\u0000aς',
    );
  });
});

describe('ledger filters', () => {
  const statuses: InvoiceStatus[] = ['pending', 'overdue', 'paid', 'draft', 'in_plan'];
  const rows = statuses.map((status, index) =>
    row({
      status,
      clientId: `c${index}`,
      issueDate: `2026-0${index + 1}-10`,
      nextDueDate: status === 'paid' ? null : `2026-0${index + 2}-10`,
      payableCents: (index + 1) * 10_000,
      bucket: status === 'paid' || status === 'draft' ? null : (AGING_BUCKETS[index] ?? null),
      overdueCents: status === 'overdue' ? 5_000 : 0,
    }),
  );

  it('"open" keeps invoices still expected to be paid', () => {
    const kept = filterRows(rows, filter({ statuses: ['open'] })).map((r) => r.status);
    expect(kept).toEqual(['pending', 'overdue', 'in_plan']);
  });

  it('keeps only the chosen statuses, buckets and clients', () => {
    expect(filterRows(rows, filter({ statuses: ['paid'] }))).toEqual([rows[2]]);
    expect(filterRows(rows, filter({ buckets: ['d1_30'] }))).toEqual([rows[1]]);
    expect(filterRows(rows, filter({ clientIds: ['c0', 'c4'] }))).toEqual([rows[0], rows[4]]);
    expect(filterRows(rows, filter({ overdueOnly: true }))).toEqual([rows[1]]);
  });

  it('date ranges include both ends; an invoice without a due date is outside any due range', () => {
    expect(filterRows(rows, filter({ issueFrom: '2026-02-10', issueTo: '2026-03-10' }))).toEqual([
      rows[1],
      rows[2],
    ]);
    expect(filterRows(rows, filter({ dueFrom: '2026-01-01' })).map((r) => r.status)).not.toContain(
      'paid',
    );
  });

  it('amount bounds are inclusive', () => {
    expect(filterRows(rows, filter({ minCents: 20_000, maxCents: 30_000 }))).toEqual([
      rows[1],
      rows[2],
    ]);
  });

  it('"not contacted since" keeps clients never contacted or last contacted before the date', () => {
    const contacted = [
      row({ lastContactDate: null }),
      row({ lastContactDate: '2026-10-31' }),
      row({ lastContactDate: '2026-11-01' }),
    ];
    expect(filterRows(contacted, filter({ notContactedSince: '2026-11-01' }))).toEqual([
      contacted[0],
      contacted[1],
    ]);
  });

  it('adding a filter never adds rows', () => {
    const arbitraryFilter = fc.record({
      search: fc.constantFrom('', 'gar', '1.210', 'zz'),
      overdueOnly: fc.boolean(),
      minCents: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: null }),
    });
    fc.assert(
      fc.property(arbitraryFilter, fc.constantFrom(...statuses), (patch, status) => {
        const loose = filterRows(rows, filter(patch));
        const tight = filterRows(rows, filter({ ...patch, statuses: [status] }));
        expect(tight.every((r) => loose.includes(r))).toBe(true);
      }),
    );
  });

  it('totals count the rows and leave drafts out of what is outstanding', () => {
    const totals = ledgerTotals([
      row({ payableCents: 1000, overdueCents: 300 }),
      row({ payableCents: 500, lifecycle: 'draft' }),
    ]);
    expect(totals).toEqual({
      count: 2,
      payableCents: 1500,
      outstandingCents: 1000,
      overdueCents: 300,
    });
  });

  it('a cancelled invoice stays counted as a row but adds to no amount', () => {
    const totals = ledgerTotals([
      row({ payableCents: 1000, outstandingCents: 1000 }),
      row({ payableCents: 605, outstandingCents: 0, lifecycle: 'cancelled' }),
    ]);
    expect(totals).toMatchObject({ count: 2, payableCents: 1000, outstandingCents: 1000 });
  });

  it('knows when no filter is set', () => {
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(isEmptyFilter(filter({ overdueOnly: true }))).toBe(false);
  });
});

describe('narrowing while typing', () => {
  it('filtering the previous result gives what a full scan gives, whenever it narrows', () => {
    const names = ['Gar', 'García', 'Garrido', 'Ortega', 'Peña'];
    const rows = names.flatMap((name, i) =>
      [121_000, 1_121_000, 50_000 + i].map((payableCents) => row({ name, payableCents })),
    );
    const queries = fc.constantFrom(
      '',
      'g',
      'ga',
      'gar',
      'garc',
      '1',
      '1.',
      '1.2',
      '1.21',
      '12',
      '1 2',
      'a',
    );
    fc.assert(
      fc.property(queries, queries, fc.boolean(), (first, second, overdueOnly) => {
        const before = filter({ search: first, overdueOnly });
        const after = filter({ search: second, overdueOnly });
        if (!narrows(before, after)) return;
        expect(filterRows(filterRows(rows, before), after)).toEqual(filterRows(rows, after));
      }),
    );
  });

  it('a change to any other filter, or a shorter query, means a full scan', () => {
    expect(narrows(filter({ search: 'ga' }), filter({ search: 'gar' }))).toBe(true);
    expect(narrows(filter({ search: 'gar' }), filter({ search: 'ga' }))).toBe(false);
    expect(narrows(filter({ search: 'ga' }), filter({ search: 'gar', overdueOnly: true }))).toBe(
      false,
    );
    expect(narrows(filter({ search: 'a' }), filter({ search: '1' }))).toBe(false);
  });
});
