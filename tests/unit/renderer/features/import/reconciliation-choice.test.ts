import { describe, expect, it } from 'vitest';
import type { OpenItem } from '../../../../../shared/domain/reconciliation';
import {
  choiceOf,
  itemsLabel,
} from '../../../../../renderer/src/features/import/reconciliation-choice';

const invoice: OpenItem = {
  kind: 'invoice',
  id: 'i7',
  clientId: 'c1',
  clientName: 'Talleres Hermanos García S.L.',
  clientTaxId: 'B12345674',
  label: '2026-0007',
  invoiceIds: ['i7'],
  outstandingCents: 100_00,
  dueDate: '2026-02-14',
};

const installment = (seq: number): OpenItem => ({
  ...invoice,
  kind: 'installment',
  id: `p1-${seq}`,
  label: `plazo ${seq}`,
  invoiceIds: ['i42'],
  planId: 'p1',
  planReference: 'PP-2026-0001',
});

describe('reconciliation choice', () => {
  it('pays invoices by id and installments through their plan, once per plan', () => {
    expect(choiceOf([invoice, installment(1), installment(2)])).toEqual({
      invoiceIds: ['i7'],
      planIds: ['p1'],
    });
  });

  it('names each plan once before its installments', () => {
    expect(itemsLabel([invoice, installment(1), installment(2)])).toBe(
      '2026-0007, PP-2026-0001: plazo 1, plazo 2',
    );
  });
});
