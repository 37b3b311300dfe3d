// Invoice arithmetic (VAT, IRPF withholding, dues), derived payment fields, status and input checks.
import type { DueRecord, InvoiceRecord, InvoiceStatus } from './records';
import type { FieldIssue } from './validation';
import { isCents, percentOfCents, splitCentsEvenly, sumCents, type Cents } from './money';
import { addDays, compareDates, daysBetween, isCalendarDate, type CalendarDate } from './dates';

export interface InvoiceAmounts {
  vatCents: Cents;
  withholdingCents: Cents;
  totalCents: Cents;
  payableCents: Cents;
}

export interface SettledDue {
  dueDate: CalendarDate;
  amountCents: Cents;
  paidCents: Cents;
  outstandingCents: Cents;
}

export interface InvoiceInput {
  clientId: string;
  number: string;
  issueDate: string;
  taxableBaseCents: number;
  vatRatePercent: number;
  withholdingRatePercent: number;
  dues: { dueDate: string; amountCents: number }[];
}

/** VAT and IRPF are both percents of the taxable base; IRPF is kept by the client. */
export function computeInvoiceAmounts(args: {
  taxableBaseCents: Cents;
  vatRatePercent: number;
  withholdingRatePercent: number;
}): InvoiceAmounts {
  const vatCents = percentOfCents(args.taxableBaseCents, args.vatRatePercent);
  const withholdingCents = percentOfCents(args.taxableBaseCents, args.withholdingRatePercent);
  const totalCents = args.taxableBaseCents + vatCents;
  return { vatCents, withholdingCents, totalCents, payableCents: totalCents - withholdingCents };
}

const byDueDate = (a: DueRecord, b: DueRecord): number => compareDates(a.dueDate, b.dueDate);

/** Whether `dues` are by date already (YYYY-MM-DD strings compare like dates). */
export function inDateOrder(dues: readonly DueRecord[]): boolean {
  for (let i = 1; i < dues.length; i += 1) {
    if ((dues[i - 1] as DueRecord).dueDate > (dues[i] as DueRecord).dueDate) return false;
  }
  return true;
}

/** Payments settle dues oldest first; anything paid beyond the dues is not spread over them. */
export function settleDues(dues: readonly DueRecord[], paidCents: Cents): SettledDue[] {
  // Most invoices' dues are stored in date order; YYYY-MM-DD strings then compare like dates, and
  // a stable sort would keep that order, so only an unordered list pays for parsing.
  const ordered = inDateOrder(dues) ? dues : [...dues].sort(byDueDate);
  let remaining = Math.max(0, paidCents);
  return ordered.map((due) => {
    const paid = Math.min(Math.max(0, due.amountCents), remaining);
    remaining -= paid;
    return {
      dueDate: due.dueDate,
      amountCents: due.amountCents,
      paidCents: paid,
      outstandingCents: due.amountCents - paid,
    };
  });
}

export function nextOpenDueDate(dues: readonly DueRecord[], paidCents: Cents): CalendarDate | null {
  return settleDues(dues, paidCents).find((due) => due.outstandingCents > 0)?.dueDate ?? null;
}

/** What payments and credit notes have settled on an invoice (credit notes are optional: absent = 0). */
export function settledCentsOf(invoice: Pick<InvoiceRecord, 'paidCents' | 'creditedCents'>): Cents {
  return invoice.paidCents + (invoice.creditedCents ?? 0);
}

/**
 * What a repository writes after any allocation or credit-note change. Credit notes (facturas
 * rectificativas) settle dues like payments do, oldest first, after the payments: outstanding =
 * max(0, payable − paid − credited), and the next due is the first not covered by both.
 * `creditedCents` defaults to the invoice's stored one, so callers that only move payments keep it.
 * The arithmetic ignores the lifecycle on purpose for a written-off invoice: it keeps its
 * outstanding (the debt still exists for the records and could be recovered); its status and
 * ageing exclude it instead. A cancelled invoice (anulada) was never owed: outstanding 0, no due.
 */
export function deriveInvoiceFields(
  invoice: Pick<InvoiceRecord, 'payableCents' | 'dues' | 'lifecycle' | 'creditedCents'>,
  paidCents: Cents,
  creditedCents: Cents = invoice.creditedCents ?? 0,
): { paidCents: Cents; outstandingCents: Cents; nextDueDate: CalendarDate | null } {
  if (invoice.lifecycle === 'cancelled')
    return { paidCents, outstandingCents: 0, nextDueDate: null };
  const settled = paidCents + creditedCents;
  const outstandingCents = Math.max(0, invoice.payableCents - settled);
  const nextDueDate = outstandingCents === 0 ? null : nextOpenDueDate(invoice.dues, settled);
  return { paidCents, outstandingCents, nextDueDate };
}

