import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readStoredInvoices,
  readStoredMoney,
  storedInvoicesAddUp,
} from '../../../../shared/domain/ledger-model-decode';
import {
  buildChunks,
  joinChunk,
  storedRowsOf,
  type CompactInvoice,
  type CompactPayment,
  type StoredInvoiceRow,
} from '../../../../shared/domain/ledger-read-model';

function invoice(id: string, overrides: Partial<CompactInvoice> = {}): CompactInvoice {
  return {
    id,
    clientId: 'c1',
    number: `F-${id}`,
    issueDate: '2026-01-10',
    lifecycle: 'issued',
    totalCents: 121_00,
    payableCents: 121_00,
    paidCents: 0,
    outstandingCents: 121_00,
    nextDueDate: '2026-02-10',
    disputedCents: 0,
    planId: null,
    dues: [
      { dueDate: '2026-02-10', amountCents: 60_00 },
      { dueDate: '2026-03-10', amountCents: 61_00 },
    ],
    ...overrides,
  };
}

describe('a chunk stored and read back', () => {
  const text = fc.string({ unit: 'binary', maxLength: 12 });
  const day = fc
    .integer({ min: 0, max: 2000 })
    .map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10));
  const cents = fc.integer({ min: -1_000_000_00, max: 1_000_000_00 });
  const compact = fc.record({
    id: fc.uuid(),
    number: text,
    issueDate: day,
    lifecycle: fc.constantFrom('draft', 'issued', 'written_off', 'cancelled'),
    totalCents: cents,
    payableCents: cents,
    paidCents: cents,
    outstandingCents: cents,
    creditedCents: fc.option(fc.nat(), { nil: undefined }),
    nextDueDate: fc.option(day, { nil: null }),
    disputedCents: cents,
    planId: fc.option(text, { nil: null }),
    dues: fc.array(fc.record({ dueDate: day, amountCents: cents }), { maxLength: 4 }),
  });
  const payment = fc.record({
    id: fc.uuid(),
    date: day,
    amountCents: cents,
    unallocatedCents: fc.nat(),
  });

  it('any chunk comes back whole, and the open selection is the open invoices', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(compact, { selector: (row) => row.id, maxLength: 30 }),
        fc.uniqueArray(payment, { selector: (row) => row.id, maxLength: 10 }),
        (rows, payments) => {
          const invoices = rows.map(({ creditedCents, ...row }) => ({
            ...row,
            clientId: 'c1',
            lifecycle: row.lifecycle,
            ...(creditedCents === undefined ? {} : { creditedCents }),
          }));
          const moneyRows: CompactPayment[] = payments.map((row) => ({ ...row, clientId: 'c1' }));
          const allocations = payments.map((row, k) => ({
            id: `al-${k}`,
            clientId: 'c1',
            invoiceId: invoices[k]?.id ?? 'gone',
            paymentId: row.id,
            amountCents: row.amountCents,
          }));
          const [chunk] = buildChunks(invoices, moneyRows, allocations);
          if (!chunk) return;
          const stored = storedRowsOf(chunk);
          expect(joinChunk('c1', stored.invoices ?? undefined, stored.money ?? undefined)).toEqual(
            chunk,
          );
          const sorted = [...invoices].sort((a, b) => (a.id < b.id ? -1 : 1));
          if (stored.invoices) {
            expect(readStoredInvoices(stored.invoices)).toEqual(sorted);
            expect(readStoredInvoices(stored.invoices, 'open')).toEqual(
              sorted.filter(
                (row) =>
                  row.lifecycle === 'issued' &&
                  row.outstandingCents > 0 &&
                  row.nextDueDate !== null,
              ),
            );
            expect(readStoredInvoices(stored.invoices, 'receivable')).toEqual(
              sorted.filter(
                (row) =>
                  (row.lifecycle === 'issued' && row.outstandingCents > 0) || row.planId !== null,
              ),
            );
            // Built again over what a narrower selection built: those objects, the same values.
            const open = readStoredInvoices(stored.invoices, 'open') ?? [];
            const receivable = readStoredInvoices(stored.invoices, 'receivable', open) ?? [];
            const all = readStoredInvoices(stored.invoices, 'all', receivable) ?? [];
            expect(all).toEqual(sorted);
            expect(receivable.filter((row) => open.includes(row))).toHaveLength(open.length);
            expect(all.filter((row) => receivable.includes(row))).toHaveLength(receivable.length);
            expect(storedInvoicesAddUp(stored.invoices)).toBe(true);
          }
          if (stored.money)
            expect(readStoredMoney(stored.money)?.payments).toHaveLength(payments.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is the same chunk, money included', () => {
    const [chunk] = buildChunks(
      [
        invoice('a'),
        invoice('b', { creditedCents: 0, nextDueDate: null, planId: 'p1', dues: [] }),
        invoice('c', { lifecycle: 'cancelled', number: 'Nº 3 · €', outstandingCents: 0 }),
      ],
      [
        {
          id: 'p',
          clientId: 'c1',
          date: '2026-02-01',
          amountCents: 80_00,
          unallocatedCents: 20_00,
        },
      ],
      [{ id: 'al', clientId: 'c1', invoiceId: 'a', paymentId: 'p', amountCents: 60_00 }],
    );
    if (!chunk) throw new Error('no chunk');
    const rows = storedRowsOf(chunk);
    expect(rows.invoices?.numbers).toBeInstanceOf(Float64Array);
    expect(joinChunk('c1', rows.invoices ?? undefined, rows.money ?? undefined)).toEqual(chunk);
  });

  it('a row whose due counts do not match its dues does not unpack', () => {
    const [chunk] = buildChunks([invoice('a')]);
    if (!chunk) throw new Error('no chunk');
    const { invoices } = storedRowsOf(chunk);
    if (!invoices) throw new Error('no invoices row');
    const numbers = Float64Array.from(invoices.numbers);
    numbers[6] = 1; // the due count of the only invoice: 2 dues stored
    expect(joinChunk('c1', { ...invoices, numbers }, undefined)).toBeNull();
  });

  it('a row whose texts or numbers do not add up reads as null, never as shifted columns', () => {
    const [chunk] = buildChunks([invoice('a'), invoice('b', { planId: 'p' })]);
    const row = chunk && storedRowsOf(chunk).invoices;
    if (!row) throw new Error('no invoices row');
    const broken: StoredInvoiceRow[] = [
      { ...row, texts: { ...row.texts, text: `${row.texts.text}x` } },
      { ...row, texts: { ...row.texts, lengths: Int32Array.from(row.texts.lengths).subarray(1) } },
      { ...row, numbers: Float64Array.from([...row.numbers, 1]) },
      { ...row, numbers: Float64Array.from(row.numbers, (n, i) => (i === 0 ? n + 0.5 : n)) },
      { ...row, numbers: [...row.numbers] as unknown as Float64Array },
      { ...row, invoiceCount: 3 },
    ];
    const lengths = Int32Array.from(row.texts.lengths);
    lengths[0] = -1; // the first invoice's id missing, its length given to the second's
    lengths[1] = (lengths[1] ?? 0) + (row.texts.lengths[0] ?? 0);
    broken.push({ ...row, texts: { ...row.texts, lengths } });
    for (const candidate of broken) {
      expect(readStoredInvoices(candidate)).toBeNull();
      // The check made when a row is read and built later says so too.
      expect(storedInvoicesAddUp(candidate)).toBe(false);
    }
    expect(readStoredInvoices(row)).toHaveLength(2);
    expect(storedInvoicesAddUp(row)).toBe(true);
  });
});
