// The invoice's life after it is issued: which changes each state allows, and what an edit changes.
import type { CreditNoteRecord, InvoiceLifecycle, InvoiceRecord } from './records';
import type { FieldIssue } from './validation';
import { isCents, type Cents } from './money';
import { isCalendarDate, type CalendarDate } from './dates';
import { deriveInvoiceFields } from './invoice';

type LifeInvoice = Pick<InvoiceRecord, 'lifecycle' | 'planId' | 'outstandingCents'>;

const notOpen = (lifecycle: InvoiceLifecycle): FieldIssue => ({
  field: 'lifecycle',
  code: 'invoice_not_open',
  params: { lifecycle },
});

/**
 * Anular: only an issued invoice with no payment applied (the person deletes or reassigns them
 * first, so no money is left pointing at an invoice that was never owed) and outside any plan.
 */
export function checkCancel(invoice: LifeInvoice, allocationCount: number): FieldIssue[] {
  if (invoice.lifecycle !== 'issued') return [notOpen(invoice.lifecycle)];
  if (allocationCount > 0) {
    return [{ field: 'id', code: 'cancel_has_payments', params: { count: allocationCount } }];
  }
  if (invoice.planId !== null) return [{ field: 'planId', code: 'invoice_in_plan' }];
  return [];
}

/** Incobrable: an issued invoice that still owes something and is not in a plan. */
export function checkWriteOff(invoice: LifeInvoice): FieldIssue[] {
  if (invoice.lifecycle !== 'issued') return [notOpen(invoice.lifecycle)];
  // Nothing left to write off: a settled invoice stays settled.
  if (invoice.outstandingCents <= 0) return [notOpen(invoice.lifecycle)];
  if (invoice.planId !== null) return [{ field: 'planId', code: 'invoice_in_plan' }];
  return [];
}

/** Reabrir: a written-off or cancelled invoice goes back to issued. */
export function checkReopen(invoice: LifeInvoice): FieldIssue[] {
  return invoice.lifecycle === 'written_off' || invoice.lifecycle === 'cancelled'
    ? []
    : [notOpen(invoice.lifecycle)];
}

export interface CreditNoteInput {
  invoiceId: string;
  /** The credit note's own number, e.g. "R-2026-0003"; unique per client. */
  number: string;
  date: CalendarDate;
  amountCents: Cents;
  reason: string;
  source?: CreditNoteRecord['source'];
}

/**
 * Rectificativa: issued or written-off invoices (a credit on a written-off one lowers what was
 * written off), never more than is still owed, outside plans (the plan's installments were agreed
 * on the old amount).
 */
export function checkCreditNote(invoice: LifeInvoice, input: CreditNoteInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.number.trim() === '') issues.push({ field: 'number', code: 'required' });
  if (input.date.trim() === '') issues.push({ field: 'date', code: 'required' });
  else if (!isCalendarDate(input.date)) issues.push({ field: 'date', code: 'date_invalid' });
  if (!isCents(input.amountCents)) issues.push({ field: 'amountCents', code: 'amount_invalid' });
  else if (input.amountCents <= 0) {
    issues.push({ field: 'amountCents', code: 'amount_not_positive' });
  } else if (input.amountCents > invoice.outstandingCents) {
    issues.push({
      field: 'amountCents',
      code: 'credit_exceeds_outstanding',
      params: { outstandingCents: invoice.outstandingCents },
    });
  }
  if (invoice.lifecycle !== 'issued' && invoice.lifecycle !== 'written_off') {
    issues.push(notOpen(invoice.lifecycle));
  } else if (invoice.planId !== null) {
    issues.push({ field: 'planId', code: 'invoice_in_plan' });
  }
  return issues;
}

/** What an edit of an invoice that already has payments, credits or a plan changes. */
export type InvoiceEditEffect =
  | { code: 'outstanding_changes'; fromCents: Cents; toCents: Cents }
  | { code: 'becomes_settled' }
  | { code: 'reopens_settled'; outstandingCents: Cents }
  | { code: 'payments_stay'; paidCents: Cents }
  | { code: 'credits_stay'; creditedCents: Cents }
  | { code: 'next_due_changes'; from: CalendarDate | null; to: CalendarDate | null }
  | { code: 'plan_unchanged' };

type EditedInvoice = Pick<
  InvoiceRecord,
  'payableCents' | 'dues' | 'lifecycle' | 'outstandingCents' | 'nextDueDate' | 'planId'
>;

/**
 * The effects of replacing `before` by `after` (amounts and dues) given what is paid and credited.
 * An invoice with nothing paid, credited or planned has no effects worth a warning: [].
 */
export function describeInvoiceEdit(
  before: EditedInvoice,
  after: Pick<InvoiceRecord, 'payableCents' | 'dues' | 'lifecycle'>,
  paidCents: Cents,
  creditedCents: Cents,
): InvoiceEditEffect[] {
  if (paidCents === 0 && creditedCents === 0 && before.planId === null) return [];
  const next = deriveInvoiceFields(after, paidCents, creditedCents);
  const effects: InvoiceEditEffect[] = [];
  if (next.outstandingCents !== before.outstandingCents) {
    effects.push({
      code: 'outstanding_changes',
      fromCents: before.outstandingCents,
      toCents: next.outstandingCents,
    });
    if (next.outstandingCents === 0) effects.push({ code: 'becomes_settled' });
    if (before.outstandingCents === 0) {
      effects.push({ code: 'reopens_settled', outstandingCents: next.outstandingCents });
    }
  }
  if (next.nextDueDate !== before.nextDueDate) {
    effects.push({ code: 'next_due_changes', from: before.nextDueDate, to: next.nextDueDate });
  }
  if (paidCents > 0) effects.push({ code: 'payments_stay', paidCents });
  if (creditedCents > 0) effects.push({ code: 'credits_stay', creditedCents });
  if (before.planId !== null && before.payableCents !== after.payableCents) {
    effects.push({ code: 'plan_unchanged' });
  }
  return effects;
}
