import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  allocateOldestFirst,
  checkChosenAllocation,
  type OpenInvoice,
} from '../../../../shared/domain/allocation';

function invoice(overrides: Partial<OpenInvoice> & Pick<OpenInvoice, 'id'>): OpenInvoice {
  return {
    clientId: 'client-1',
    outstandingCents: 1000,
    nextDueDate: '2026-06-01',
    issueDate: '2026-05-01',
    number: overrides.id,
    ...overrides,
  };
}

const open: OpenInvoice[] = [
  invoice({ id: 'later', nextDueDate: '2026-07-01', outstandingCents: 500 }),
  invoice({ id: 'no-due', nextDueDate: null, outstandingCents: 800 }),
  invoice({ id: 'b', issueDate: '2026-04-01', outstandingCents: 300 }),
  invoice({ id: 'c', outstandingCents: 200, number: '2026-0002' }),
  invoice({ id: 'a', outstandingCents: 100, number: '2026-0001' }),
  invoice({ id: 'settled', outstandingCents: 0, nextDueDate: '2026-01-01' }),
];

describe('allocateOldestFirst', () => {
  it('pays by next due date, then issue date, then number, with undated invoices last', () => {
    expect(allocateOldestFirst(2000, open)).toEqual({
      allocations: [
        { invoiceId: 'b', amountCents: 300 },
        { invoiceId: 'a', amountCents: 100 },
        { invoiceId: 'c', amountCents: 200 },
        { invoiceId: 'later', amountCents: 500 },
        { invoiceId: 'no-due', amountCents: 800 },
      ],
      unallocatedCents: 100,
    });
  });

  it('stops part-way through an invoice when the payment runs out', () => {
    expect(allocateOldestFirst(350, open)).toEqual({
      allocations: [
        { invoiceId: 'b', amountCents: 300 },
        { invoiceId: 'a', amountCents: 50 },
      ],
      unallocatedCents: 0,
    });
  });

  it('leaves a payment with no open invoices entirely unallocated', () => {
    expect(allocateOldestFirst(500, [])).toEqual({ allocations: [], unallocatedCents: 500 });
  });

  it('refuses a negative or fractional payment', () => {
    expect(() => allocateOldestFirst(-1, open)).toThrow(RangeError);
    expect(() => allocateOldestFirst(1.5, open)).toThrow(RangeError);
  });

  it('never exceeds what an invoice owes nor the payment, and accounts for every cent', () => {
    const openInvoice = fc.record({
      id: fc.uuid(),
      clientId: fc.constant('client-1'),
      outstandingCents: fc.integer({ min: 0, max: 100_000 }),
      nextDueDate: fc.option(fc.constantFrom('2026-01-01', '2026-02-01', '2026-03-01')),
      issueDate: fc.constantFrom('2025-12-01', '2025-12-15'),
      number: fc.string({ maxLength: 4 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500_000 }),
        fc.uniqueArray(openInvoice, { selector: (item) => item.id, maxLength: 8 }),
        (amount, invoices) => {
          const { allocations, unallocatedCents } = allocateOldestFirst(amount, invoices);
          const allocated = allocations.reduce((sum, row) => sum + row.amountCents, 0);
          const owed = invoices.reduce((sum, item) => sum + item.outstandingCents, 0);
          return (
            allocations.every((row) => {
              const target = invoices.find((item) => item.id === row.invoiceId);
              return (
                target !== undefined &&
                row.amountCents > 0 &&
                row.amountCents <= target.outstandingCents
              );
            }) &&
            allocated <= amount &&
            allocated + unallocatedCents === amount &&
            allocated === Math.min(amount, owed)
          );
        },
      ),
    );
  });
});

describe('checkChosenAllocation', () => {
  const clientOpen: OpenInvoice[] = [
    invoice({ id: 'x', outstandingCents: 500 }),
    invoice({ id: 'y', outstandingCents: 300 }),
    invoice({ id: 'other', clientId: 'client-2', outstandingCents: 900 }),
  ];

  it('accepts a choice within each invoice and the payment, leaving the rest as credit', () => {
    expect(
      checkChosenAllocation(
        1000,
        [
          { invoiceId: 'x', amountCents: 500 },
          { invoiceId: 'y', amountCents: 100 },
        ],
        clientOpen,
      ),
    ).toEqual({
      allocations: [
        { invoiceId: 'x', amountCents: 500 },
        { invoiceId: 'y', amountCents: 100 },
      ],
      unallocatedCents: 400,
      issues: [],
    });
  });

  it('flags invoices that are not open or belong to another client', () => {
    const { issues, allocations } = checkChosenAllocation(
      1000,
      [
        { invoiceId: 'x', amountCents: 100 },
        { invoiceId: 'other', amountCents: 100 },
        { invoiceId: 'missing', amountCents: 100 },
      ],
      clientOpen,
    );
    expect(issues).toEqual([
      { field: 'allocations.1', code: 'allocation_wrong_client', params: { invoiceId: 'other' } },
      { field: 'allocations.2', code: 'allocation_wrong_client', params: { invoiceId: 'missing' } },
    ]);
    expect(allocations).toEqual([{ invoiceId: 'x', amountCents: 100 }]);
  });

  it('flags an amount above the invoice, counting repeated rows together', () => {
    const { issues } = checkChosenAllocation(
      2000,
      [
        { invoiceId: 'y', amountCents: 200 },
        { invoiceId: 'y', amountCents: 200 },
        { invoiceId: 'x', amountCents: 501 },
      ],
      clientOpen,
    );
    expect(issues).toEqual([
      {
        field: 'allocations.1',
        code: 'allocation_exceeds_invoice',
        params: { invoiceId: 'y', outstanding: 300 },
      },
      {
        field: 'allocations.2',
        code: 'allocation_exceeds_invoice',
        params: { invoiceId: 'x', outstanding: 500 },
      },
    ]);
  });

  it('flags zero, negative and fractional amounts', () => {
    const { issues } = checkChosenAllocation(
      1000,
      [
        { invoiceId: 'x', amountCents: 0 },
        { invoiceId: 'x', amountCents: -5 },
        { invoiceId: 'y', amountCents: 2.5 },
      ],
      clientOpen,
    );
    expect(issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['allocations.0', 'amount_not_positive'],
      ['allocations.1', 'amount_not_positive'],
      ['allocations.2', 'amount_invalid'],
    ]);
  });

  it('flags a choice that adds up to more than the payment', () => {
    const { issues, unallocatedCents } = checkChosenAllocation(
      600,
      [
        { invoiceId: 'x', amountCents: 500 },
        { invoiceId: 'y', amountCents: 300 },
      ],
      clientOpen,
    );
    expect(issues).toEqual([
      {
        field: 'allocations',
        code: 'allocation_exceeds_payment',
        params: { expected: 600, actual: 800 },
      },
    ]);
    expect(unallocatedCents).toBe(0);
  });

  it('flags a payment that is not positive', () => {
    expect(checkChosenAllocation(0, [], clientOpen).issues).toEqual([
      { field: 'amountCents', code: 'amount_not_positive' },
    ]);
  });
});
