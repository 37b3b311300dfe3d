import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OpenItem } from '../../../../shared/domain/reconciliation';
import { packOpenItems, unpackOpenItems } from '../../../../shared/domain/reconciliation-transfer';
import { LEDGER } from './reconciliation-fixture';

/** An open invoice as the open items' read builds it (fields in its order). */
function invoice(id: string, client: number, cents: number, dueDate: string): OpenItem {
  return {
    kind: 'invoice',
    id,
    clientId: `c${client}`,
    clientName: `Cliente ${client} S.L.`,
    clientTaxId: `B0000000${client}`,
    label: `2026-${id}`,
    invoiceIds: [id],
    outstandingCents: cents,
    dueDate,
  };
}

const installment: OpenItem = {
  kind: 'installment',
  id: 'in1',
  clientId: 'c1',
  clientName: 'Cliente 1 S.L.',
  clientTaxId: 'B00000001',
  label: 'plazo 1',
  invoiceIds: ['a', 'b'],
  outstandingCents: 5_000,
  dueDate: '2026-03-01',
  planId: 'p1',
  planReference: 'PP-2026-0001',
  planInvoiceNumbers: ['2026-a', '2026-b'],
  endToEndId: 'PP-2026-0001-1',
};

describe('open items packed for the worker', () => {
  it('unpack to the same items, in the same order, with fields in the same order', () => {
    const items = [
      invoice('a', 1, 12_100, '2026-01-10'),
      installment,
      invoice('b', 2, 60_500, '2026-02-01'),
      invoice('c', 1, 1, '2026-02-01'),
      { ...invoice('d', 3, 700, '2026-04-01'), dueDate: null },
    ];
    const packed = packOpenItems(items);
    // Clients once; the installment and the invoice without a due date travel whole.
    expect(packed.clientIds).toEqual(['c1', 'c2']);
    expect(packed.ids).toEqual(['a', 'b', 'c']);
    expect(packed.others.map((other) => other.at)).toEqual([1, 4]);
    const back = unpackOpenItems(structuredClone(packed));
    expect(back).toEqual(items);
    expect(JSON.stringify(back)).toBe(JSON.stringify(items));
  });

  it('keep the fixed ledger whole', () => {
    expect(unpackOpenItems(structuredClone(packOpenItems(LEDGER.items)))).toEqual(LEDGER.items);
  });

  it('keep any list of invoices, whatever its clients and order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            client: fc.integer({ min: 0, max: 5 }),
            cents: fc.integer({ min: 1, max: 10_000_000 }),
            day: fc.integer({ min: 10, max: 28 }),
            whole: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        (rows) => {
          const items = rows.map((row, k) =>
            row.whole
              ? { ...installment, id: `in${k}` }
              : invoice(`i${k}`, row.client, row.cents, `2026-01-${row.day}`),
          );
          expect(unpackOpenItems(structuredClone(packOpenItems(items)))).toEqual(items);
        },
      ),
    );
  });
});
