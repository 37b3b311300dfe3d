// What a letter, a formal demand or a monitorio claims: per invoice and due, the interest of each
// due and payment (Ley 3/2004, a contract rate, or the Código Civil for consumers), the 40 € of
// Ley 3/2004 per invoice paid (or unpaid) late, and nothing that has prescribed unless chosen.
import { daysBetween, type CalendarDate } from './dates';
import type { Cents } from './money';
import type { AllocationRecord, DueRecord, InvoiceRecord, PaymentRecord } from './records';
import {
  allocateToDues,
  interestStatement,
  LATE_PAYMENT_COMPENSATION_CENTS,
  type InterestLine,
} from './lateInterest';
import { LEGAL_INTEREST_RATES, type LegalRateEntry } from './legal-interest-rates';
import { LEGAL_MONEY_RATES } from './legal-money-rates';
import { prescriptionStatus } from './prescription';

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

/** One due of an invoice as a claim shows it: only dues past their date are listed. */
export interface ClaimDue {
  dueDate: CalendarDate;
  /** Its place among the invoice's dues (1-based) and how many the invoice has. */
  index: number;
  count: number;
  /** Days late: to today while unpaid, to its last payment when paid late. */
  daysFromDue: number;
  /** What is unpaid of this due today (disputed and credited parts left out). */
  claimCents: Cents;
  interestCents: Cents;
  /** Its prescription expired (art. 1964.2 CC) with no interruption in time. */
  prescribed: boolean;
}

/** Which rule sets the interest: Ley 3/2004, a contract rate, or the Código Civil for consumers. */
export type ClaimLaw = 'ley3_2004' | 'contract' | 'civil_code';

export interface ClaimOptions {
  contractRatePercent?: number | null;
  /** The Ley 3/2004 table in force. */
  legalRates?: readonly LegalRateEntry[];
  /** A consumer owes the interés legal del dinero from the demand, and no 40 € (arts. 1100, 1108 CC). */
  debtorKind?: 'business' | 'consumer';
  /** The interés legal del dinero table in force. */
  moneyRates?: readonly LegalRateEntry[];
  /** Per invoice, the dates that interrupted its prescription (claim-prescription `interruptionsOf`). */
  interruptions?: ReadonlyMap<string, readonly CalendarDate[]>;
  /** Per invoice, the first demand after its due date: a consumer is in default from then on. */
  demandDates?: ReadonlyMap<string, CalendarDate>;
  /** Invoices paid late the person chose to claim (interest and 40 € only). */
  includePaidLate?: readonly string[];
  /** Prescribed invoices the person chose to claim anyway: their principal only. */
  includePrescribed?: readonly string[];
}

export interface ClaimLineOf extends ClaimLine {
  parts: ClaimDue[];
  /** Every due it claims has prescribed: claimed only by an explicit choice. */
  prescribed: boolean;
}

export interface ClaimResult extends ClaimAmounts {
  lines: ClaimLineOf[];
  law: ClaimLaw;
  /** Invoices left out because what they owe has prescribed (offered as an explicit choice). */
  prescribed: ClaimLineOf[];
}

/** The law a claim goes by, from its options. */
export function claimLawOf(options: ClaimOptions): ClaimLaw {
  if (options.contractRatePercent !== null && options.contractRatePercent !== undefined)
    return 'contract';
  return options.debtorKind === 'consumer' ? 'civil_code' : 'ley3_2004';
}

/** Interest of a consumer: each due's unpaid part from its demand at the interés legal del dinero. */
function consumerInterest(
  dues: readonly DueRecord[],
  payments: readonly DatedPayment[],
  today: CalendarDate,
  demand: CalendarDate | undefined,
  moneyRates: readonly LegalRateEntry[],
): InterestLine[] {
  if (demand === undefined) return [];
  const ordered = dues.map((due) => ({ date: due.dueDate, amountCents: due.amountCents }));
  const sortedPayments = [...payments].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  const pieces = allocateToDues(ordered, sortedPayments);
  return dues.flatMap((due, index) => {
    // Default begins with the demand (art. 1100 CC), never before the due date.
    const from = demand > due.dueDate ? demand : due.dueDate;
    const statement = interestStatement(
      {
        dues: [{ dueDate: from, amountCents: due.amountCents }],
        payments: pieces[index] ?? [],
        until: today,
      },
      moneyRates,
    );
    return statement.lines.map((line) => ({ ...line, dueDate: due.dueDate }));
  });
}

