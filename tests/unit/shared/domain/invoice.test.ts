import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { DueRecord } from '../../../../shared/domain/records';
import {
  computeInvoiceAmounts,
  daysOverdue,
  defaultDues,
  deriveInvoiceFields,
  deriveInvoiceStatus,
  nextOpenDueDate,
  settleDues,
  validateInvoiceInput,
  type InvoiceInput,
} from '../../../../shared/domain/invoice';

const TODAY = '2026-06-15';

const threeDues: DueRecord[] = [
  { dueDate: '2026-07-01', amountCents: 300 },
  { dueDate: '2026-05-01', amountCents: 100 },
  { dueDate: '2026-06-01', amountCents: 200 },
];

describe('computeInvoiceAmounts', () => {
  it('adds 21% VAT and keeps back 15% IRPF of the taxable base', () => {
    expect(
      computeInvoiceAmounts({
        taxableBaseCents: 100000,
        vatRatePercent: 21,
        withholdingRatePercent: 15,
      }),
    ).toEqual({
      vatCents: 21000,
      withholdingCents: 15000,
      totalCents: 121000,
      payableCents: 106000,
    });
  });

  it('rounds each tax to the cent on its own', () => {
    expect(
      computeInvoiceAmounts({
        taxableBaseCents: 250,
        vatRatePercent: 21,
        withholdingRatePercent: 7,
      }),
    ).toEqual({ vatCents: 53, withholdingCents: 18, totalCents: 303, payableCents: 285 });
  });
});

