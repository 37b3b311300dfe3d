// What a letter, a formal demand or a monitorio claims: per invoice, the Ley 3/2004 interest of
// each due and each payment, and 40 € for every invoice paid (or still unpaid) after its due date.
import { daysBetween, type CalendarDate } from './dates';
import type { Cents } from './money';
import type { AllocationRecord, DueRecord, InvoiceRecord, PaymentRecord } from './records';
import { interestStatement, type InterestLine } from './lateInterest';
import { LEGAL_INTEREST_RATES, type LegalRateEntry } from './legal-interest-rates';

export interface DatedPayment {
  date: CalendarDate;
  amountCents: Cents;
}

/** An invoice with the payments allocated to it (each allocation on its payment's date). */
export type ClaimInvoice = Pick<
  InvoiceRecord,
  'id' | 'number' | 'lifecycle' | 'outstandingCents' | 'disputedCents' | 'planId' | 'dues'
> & {
  creditedCents?: Cents;
  payments: readonly DatedPayment[];
};

export interface ClaimLine {
  invoiceId: string;
  number: string;
  /** The first due that was (or is) late. */
  dueDate: CalendarDate;
  /** The longest delay of any of its dues, in days, up to its payment or to today. */
  daysFromDue: number;
  /** What is overdue and unpaid today, disputed part left out: the principal claimed. */
  claimCents: Cents;
  interestCents: Cents;
  compensationCents: Cents;
  /** Nothing overdue is unpaid: only the interest and the 40 € are claimed. */
  paidLate: boolean;
  /** The statement's lines: one per due, principal and semester. */
  dues: InterestLine[];
}

export interface ClaimAmounts {
  lines: ClaimLine[];
  principalCents: Cents;
  interestCents: Cents;
  compensationCents: Cents;
}

/** Each invoice's payments: its allocations, dated by their payments (unknown payments left out). */
export function paymentsByInvoice(
  allocations: readonly Pick<AllocationRecord, 'paymentId' | 'invoiceId' | 'amountCents'>[],
  payments: readonly Pick<PaymentRecord, 'id' | 'date'>[],
): Map<string, DatedPayment[]> {
  const dateOf = new Map(payments.map((payment) => [payment.id, payment.date]));
  const byInvoice = new Map<string, DatedPayment[]>();
  for (const allocation of allocations) {
    const date = dateOf.get(allocation.paymentId);
    if (date === undefined || allocation.amountCents <= 0) continue;
    const list = byInvoice.get(allocation.invoiceId);
    const row = { date, amountCents: allocation.amountCents };
    if (list) list.push(row);
    else byInvoice.set(allocation.invoiceId, [row]);
  }
  return byInvoice;
}

/**
 * The dues that can be claimed: the disputed part and the credit notes come off the latest dues
 * first, so the oldest dues (the ones payments settle first) stay whole.
 */
export function claimableDues(dues: readonly DueRecord[], removedCents: Cents): DueRecord[] {
  const ordered = [...dues].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0,
  );
  let left = Math.max(0, removedCents);
  const kept: DueRecord[] = [];
  for (let index = ordered.length - 1; index >= 0; index -= 1) {
    const due = ordered[index] as DueRecord;
    const cut = Math.min(left, Math.max(0, due.amountCents));
    left -= cut;
    kept.unshift({ dueDate: due.dueDate, amountCents: due.amountCents - cut });
  }
  return kept;
}

/**
 * One invoice's claim through `today`, or null when it owes no interest and no 40 € (never late,
 * not issued, or followed through a plan, whose own installments are claimed as the plan says).
 */
export function invoiceClaim(
  invoice: ClaimInvoice,
  today: CalendarDate,
  contractRatePercent: number | null = null,
  legalRates: readonly LegalRateEntry[] = LEGAL_INTEREST_RATES,
): ClaimLine | null {
  if (invoice.lifecycle !== 'issued' || invoice.planId !== null) return null;
  const removed = Math.max(0, invoice.disputedCents) + Math.max(0, invoice.creditedCents ?? 0);
  const dues = claimableDues(invoice.dues, removed);
  const statement = interestStatement(
    {
      dues,
      payments: [...invoice.payments],
      until: today,
      ...(contractRatePercent !== null ? { annualRatePercent: contractRatePercent } : {}),
    },
    legalRates,
  );
  if (statement.compensationCents === 0) return null;
  // What is still unpaid of the dues already due: dues settle oldest first.
  let paid = invoice.payments.reduce((sum, payment) => sum + payment.amountCents, 0);
  let claimCents = 0;
  for (const due of dues) {
    const settled = Math.min(paid, due.amountCents);
    paid -= settled;
    if (due.dueDate < today) claimCents += due.amountCents - settled;
  }
  claimCents = Math.min(claimCents, Math.max(0, invoice.outstandingCents - invoice.disputedCents));
  const first = statement.lines[0];
  return {
    invoiceId: invoice.id,
    number: invoice.number,
    dueDate: first?.dueDate ?? today,
    daysFromDue: Math.max(0, ...statement.lines.map((line) => daysBetween(line.dueDate, line.to))),
    claimCents,
    interestCents: statement.interestCents,
    compensationCents: statement.compensationCents,
    paidLate: claimCents === 0,
    dues: statement.lines,
  };
}

/**
 * Only what is actually late is claimed: invoices with an overdue unpaid part, and those paid
 * late (interest and 40 € only) when the user chose them in `includePaidLate`. Disputed amounts
 * and invoices in a plan are left out.
 */
export function claimAmounts(
  invoices: readonly ClaimInvoice[],
  today: CalendarDate,
  contractRatePercent: number | null = null,
  legalRates: readonly LegalRateEntry[] = LEGAL_INTEREST_RATES,
  includePaidLate: readonly string[] = [],
): ClaimAmounts {
  const lines: ClaimLine[] = [];
  for (const invoice of invoices) {
    const line = invoiceClaim(invoice, today, contractRatePercent, legalRates);
    if (line && (!line.paidLate || includePaidLate.includes(invoice.id))) lines.push(line);
  }
  return totalsOf(lines);
}

/** The invoices a claim may add on request: paid late (or late only on a part already paid). */
export function paidLateClaims(
  invoices: readonly ClaimInvoice[],
  today: CalendarDate,
  contractRatePercent: number | null = null,
  legalRates: readonly LegalRateEntry[] = LEGAL_INTEREST_RATES,
): ClaimLine[] {
  return invoices
    .map((invoice) => invoiceClaim(invoice, today, contractRatePercent, legalRates))
    .filter((line): line is ClaimLine => line !== null && line.paidLate);
}

export function totalsOf(lines: ClaimLine[]): ClaimAmounts {
  return {
    lines,
    principalCents: lines.reduce((sum, line) => sum + line.claimCents, 0),
    interestCents: lines.reduce((sum, line) => sum + line.interestCents, 0),
    compensationCents: lines.reduce((sum, line) => sum + line.compensationCents, 0),
  };
}

/** Invoices with their payments, ready for a claim (from one client's allocations and payments). */
export function claimInvoicesOf(
  invoices: readonly InvoiceRecord[],
  allocations: readonly Pick<AllocationRecord, 'paymentId' | 'invoiceId' | 'amountCents'>[],
  payments: readonly Pick<PaymentRecord, 'id' | 'date'>[],
): ClaimInvoice[] {
  const byInvoice = paymentsByInvoice(allocations, payments);
  return invoices.map((invoice) => ({ ...invoice, payments: byInvoice.get(invoice.id) ?? [] }));
}
