import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkCancel,
  checkCreditNote,
  checkReopen,
  checkWriteOff,
  describeInvoiceEdit,
} from '../../../../shared/domain/invoice-life';
import { deriveInvoiceFields } from '../../../../shared/domain/invoice';
import type { InvoiceLifecycle } from '../../../../shared/domain/records';

const issued = { lifecycle: 'issued' as InvoiceLifecycle, planId: null, outstandingCents: 500_00 };
const codes = (issues: { code: string }[]) => issues.map((issue) => issue.code);
const note = { invoiceId: 'i', number: 'R-1', date: '2026-03-01', amountCents: 100_00, reason: '' };

describe('what each state allows', () => {
  it('cancel: only issued, without payments, outside plans', () => {
    expect(checkCancel(issued, 0)).toEqual([]);
    expect(codes(checkCancel(issued, 2))).toEqual(['cancel_has_payments']);
    expect(codes(checkCancel({ ...issued, planId: 'p' }, 0))).toEqual(['invoice_in_plan']);
    expect(codes(checkCancel({ ...issued, lifecycle: 'written_off' }, 0))).toEqual([
      'invoice_not_open',
    ]);
  });

  it('write off: only an issued invoice that still owes something', () => {
    expect(checkWriteOff(issued)).toEqual([]);
    expect(codes(checkWriteOff({ ...issued, outstandingCents: 0 }))).toEqual(['invoice_not_open']);
    expect(codes(checkWriteOff({ ...issued, lifecycle: 'draft' }))).toEqual(['invoice_not_open']);
  });

  it('reopen: only written off or cancelled', () => {
    expect(checkReopen({ ...issued, lifecycle: 'written_off' })).toEqual([]);
    expect(checkReopen({ ...issued, lifecycle: 'cancelled' })).toEqual([]);
    expect(codes(checkReopen(issued))).toEqual(['invoice_not_open']);
  });

  it('credit note: positive, at most the outstanding, on an issued or written-off invoice', () => {
    expect(checkCreditNote(issued, note)).toEqual([]);
    expect(checkCreditNote(issued, { ...note, amountCents: 500_00 })).toEqual([]);
    expect(checkCreditNote({ ...issued, lifecycle: 'written_off' }, note)).toEqual([]);
    expect(checkCreditNote(issued, { ...note, amountCents: 500_01 })).toEqual([
      {
        field: 'amountCents',
        code: 'credit_exceeds_outstanding',
        params: { outstandingCents: 500_00 },
      },
    ]);
    expect(codes(checkCreditNote({ ...issued, lifecycle: 'cancelled' }, note))).toEqual([
      'invoice_not_open',
    ]);
    expect(codes(checkCreditNote(issued, { ...note, number: ' ', date: '2026-02-30' }))).toEqual([
      'required',
      'date_invalid',
    ]);
  });

  it('never lets credits and payments settle more than the payable', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (payable, paidRaw, amount) => {
          const paid = Math.min(paidRaw, payable);
          const invoice = {
            payableCents: payable,
            dues: [{ dueDate: '2026-03-01', amountCents: payable }],
            lifecycle: 'issued' as const,
          };
          const { outstandingCents } = deriveInvoiceFields(invoice, paid, 0);
          const allowed =
            checkCreditNote(
              { ...issued, outstandingCents },
              {
                ...note,
                amountCents: amount,
              },
            ).length === 0;
          expect(allowed).toBe(amount <= outstandingCents);
          if (allowed) {
            const after = deriveInvoiceFields(invoice, paid, amount).outstandingCents;
            expect(after).toBe(payable - paid - amount);
          }
        },
      ),
    );
  });
});

describe('describeInvoiceEdit', () => {
  const dues = [{ dueDate: '2026-02-14', amountCents: 1_210_00 }];
  const before = {
    payableCents: 1_210_00,
    dues,
    lifecycle: 'issued' as const,
    outstandingCents: 1_010_00,
    nextDueDate: '2026-02-14',
    planId: null,
  };

  it('an amount raised on a settled invoice reopens it', () => {
    const settled = { ...before, outstandingCents: 0, nextDueDate: null };
    const after = {
      payableCents: 1_331_00,
      dues: [{ dueDate: '2026-02-14', amountCents: 1_331_00 }],
      lifecycle: 'issued' as const,
    };
    expect(describeInvoiceEdit(settled, after, 1_000_00, 210_00)).toEqual([
      { code: 'outstanding_changes', fromCents: 0, toCents: 121_00 },
      { code: 'reopens_settled', outstandingCents: 121_00 },
      { code: 'next_due_changes', from: null, to: '2026-02-14' },
      { code: 'payments_stay', paidCents: 1_000_00 },
      { code: 'credits_stay', creditedCents: 210_00 },
    ]);
  });

  it('a planned invoice whose amount changes says the plan does not follow', () => {
    const planned = { ...before, outstandingCents: 1_210_00, planId: 'p' };
    const after = {
      payableCents: 1_100_00,
      dues: [{ dueDate: '2026-02-14', amountCents: 1_100_00 }],
      lifecycle: 'issued' as const,
    };
    expect(describeInvoiceEdit(planned, after, 0, 0)).toEqual([
      { code: 'outstanding_changes', fromCents: 1_210_00, toCents: 1_100_00 },
      { code: 'plan_unchanged' },
    ]);
  });
});
