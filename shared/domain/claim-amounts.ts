// What a formal demand or a monitorio claims: each overdue invoice, its Ley 3/2004 interest and 40 €.
import { daysBetween, type CalendarDate } from './dates';
import type { InvoiceRecord } from './records';
import { LATE_PAYMENT_COMPENSATION_CENTS, lateInterest } from './lateInterest';
import { LEGAL_INTEREST_RATES, type LegalRateEntry } from './legal-interest-rates';

export interface ClaimLine {
  invoiceId: string;
  number: string;
  dueDate: CalendarDate;
  daysFromDue: number;
  claimCents: number;
  interestCents: number;
}

export interface ClaimAmounts {
  lines: ClaimLine[];
  principalCents: number;
  interestCents: number;
  compensationCents: number;
}

/**
 * Only what is actually overdue is claimed: invoices not yet due, disputed amounts and invoices
 * followed through an active plan (whose own overdue installments are claimed as the plan says)
 * carry no interest and no 40 € compensation.
 */
export function claimAmounts(
  invoices: readonly Pick<
    InvoiceRecord,
    'id' | 'number' | 'lifecycle' | 'outstandingCents' | 'disputedCents' | 'nextDueDate' | 'planId'
  >[],
  today: CalendarDate,
  contractRatePercent: number | null = null,
  legalRates: readonly LegalRateEntry[] = LEGAL_INTEREST_RATES,
): ClaimAmounts {
  const lines: ClaimLine[] = [];
  for (const invoice of invoices) {
    if (invoice.lifecycle !== 'issued' || invoice.planId !== null) continue;
    const dueDate = invoice.nextDueDate;
    if (dueDate === null || dueDate >= today) continue;
    const claimCents = invoice.outstandingCents - Math.max(0, invoice.disputedCents);
    if (claimCents <= 0) continue;
    const interest = lateInterest(
      {
        amountCents: claimCents,
        dueDate,
        paidDate: today,
        ...(contractRatePercent !== null ? { annualRatePercent: contractRatePercent } : {}),
      },
      legalRates,
    );
    lines.push({
      invoiceId: invoice.id,
      number: invoice.number,
      dueDate,
      daysFromDue: daysBetween(dueDate, today),
      claimCents,
      interestCents: interest.interestCents,
    });
  }
  return {
    lines,
    principalCents: lines.reduce((sum, line) => sum + line.claimCents, 0),
    interestCents: lines.reduce((sum, line) => sum + line.interestCents, 0),
    compensationCents: LATE_PAYMENT_COMPENSATION_CENTS * lines.length,
  };
}
