// The invoice form's draft filled from a stored invoice, for editing it.
import { formatCentsInput } from '../../../../shared/domain/money';
import { formatDate } from '../../../../shared/domain/dates';
import type { InvoiceRecord } from '../../../../shared/domain/records';
import type { InvoiceDraft } from './invoice-draft';

export function draftOfInvoice(invoice: InvoiceRecord, locale: string): InvoiceDraft {
  return {
    clientId: invoice.clientId,
    number: invoice.number,
    issueDate: formatDate(invoice.issueDate, locale),
    description: invoice.description,
    taxableBase: formatCentsInput(invoice.taxableBaseCents),
    vatRatePercent: String(invoice.vatRatePercent),
    withholdingRatePercent: String(invoice.withholdingRatePercent),
    dues: invoice.dues.map((due) => ({
      date: formatDate(due.dueDate, locale),
      amount: formatCentsInput(due.amountCents),
    })),
    // The stored dues are the person's: they never follow the amount by themselves.
    duesTouched: true,
  };
}

/** The rate choices plus an imported invoice's own rate (e.g. 5,2 %) so editing keeps it. */
export function withRate(rates: readonly string[], current: string): string[] {
  return rates.includes(current) ? [...rates] : [...rates, current];
}