/**
 * One invoice's claim through `today`, due by due, or null when nothing of it was ever late (or it
 * is not issued, or followed through a plan, whose own installments are claimed as the plan says).
 * Dues not yet due are left out; a prescribed due is left out unless the invoice is in
 * `includePrescribed`, and then claims its principal without interest; the 40 € (Ley 3/2004 only)
 * go with the dues that have not prescribed.
 */
export function claimLineOf(
  invoice: ClaimInvoice,
  today: CalendarDate,
  options: ClaimOptions = {},
): ClaimLineOf | null {
  if (invoice.lifecycle !== 'issued' || invoice.planId !== null) return null;
  const legalRates = options.legalRates ?? LEGAL_INTEREST_RATES;
  const law = claimLawOf(options);
  const removed = Math.max(0, invoice.disputedCents) + Math.max(0, invoice.creditedCents ?? 0);
  const dues = claimableDues(invoice.dues, removed);
  const business = interestStatement(
    {
      dues,
      payments: [...invoice.payments],
      until: today,
      ...(law === 'contract' ? { annualRatePercent: options.contractRatePercent as number } : {}),
    },
    legalRates,
  );
  // Late at all: some part of some due was unpaid after its date.
  if (business.compensationCents === 0) return null;
  const interestLines =
    law === 'civil_code'
      ? consumerInterest(
          dues,
          invoice.payments,
          today,
          options.demandDates?.get(invoice.id),
          options.moneyRates ?? LEGAL_MONEY_RATES,
        )
      : business.lines;

  // What is still unpaid of each due already due: dues settle oldest first.
  let paid = invoice.payments.reduce((sum, payment) => sum + payment.amountCents, 0);
  const interruptions = options.interruptions?.get(invoice.id);
  const parts: ClaimDue[] = [];
  dues.forEach((due, position) => {
    const settled = Math.min(paid, due.amountCents);
    paid -= settled;
    if (due.dueDate >= today) return;
    const unpaid = due.amountCents - settled;
    const mine = interestLines.filter((line) => line.dueDate === due.dueDate);
    const lateLines = business.lines.filter((line) => line.dueDate === due.dueDate);
    if (unpaid === 0 && lateLines.length === 0) return;
    const prescribed =
      interruptions !== undefined &&
      prescriptionStatus({ dueDate: due.dueDate, interruptions }, today).state === 'expired';
    const same = parts.find((part) => part.dueDate === due.dueDate);
    if (same) {
      // Two dues on one day are one claim line: their interest lines cannot be told apart.
      same.claimCents += unpaid;
      return;
    }
    parts.push({
      dueDate: due.dueDate,
      index: position + 1,
      count: dues.length,
      daysFromDue:
        unpaid > 0
          ? daysBetween(due.dueDate, today)
          : Math.max(0, ...lateLines.map((line) => daysBetween(line.dueDate, line.to))),
      claimCents: unpaid,
      interestCents: mine.reduce((sum, line) => sum + line.interestCents, 0),
      prescribed,
    });
  });
  // Never more than is outstanding and undisputed: the excess comes off the latest dues.
  let excess =
    parts.reduce((sum, part) => sum + part.claimCents, 0) -
    Math.max(0, invoice.outstandingCents - invoice.disputedCents);
  for (let index = parts.length - 1; index >= 0 && excess > 0; index -= 1) {
    const part = parts[index] as ClaimDue;
    const cut = Math.min(excess, part.claimCents);
    part.claimCents -= cut;
    excess -= cut;
  }

  const choseStale = options.includePrescribed?.includes(invoice.id) === true;
  const kept = parts.filter((part) => !part.prescribed || choseStale);
  if (kept.length === 0 && parts.length === 0) return null;
  const allPrescribed = parts.length > 0 && parts.every((part) => part.prescribed);
  // A prescribed due is claimed, if at all, without its interest.
  for (const part of kept) if (part.prescribed) part.interestCents = 0;
  const live = new Set(kept.filter((part) => !part.prescribed).map((part) => part.dueDate));
  const lines = interestLines.filter((line) => live.has(line.dueDate));
  const shown = kept.length > 0 ? kept : parts;
  const claimCents = kept.reduce((sum, part) => sum + part.claimCents, 0);
  const compensationCents =
    law === 'civil_code' || live.size === 0 ? 0 : LATE_PAYMENT_COMPENSATION_CENTS;
  return {
    invoiceId: invoice.id,
    number: invoice.number,
    dueDate: shown[0]?.dueDate ?? today,
    daysFromDue: Math.max(0, ...shown.map((part) => part.daysFromDue)),
    claimCents: kept.length > 0 ? claimCents : 0,
    interestCents: lines.reduce((sum, line) => sum + line.interestCents, 0),
    compensationCents: kept.length > 0 ? compensationCents : 0,
    paidLate: parts.every((part) => part.claimCents === 0),
    dues: lines,
    parts: shown,
    prescribed: allPrescribed,
  };
}