/** Days past the first open due; 0 when not yet due, paid, draft or written off. */
export function daysOverdue(
  invoice: Pick<InvoiceRecord, 'nextDueDate' | 'outstandingCents' | 'lifecycle'>,
  today: CalendarDate,
): number {
  if (invoice.lifecycle !== 'issued' || invoice.outstandingCents <= 0) return 0;
  if (invoice.nextDueDate === null) return 0;
  return Math.max(0, daysBetween(invoice.nextDueDate, today));
}

/** A settled invoice: collected ("paid"), or cancelled out by credit notes alone ("credited"). */
export function settledStatus(
  invoice: Pick<InvoiceRecord, 'paidCents' | 'creditedCents'>,
): 'paid' | 'credited' {
  return invoice.paidCents === 0 && (invoice.creditedCents ?? 0) > 0 ? 'credited' : 'paid';
}

export function deriveInvoiceStatus(
  invoice: Pick<
    InvoiceRecord,
    | 'lifecycle'
    | 'payableCents'
    | 'paidCents'
    | 'outstandingCents'
    | 'nextDueDate'
    | 'disputedCents'
    | 'planId'
    | 'creditedCents'
  >,
  today: CalendarDate,
): InvoiceStatus {
  if (invoice.lifecycle === 'draft') return 'draft';
  if (invoice.lifecycle === 'written_off') return 'written_off';
  if (invoice.lifecycle === 'cancelled') return 'cancelled';
  if (invoice.outstandingCents <= 0) return settledStatus(invoice);
  if (invoice.disputedCents > 0) return 'disputed';
  if (invoice.planId !== null) return 'in_plan';
  if (invoice.nextDueDate !== null && compareDates(invoice.nextDueDate, today) < 0) {
    return 'overdue';
  }
  if (invoice.paidCents > 0) return 'partial';
  return 'pending';
}

function checkRate(field: string, rate: number): FieldIssue[] {
  if (Number.isFinite(rate) && rate >= 0 && rate <= 100) return [];
  return [{ field, code: 'out_of_range', params: { min: 0, max: 100 } }];
}

function checkPositiveCents(field: string, value: number): FieldIssue[] {
  if (!isCents(value)) return [{ field, code: 'amount_invalid' }];
  return value > 0 ? [] : [{ field, code: 'amount_not_positive' }];
}

function checkDate(field: string, value: string): FieldIssue[] {
  if (value.trim() === '') return [{ field, code: 'required' }];
  return isCalendarDate(value) ? [] : [{ field, code: 'date_invalid' }];
}

export function validateInvoiceInput(input: InvoiceInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.clientId.trim() === '') issues.push({ field: 'clientId', code: 'required' });
  if (input.number.trim() === '') issues.push({ field: 'number', code: 'required' });
  issues.push(...checkDate('issueDate', input.issueDate));
  const amountIssues = [
    ...checkPositiveCents('taxableBaseCents', input.taxableBaseCents),
    ...checkRate('vatRatePercent', input.vatRatePercent),
    ...checkRate('withholdingRatePercent', input.withholdingRatePercent),
  ];
  issues.push(...amountIssues);

  if (input.dues.length === 0) {
    issues.push({ field: 'dues', code: 'dues_empty' });
    return issues;
  }
  const issueDateIsValid = isCalendarDate(input.issueDate);
  let duesAreValid = true;
  input.dues.forEach((due, index) => {
    const dateIssues = checkDate(`dues.${index}.dueDate`, due.dueDate);
    if (dateIssues.length === 0 && issueDateIsValid && due.dueDate < input.issueDate) {
      dateIssues.push({ field: `dues.${index}.dueDate`, code: 'due_before_issue' });
    }
    const dueAmountIssues = checkPositiveCents(`dues.${index}.amountCents`, due.amountCents);
    if (dueAmountIssues.length > 0) duesAreValid = false;
    issues.push(...dateIssues, ...dueAmountIssues);
  });

  if (amountIssues.length === 0 && duesAreValid) {
    const expected = computeInvoiceAmounts(input).payableCents;
    const actual = sumCents(input.dues.map((due) => due.amountCents));
    if (actual !== expected) {
      issues.push({ field: 'dues', code: 'dues_sum_mismatch', params: { expected, actual } });
    }
  }
  return issues;
}

/** One or more dues from the client's payment term, splitting the payable evenly. */
export function defaultDues(
  issueDate: CalendarDate,
  paymentTermDays: number,
  payableCents: Cents,
  count: number = 1,
  intervalDays: number = 30,
): DueRecord[] {
  return splitCentsEvenly(payableCents, count).map((amountCents, index) => ({
    dueDate: addDays(issueDate, paymentTermDays + index * intervalDays),
    amountCents,
  }));
}
