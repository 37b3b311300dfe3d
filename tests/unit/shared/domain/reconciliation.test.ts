import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MovementToMatch, OpenItem } from '../../../../shared/domain/reconciliation';
import {
  compareDates,
  confidenceLevel,
  normalize,
  suggestMatches,
} from '../../../../shared/domain/reconciliation';

function invoice(id: string, overrides: Partial<OpenItem> = {}): OpenItem {
  return {
    kind: 'invoice',
    id,
    clientId: 'c1',
    clientName: 'Talleres Hermanos García S.L.',
    clientTaxId: 'B12345674',
    label: `2026-00${id}`,
    invoiceIds: [id],
    outstandingCents: 121_000,
    dueDate: `2026-02-1${id}`,
    ...overrides,
  };
}

function movement(overrides: Partial<MovementToMatch> = {}): MovementToMatch {
  return {
    id: 'm1',
    date: '2026-03-05',
    amountCents: 121_000,
    concept: 'TRANSFERENCIA',
    references: [],
    counterpartyName: '',
    ...overrides,
  };
}

const other = (id: string, overrides: Partial<OpenItem> = {}) =>
  invoice(id, {
    clientId: 'c2',
    clientName: 'Panadería Luna',
    clientTaxId: '12345678Z',
    label: `L-${id}`,
    ...overrides,
  });

describe('suggestMatches', () => {
  it('is sure when the amount is exact and the invoice number is in the concept', () => {
    const [best] = suggestMatches(movement({ concept: 'PAGO FRA 2026/001' }), [
      invoice('1'),
      invoice('2'),
    ]);
    expect(best?.items.map((item) => item.id)).toEqual(['1']);
    expect(best?.reasons).toEqual(['amount_exact', 'number_in_text']);
    expect(confidenceLevel(best?.confidence ?? 0)).toBe('high');
    expect(best?.reason).toBe('importe exacto; número de factura en el concepto');
  });

  it('finds the client by tax id in the references and the name of the payer', () => {
    const [best] = suggestMatches(
      movement({ references: ['B12345674'], counterpartyName: 'TALLERES GARCIA SL' }),
      [invoice('1'), other('9', { outstandingCents: 121_000 })],
    );
    expect(best?.clientId).toBe('c1');
    expect(best?.reasons).toEqual(['amount_exact', 'tax_id_in_text', 'name_in_text']);
  });

  it('proposes several invoices of the same client whose sum is the amount', () => {
    const items = [
      invoice('1', { outstandingCents: 50_000 }),
      invoice('2', { outstandingCents: 71_000 }),
    ];
    const [best] = suggestMatches(movement({ concept: 'TALLERES HERMANOS GARCIA' }), items);
    expect(best?.items.map((item) => item.id)).toEqual(['1', '2']);
    expect(best?.reasons).toContain('sum_of_items');
  });

  it('trusts an amount alone less when several invoices share it', () => {
    const single = suggestMatches(movement(), [invoice('1')]);
    const shared = suggestMatches(movement(), [invoice('1'), other('2')]);
    expect(single[0]?.confidence).toBeGreaterThan(shared[0]?.confidence ?? 1);
    expect(confidenceLevel(shared[0]?.confidence ?? 1)).toBe('low');
  });

  it('suggests nothing for debits or unrelated money', () => {
    expect(suggestMatches(movement({ amountCents: -121_000 }), [invoice('1')])).toEqual([]);
    expect(suggestMatches(movement({ amountCents: 777 }), [invoice('1')])).toEqual([]);
  });

  it('never suggests items of two clients together nor more than the movement', () => {
    const cents = fc.integer({ min: 1, max: 500_000 });
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 8 }), cents, (amounts, paid) => {
        const items = amounts.map((amount, index) =>
          index % 2 === 0
            ? invoice(String(index), { outstandingCents: amount })
            : other(String(index), { outstandingCents: amount }),
        );
        const text = 'TALLERES GARCIA PANADERIA LUNA';
        for (const suggestion of suggestMatches(
          movement({ amountCents: paid, concept: text }),
          items,
        )) {
          expect(new Set(suggestion.items.map((item) => item.clientId)).size).toBe(1);
          expect(suggestion.amountCents).toBeLessThanOrEqual(paid);
          expect(suggestion.confidence).toBeGreaterThan(0);
          expect(suggestion.confidence).toBeLessThan(1);
        }
      }),
    );
  });

  it('a SEPA credit carrying an installment’s end-to-end id matches that installment, not the oldest', () => {
    const installment = (seq: number, dueDate: string): OpenItem => ({
      ...invoice(String(seq)),
      kind: 'installment',
      id: `inst-${seq}`,
      label: `plazo ${seq}`,
      outstandingCents: 403_33,
      dueDate,
      planId: 'plan-1',
      planReference: 'PP-2026-0001',
      planInvoiceNumbers: ['2026-041'],
      endToEndId: `PP-2026-0001-${seq}`,
    });
    const items = [installment(1, '2026-11-25'), installment(2, '2026-12-25')];
    const [best] = suggestMatches(
      movement({
        amountCents: 403_33,
        concept: 'ABONO REMESA SEPA',
        references: ['PP-2026-0001-2'],
      }),
      items,
    );
    expect(best?.items.map((item) => item.id)).toEqual(['inst-2']);
    expect(best?.reasons).toContain('receipt_in_text');
    // Installment 12 does not take the credit of installment 1.
    const twelve = [installment(1, '2026-11-25'), { ...installment(12, '2027-10-25') }];
    const [only] = suggestMatches(
      movement({ amountCents: 403_33, references: ['PP-2026-0001-12'] }),
      twelve,
    );
    expect(only?.items.map((item) => item.id)).toEqual(['inst-12']);
  });
});

describe('the fast paths give what the slow ones gave', () => {
  const date = fc
    .date({
      min: new Date('1990-01-01T12:00:00Z'),
      max: new Date('2099-12-31T12:00:00Z'),
      noInvalidDate: true,
    })
    .map((value) => value.toISOString().slice(0, 10));

  it('due dates compare as localeCompare compares them, none first', () => {
    fc.assert(
      fc.property(fc.option(date, { nil: '' }), fc.option(date, { nil: '' }), (a, b) => {
        expect(Math.sign(compareDates(a, b))).toBe(Math.sign(a.localeCompare(b)));
      }),
    );
  });

  it('normalizing plain ASCII skips the decomposition and changes nothing by it', () => {
    const slow = (text: string) =>
      text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, ' ')
        .trim();
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        expect(normalize(text)).toBe(slow(text));
      }),
    );
    expect(normalize('Talleres Hermanos García, S.L.')).toBe('TALLERES HERMANOS GARCIA S L');
    expect(normalize('FRA 2026/0042')).toBe('FRA 2026 0042');
  });
});