/**
 * The claim of a client's invoices: only what is actually late; invoices paid late when chosen in
 * `includePaidLate`; prescribed invoices only when chosen in `includePrescribed` (listed apart in
 * `prescribed` otherwise). Disputed amounts and invoices in a plan are left out.
 */
export function buildClaim(
  invoices: readonly ClaimInvoice[],
  today: CalendarDate,
  options: ClaimOptions = {},
): ClaimResult {
  const lines: ClaimLineOf[] = [];
  const prescribed: ClaimLineOf[] = [];
  for (const invoice of invoices) {
    const line = claimLineOf(invoice, today, options);
    if (!line) continue;
    const chosen = options.includePrescribed?.includes(invoice.id) === true;
    if (line.prescribed && !line.paidLate) {
      prescribed.push(line);
      if (!chosen) continue;
    } else if (line.prescribed) continue;
    if (!line.paidLate || options.includePaidLate?.includes(invoice.id)) lines.push(line);
  }
  return { ...totalsOf(lines), lines, law: claimLawOf(options), prescribed };
}

/** One invoice's claim through `today` under Ley 3/2004 (or a contract rate), or null. */
export function invoiceClaim(
  invoice: ClaimInvoice,
  today: CalendarDate,
  contractRatePercent: number | null = null,
  legalRates: readonly LegalRateEntry[] = LEGAL_INTEREST_RATES,
): ClaimLineOf | null {
  return claimLineOf(invoice, today, { contractRatePercent, legalRates });
}

/**
 * Only what is actually late is claimed: invoices with an overdue unpaid part, and those paid
 * late (interest and 40 € only) when the user chose them in `includePaidLate`. Disputed amounts
 * and invoices in a plan are left out. Without prescription facts, nothing counts as prescribed:
 * documents that go to a debtor use `buildClaim` with them.
 */
export function claimAmounts(
  invoices: readonly ClaimInvoice[],
  today: CalendarDate,
  contractRatePercent: number | null = null,
  legalRates: readonly LegalRateEntry[] = LEGAL_INTEREST_RATES,
  includePaidLate: readonly string[] = [],
): ClaimAmounts {
  const { lines, principalCents, interestCents, compensationCents } = buildClaim(invoices, today, {
    contractRatePercent,
    legalRates,
    includePaidLate,
  });
  return { lines, principalCents, interestCents, compensationCents };
}

/** The invoices a claim may add on request: paid late (or late only on a part already paid). */
export function paidLateClaims(
  invoices: readonly ClaimInvoice[],
  today: CalendarDate,
  contractRatePercent: number | null = null,
  legalRates: readonly LegalRateEntry[] = LEGAL_INTEREST_RATES,
  options: ClaimOptions = {},
): ClaimLineOf[] {
  return invoices
    .map((invoice) => claimLineOf(invoice, today, { ...options, contractRatePercent, legalRates }))
    .filter((line): line is ClaimLineOf => line !== null && line.paidLate && !line.prescribed);
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