describe('settleDues', () => {
  it('pays the oldest due first and reports what is left of each', () => {
    expect(settleDues(threeDues, 250)).toEqual([
      { dueDate: '2026-05-01', amountCents: 100, paidCents: 100, outstandingCents: 0 },
      { dueDate: '2026-06-01', amountCents: 200, paidCents: 150, outstandingCents: 50 },
      { dueDate: '2026-07-01', amountCents: 300, paidCents: 0, outstandingCents: 300 },
    ]);
  });

  it('does not spread an overpayment over the dues', () => {
    const settled = settleDues(threeDues, 1000);
    expect(settled.map((due) => due.outstandingCents)).toEqual([0, 0, 0]);
    expect(settled.reduce((sum, due) => sum + due.paidCents, 0)).toBe(600);
  });

  it('always accounts for every cent paid up to the total due', () => {
    const dues = fc.array(
      fc.record({
        dueDate: fc.constantFrom('2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01'),
        amountCents: fc.integer({ min: 1, max: 1_000_000 }),
      }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(dues, fc.integer({ min: 0, max: 7_000_000 }), (list, paid) => {
        const total = list.reduce((sum, due) => sum + due.amountCents, 0);
        const settled = settleDues(list, paid);
        const paidSum = settled.reduce((sum, due) => sum + due.paidCents, 0);
        const outstandingSum = settled.reduce((sum, due) => sum + due.outstandingCents, 0);
        return (
          paidSum === Math.min(paid, total) &&
          paidSum + outstandingSum === total &&
          settled.every((due) => due.paidCents + due.outstandingCents === due.amountCents)
        );
      }),
    );
  });
});

describe('nextOpenDueDate and deriveInvoiceFields', () => {
  it('points at the first due not fully paid, or null once all are paid', () => {
    expect(nextOpenDueDate(threeDues, 0)).toBe('2026-05-01');
    expect(nextOpenDueDate(threeDues, 100)).toBe('2026-06-01');
    expect(nextOpenDueDate(threeDues, 600)).toBeNull();
  });

  it('derives paid, outstanding and next due after an allocation change', () => {
    const invoice = { payableCents: 600, dues: threeDues, lifecycle: 'issued' as const };
    expect(deriveInvoiceFields(invoice, 250)).toEqual({
      paidCents: 250,
      outstandingCents: 350,
      nextDueDate: '2026-06-01',
    });
    expect(deriveInvoiceFields(invoice, 600)).toEqual({
      paidCents: 600,
      outstandingCents: 0,
      nextDueDate: null,
    });
  });

  it('keeps the arithmetic for a written-off invoice; the status tells it apart', () => {
    const invoice = { payableCents: 600, dues: threeDues, lifecycle: 'written_off' as const };
    expect(deriveInvoiceFields(invoice, 100).outstandingCents).toBe(500);
  });

  it('credit notes settle dues after the payments, oldest first', () => {
    const invoice = { payableCents: 600, dues: threeDues, lifecycle: 'issued' as const };
    expect(deriveInvoiceFields(invoice, 100, 250)).toEqual({
      paidCents: 100,
      outstandingCents: 250,
      nextDueDate: '2026-07-01',
    });
    // Without the third argument the invoice's stored credit is used.
    expect(deriveInvoiceFields({ ...invoice, creditedCents: 500 }, 100)).toEqual({
      paidCents: 100,
      outstandingCents: 0,
      nextDueDate: null,
    });
  });

  it('a cancelled invoice owes nothing and has no due, whatever its amounts', () => {
    const invoice = { payableCents: 600, dues: threeDues, lifecycle: 'cancelled' as const };
    expect(deriveInvoiceFields(invoice, 0)).toEqual({
      paidCents: 0,
      outstandingCents: 0,
      nextDueDate: null,
    });
  });
});

type StatusInput = Parameters<typeof deriveInvoiceStatus>[0];

function statusOf(overrides: Partial<StatusInput>): string {
  const base: StatusInput = {
    lifecycle: 'issued',
    payableCents: 1000,
    paidCents: 0,
    outstandingCents: 1000,
    nextDueDate: '2026-07-01',
    disputedCents: 0,
    planId: null,
  };
  return deriveInvoiceStatus({ ...base, ...overrides }, TODAY);
}

describe('deriveInvoiceStatus', () => {
  it('is pending before its due date with nothing paid', () => {
    expect(statusOf({})).toBe('pending');
  });

  it('is partial when something is paid and nothing is late', () => {
    expect(statusOf({ paidCents: 400, outstandingCents: 600 })).toBe('partial');
  });

  it('is not overdue on the due date itself, only the day after', () => {
    expect(statusOf({ nextDueDate: TODAY })).toBe('pending');
    expect(statusOf({ nextDueDate: '2026-06-14' })).toBe('overdue');
  });

  it('says overdue rather than partial when a partly paid invoice is late', () => {
    expect(statusOf({ paidCents: 400, outstandingCents: 600, nextDueDate: '2026-06-01' })).toBe(
      'overdue',
    );
  });

  it('puts a payment plan above overdue, a dispute above the plan', () => {
    expect(statusOf({ nextDueDate: '2026-01-01', planId: 'plan-1' })).toBe('in_plan');
    expect(statusOf({ nextDueDate: '2026-01-01', planId: 'plan-1', disputedCents: 10 })).toBe(
      'disputed',
    );
  });

  it('is paid once nothing is outstanding, whatever else is set', () => {
    expect(
      statusOf({ paidCents: 1000, outstandingCents: 0, nextDueDate: null, disputedCents: 5 }),
    ).toBe('paid');
  });

  it('lets draft and written-off win over everything', () => {
    expect(statusOf({ lifecycle: 'draft', outstandingCents: 0, disputedCents: 5 })).toBe('draft');
    expect(statusOf({ lifecycle: 'written_off', outstandingCents: 0, planId: 'p' })).toBe(
      'written_off',
    );
  });
});

describe('daysOverdue', () => {
  const base = { nextDueDate: '2026-06-01', outstandingCents: 500, lifecycle: 'issued' as const };

  it('counts the days past the first open due', () => {
    expect(daysOverdue(base, TODAY)).toBe(14);
  });

  it('is zero before the due date, when paid, as a draft or when written off', () => {
    expect(daysOverdue({ ...base, nextDueDate: '2026-07-01' }, TODAY)).toBe(0);
    expect(daysOverdue({ ...base, nextDueDate: null, outstandingCents: 0 }, TODAY)).toBe(0);
    expect(daysOverdue({ ...base, lifecycle: 'draft' }, TODAY)).toBe(0);
    expect(daysOverdue({ ...base, lifecycle: 'written_off' }, TODAY)).toBe(0);
  });
});

describe('validateInvoiceInput', () => {
  const valid: InvoiceInput = {
    clientId: 'client-1',
    number: '2026-0042',
    issueDate: '2026-06-01',
    taxableBaseCents: 100000,
    vatRatePercent: 21,
    withholdingRatePercent: 15,
    dues: [
      { dueDate: '2026-07-01', amountCents: 53000 },
      { dueDate: '2026-07-31', amountCents: 53000 },
    ],
  };

  it('accepts a complete invoice whose dues sum to the payable', () => {
    expect(validateInvoiceInput(valid)).toEqual([]);
  });

  it('names each missing or malformed field', () => {
    const issues = validateInvoiceInput({
      ...valid,
      clientId: ' ',
      number: '',
      issueDate: '31/06/2026',
      taxableBaseCents: 10.5,
      vatRatePercent: 121,
      withholdingRatePercent: -1,
    });
    expect(issues).toEqual([
      { field: 'clientId', code: 'required' },
      { field: 'number', code: 'required' },
      { field: 'issueDate', code: 'date_invalid' },
      { field: 'taxableBaseCents', code: 'amount_invalid' },
      { field: 'vatRatePercent', code: 'out_of_range', params: { min: 0, max: 100 } },
      { field: 'withholdingRatePercent', code: 'out_of_range', params: { min: 0, max: 100 } },
    ]);
  });

  it('refuses a zero taxable base', () => {
    expect(validateInvoiceInput({ ...valid, taxableBaseCents: 0 })).toContainEqual({
      field: 'taxableBaseCents',
      code: 'amount_not_positive',
    });
  });

  it('needs at least one due', () => {
    expect(validateInvoiceInput({ ...valid, dues: [] })).toEqual([
      { field: 'dues', code: 'dues_empty' },
    ]);
  });

  it('checks each due by its path', () => {
    const issues = validateInvoiceInput({
      ...valid,
      dues: [
        { dueDate: '2026-05-31', amountCents: 53000 },
        { dueDate: '2026-02-30', amountCents: 0 },
        { dueDate: '', amountCents: 53000 },
      ],
    });
    expect(issues).toEqual([
      { field: 'dues.0.dueDate', code: 'due_before_issue' },
      { field: 'dues.1.dueDate', code: 'date_invalid' },
      { field: 'dues.1.amountCents', code: 'amount_not_positive' },
      { field: 'dues.2.dueDate', code: 'required' },
    ]);
  });

  it('accepts a due on the issue date itself', () => {
    const dues = [{ dueDate: '2026-06-01', amountCents: 106000 }];
    expect(validateInvoiceInput({ ...valid, dues })).toEqual([]);
  });

  it('reports dues that do not add up to the payable with both amounts', () => {
    const dues = [{ dueDate: '2026-07-01', amountCents: 121000 }];
    expect(validateInvoiceInput({ ...valid, dues })).toEqual([
      { field: 'dues', code: 'dues_sum_mismatch', params: { expected: 106000, actual: 121000 } },
    ]);
  });
});

describe('defaultDues', () => {
  it('puts one due at the end of the payment term', () => {
    expect(defaultDues('2026-06-01', 30, 106000)).toEqual([
      { dueDate: '2026-07-01', amountCents: 106000 },
    ]);
  });

  it('splits into evenly spaced dues that sum to the payable', () => {
    const dues = defaultDues('2026-06-01', 0, 100, 3, 15);
    expect(dues).toEqual([
      { dueDate: '2026-06-01', amountCents: 34 },
      { dueDate: '2026-06-16', amountCents: 33 },
      { dueDate: '2026-07-01', amountCents: 33 },
    ]);
  });
});
