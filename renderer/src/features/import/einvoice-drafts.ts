// Reads an e-invoice file (Facturae or UBL) into drafts for the importer, saying what is skipped.
import { decodeText } from '../../../../shared/formats/windows-1252';
import { parseFacturaeWithTaxes } from '../../../../shared/formats/facturae';
import { parseUbl } from '../../../../shared/formats/ubl';
import type { EInvoiceDraft } from '../../db/import-repo';

export interface EInvoiceLine {
  draft: EInvoiceDraft;
  /** Why it will not be imported, or null. */
  skip: 'credit_note' | { currency: string } | null;
}

function duesThatAddUp(dues: EInvoiceDraft['dues'], payableCents: number): EInvoiceDraft['dues'] {
  const sum = dues.reduce((total, due) => total + due.amountCents, 0);
  // Installments that do not add up to the payable are ignored: the client's term decides.
  return sum === payableCents ? dues : [];
}

export function readEInvoiceFile(bytes: Uint8Array): EInvoiceLine[] {
  const { text } = decodeText(bytes);
  if (/<([\w-]+:)?Facturae[\s>]/.test(text)) {
    return parseFacturaeWithTaxes(text).map((invoice) => ({
      draft: {
        clientTaxId: invoice.buyer.taxId,
        clientName: invoice.buyer.name,
        number: invoice.series ? `${invoice.series}-${invoice.number}` : invoice.number,
        issueDate: invoice.issueDate,
        description: 'Facturae',
        taxableBaseCents: invoice.taxableBaseCents,
        vatCents: invoice.vatCents,
        totalCents: invoice.totalCents,
        withholdingCents: invoice.withholdingCents,
        payableCents: invoice.payableCents,
        dues: duesThatAddUp(invoice.dueSchedule, invoice.payableCents),
      },
      skip:
        invoice.payableCents <= 0
          ? 'credit_note'
          : invoice.currency !== 'EUR'
            ? { currency: invoice.currency }
            : null,
    }));
  }
  const document = parseUbl(text);
  const dues = document.dueDate
    ? [{ dueDate: document.dueDate, amountCents: document.payableCents }]
    : [];
  return [
    {
      draft: {
        clientTaxId: document.buyer.taxId,
        clientName: document.buyer.name,
        number: document.number,
        issueDate: document.issueDate,
        description: 'UBL',
        taxableBaseCents: document.taxExclusiveCents,
        vatCents: document.totalCents - document.taxExclusiveCents,
        totalCents: document.totalCents,
        withholdingCents: 0,
        payableCents: document.payableCents,
        dues,
      },
      skip:
        document.kind === 'credit_note' || document.payableCents <= 0
          ? 'credit_note'
          : document.currency !== 'EUR'
            ? { currency: document.currency }
            : null,
    },
  ];
}
