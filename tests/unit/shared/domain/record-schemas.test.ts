import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../../shared/demo/generate-demo';
import {
  RECORD_SCHEMAS,
  describeRowProblem,
  firstRowProblem,
} from '../../../../shared/domain/record-schemas';
import {
  clientRow,
  invoiceRow,
  paymentRow,
  planDocumentRow,
} from '../../../support/record-samples';

describe('record schemas', () => {
  it('accept every row the demo generator writes', () => {
    const demo = generateDemoData({ invoices: 300, today: '2026-11-30', seed: 3 });
    const tables: Record<string, readonly unknown[]> = { ...demo };
    for (const [table, rows] of Object.entries(tables)) {
      expect(RECORD_SCHEMAS[table], table).toBeDefined();
      expect(firstRowProblem(table, rows), table).toBeNull();
    }
  });

  it('check the VAT recovery setting like every other setting', () => {
    const row = { key: 'vatRecovery', value: { turnover: 'up_to_limit', waitMonths: 6 } };
    expect(firstRowProblem('settings', [row])).toBeNull();
    const wrong = { key: 'vatRecovery', value: { turnover: 'up_to_limit', waitMonths: 9 } };
    expect(firstRowProblem('settings', [wrong])).not.toBeNull();
  });

  it('accept honest rows, with fields added later by other features', () => {
    expect(firstRowProblem('clients', [clientRow({ pausedUntil: '2026-12-01' })])).toBeNull();
    expect(
      firstRowProblem('invoices', [
        { ...invoiceRow({ lifecycle: 'cancelled', closedDate: '2026-02-28' }), futureField: 1 },
      ]),
    ).toBeNull();
    expect(firstRowProblem('payments', [paymentRow({ planId: null })])).toBeNull();
    expect(firstRowProblem('planDocuments', [planDocumentRow()])).toBeNull();
    expect(
      firstRowProblem('promises', [
        {
          id: 'pr1',
          clientId: 'c1',
          invoiceIds: ['i1'],
          amountCents: 100,
          promisedDate: '2026-02-28',
          activityId: null,
          status: 'superseded',
          createdAt: '2026-02-01T08:00:00+01:00',
        },
      ]),
    ).toBeNull();
  });

  it('name the row and the field of the first broken row', () => {
    const problem = firstRowProblem('invoices', [
      invoiceRow(),
      invoiceRow({ id: 'i2', dues: [{ dueDate: '2026-02-30', amountCents: 121_000 }] }),
    ]);
    expect(problem).toEqual({
      table: 'invoices',
      row: 2,
      id: 'i2',
      field: 'dues.0.dueDate',
      reason: 'date',
    });
    expect(describeRowProblem(problem ?? (undefined as never))).toBe(
      'tabla invoices, fila 2 (id i2), campo dues.0.dueDate: no es una fecha real (AAAA-MM-DD)',
    );
  });

  it('refuse floats, unsafe integers, impossible dates, unknown states and bare values', () => {
    const cases: Array<[string, unknown, string, string]> = [
      ['invoices', invoiceRow({ payableCents: 1210.5 }), 'payableCents', 'cents'],
      ['invoices', invoiceRow({ paidCents: -1 }), 'paidCents', 'negative'],
      ['invoices', { ...invoiceRow(), lifecycle: 'hacked' }, 'lifecycle', 'value'],
      ['invoices', invoiceRow({ nextDueDate: 'yesterday' }), 'nextDueDate', 'date'],
      ['clients', clientRow({ createdAt: 'garbage' }), 'createdAt', 'instant'],
      ['clients', clientRow({ updatedAt: '2026-02-30T10:00:00Z' }), 'updatedAt', 'instant'],
      ['payments', { ...paymentRow(), method: 'bitcoin' }, 'method', 'value'],
      ['payments', paymentRow({ amountCents: 2 ** 60 }), 'amountCents', 'cents'],
      ['savedViews', 42, '', 'type'],
      ['someFutureTable', 'text', '', 'type'],
    ];
    for (const [table, row, field, reason] of cases) {
      expect(firstRowProblem(table, [row]), `${table} ${field}`).toMatchObject({ field, reason });
    }
  });
});
