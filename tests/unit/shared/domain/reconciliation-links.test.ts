import { describe, expect, it } from 'vitest';
import type { MovementToMatch, OpenItem } from '../../../../shared/domain/reconciliation';
import { suggestMatches } from '../../../../shared/domain/reconciliation';
import type { RecordedPayment } from '../../../../shared/domain/reconciliation-links';
import {
  byAmount,
  linkSuggestions,
  withLinks,
} from '../../../../shared/domain/reconciliation-links';

function movement(overrides: Partial<MovementToMatch & { valueDate: string }> = {}) {
  return {
    id: 'm1',
    date: '2026-03-05',
    valueDate: '2026-03-05',
    amountCents: 300_00,
    concept: 'TRANSF TALLERES GARCIA FRA 2026-0001',
    references: [],
    counterpartyName: '',
    ...overrides,
  } satisfies MovementToMatch & { valueDate: string };
}

function paid(id: string, overrides: Partial<RecordedPayment> = {}): RecordedPayment {
  return {
    paymentId: id,
    clientId: 'c1',
    clientName: 'Talleres Hermanos García S.L.',
    clientTaxId: 'B12345674',
    date: '2026-03-03',
    amountCents: 300_00,
    ...overrides,
  };
}

const openInvoice: OpenItem = {
  kind: 'invoice',
  id: 'i1',
  clientId: 'c1',
  clientName: 'Talleres Hermanos García S.L.',
  clientTaxId: 'B12345674',
  label: '2026-0001',
  invoiceIds: ['i1'],
  outstandingCents: 300_00,
  dueDate: '2026-02-14',
};

function installment(seq: number, overrides: Partial<OpenItem> = {}): OpenItem {
  return {
    ...openInvoice,
    kind: 'installment',
    id: `p1-${seq}`,
    label: `plazo ${seq}`,
    outstandingCents: 190_00,
    dueDate: `2026-0${4 + seq}-10`,
    planId: 'p1',
    planReference: 'PP-2026-0007',
    planInvoiceNumbers: ['2026-0042'],
    ...overrides,
  };
}

describe('linkSuggestions', () => {
  it('finds the payment of the same amount a few days before, closest first', () => {
    const found = linkSuggestions(
      movement(),
      byAmount([
        paid('far', { date: '2026-02-27' }),
        paid('near'),
        paid('other', { amountCents: 301_00 }),
      ]),
    );
    expect(found.map((row) => row.link?.paymentId)).toEqual(['near', 'far']);
    expect(found[0]?.reasons).toEqual(['recorded_payment', 'name_in_text']);
    expect(found[0]?.items).toEqual([]);
  });

  it('counts the window from the value date too, and not beyond seven days', () => {
    const payments = byAmount([paid('p', { date: '2026-03-14' })]);
    expect(linkSuggestions(movement(), payments)).toEqual([]);
    expect(linkSuggestions(movement({ valueDate: '2026-03-08' }), payments)).toHaveLength(1);
  });

  it('skips a payment of a client other than the one the movement names', () => {
    const payments = byAmount([
      paid('luna', { clientId: 'c2', clientName: 'Panadería Luna', clientTaxId: '12345678Z' }),
      paid('garcia'),
    ]);
    expect(linkSuggestions(movement(), payments).map((row) => row.link?.paymentId)).toEqual([
      'garcia',
    ]);
  });
});

describe('withLinks', () => {
  it('puts the link first and never leaves recording again with high confidence', () => {
    const records = suggestMatches(movement(), [openInvoice]);
    expect(records[0]?.confidence).toBeGreaterThanOrEqual(0.8);
    const merged = withLinks(movement(), records, byAmount([paid('p1')]));
    expect(merged[0]?.link?.paymentId).toBe('p1');
    expect(merged.slice(1).every((row) => row.confidence < 0.5 && !row.link)).toBe(true);
  });

  it('leaves the proposals as they were when no payment is recorded', () => {
    const records = suggestMatches(movement(), [openInvoice]);
    expect(withLinks(movement(), records, byAmount([]))).toEqual(records);
  });
});

describe('suggestMatches with a plan', () => {
  const plan = [installment(3), installment(1), installment(4), installment(2)];

  it('a receipt naming a plan invoice pays its installments oldest first', () => {
    const [best] = suggestMatches(
      movement({ amountCents: 230_00, concept: 'B12345674 TALLERES GARCIA FRA 2026-0042' }),
      plan,
    );
    expect(best?.items.map((item) => item.label)).toEqual(['plazo 1', 'plazo 2']);
    expect(best?.amountCents).toBe(230_00);
    expect(best?.reasons).toEqual(['number_in_text', 'tax_id_in_text', 'name_in_text']);
    expect(best?.confidence).toBe(0.99);
  });

  it('the plan reference names it too, and an exact run of installments says so', () => {
    const [best, ...rest] = suggestMatches(
      movement({ amountCents: 380_00, concept: 'REMESA PP-2026-0007' }),
      plan,
    );
    expect(best?.items.map((item) => item.label)).toEqual(['plazo 1', 'plazo 2']);
    expect(best?.reasons).toEqual(['amount_exact', 'plan_in_text']);
    // One proposal for the plan, not one per installment.
    expect(rest.filter((row) => row.items.some((item) => item.planId === 'p1'))).toEqual([]);
  });
});
