// Reads an e-invoice file (Facturae or UBL) into drafts for the importer, saying what is skipped;
// a credit note that names the invoice it corrects becomes a credit-note draft linked to it.
import { decodeText } from '../../../../shared/formats/windows-1252';
import { parseFacturaeWithTaxes } from '../../../../shared/formats/facturae';
import { parseUblWithReference } from '../../../../shared/formats/ubl';
import type { EInvoiceCreditDraft, EInvoiceDraft } from '../../db/import-repo';

export interface EInvoiceLine {
  draft: EInvoiceDraft;
  /** Why it will not be imported as an invoice, or null. */
  skip: 'credit_note' | { currency: string } | null;
  /** A credit note (rectificativa) naming its invoice: imported as a credit note, or null. */
  credit: EInvoiceCreditDraft | null;
  /** Who issued it: must be the company in Ajustes (we import what we invoiced). */
  seller: { taxId: string; name: string };
}

/** A tax id as compared: upper case, no spaces or dashes, the "ES" VAT prefix dropped. */
function taxIdKey(taxId: string): string {
  return taxId
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/^ES(?=[A-Z0-9]{9}$)/, '');
}

/**
 * The first invoice of the file issued by someone else than the company, or null. Without a
 * company tax id in Ajustes nothing can be checked (null too; the screen says so).
 */
export function foreignSellerOf(
  lines: readonly EInvoiceLine[],
  companyTaxId: string,
): { taxId: string; name: string } | null {
  if (taxIdKey(companyTaxId) === '') return null;
  const line = lines.find((row) => taxIdKey(row.seller.taxId) !== taxIdKey(companyTaxId));
  return line ? line.seller : null;
}

function duesThatAddUp(dues: EInvoiceDraft['dues'], payableCents: number): EInvoiceDraft['dues'] {
  const sum = dues.reduce((total, due) => total + due.amountCents, 0);
  // Installments that do not add up to the payable are ignored: the client's term decides.
  return sum === payableCents ? dues : [];
}

const numbered = (number: string, series: string | null) =>
  series ? `${series}-${number}` : number;

function creditOf(
  draft: EInvoiceDraft,
  isCredit: boolean,
  amountCents: number,
  correctsNumber: string | null,
  currency: string,
): EInvoiceCreditDraft | null {
  if (!isCredit || correctsNumber === null || currency !== 'EUR' || amountCents <= 0) return null;
  return {
    clientTaxId: draft.clientTaxId,
    clientName: draft.clientName,
    number: draft.number,
    date: draft.issueDate,
    amountCents,
    correctsNumber,
  };
}

export function readEInvoiceFile(bytes: Uint8Array): EInvoiceLine[] {
  const { text } = decodeText(bytes);
  if (/<([\w-]+:)?Facturae[\s>]/.test(text)) {
    return parseFacturaeWithTaxes(text).map((invoice) => {
      const draft: EInvoiceDraft = {
        clientTaxId: invoice.buyer.taxId,
        clientName: invoice.buyer.name,
        number: numbered(invoice.number, invoice.series),
        issueDate: invoice.issueDate,
        description: 'Facturae',
        taxableBaseCents: invoice.taxableBaseCents,
        vatCents: invoice.vatCents,
        totalCents: invoice.totalCents,
        withholdingCents: invoice.withholdingCents,
        payableCents: invoice.payableCents,
        dues: duesThatAddUp(invoice.dueSchedule, invoice.payableCents),
      };
      const isCredit = invoice.payableCents <= 0;
      const corrects = invoice.corrects
        ? numbered(invoice.corrects.number, invoice.corrects.series)
        : null;
      return {
        draft,
        skip: isCredit
          ? 'credit_note'
          : invoice.currency !== 'EUR'
            ? { currency: invoice.currency }
            : null,
        credit: creditOf(draft, isCredit, -invoice.payableCents, corrects, invoice.currency),
        seller: invoice.seller,
      };
    });
  }
  const document = parseUblWithReference(text);
  const dues = document.dueDate
    ? [{ dueDate: document.dueDate, amountCents: document.payableCents }]
    : [];
  const draft: EInvoiceDraft = {
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
  };
  // A CreditNote states positive amounts; a corrective Invoice states negative ones.
  const isCredit = document.kind === 'credit_note' || document.payableCents <= 0;
  const amountCents = Math.abs(document.payableCents);
  return [
    {
      draft,
      skip: isCredit
        ? 'credit_note'
        : document.currency !== 'EUR'
          ? { currency: document.currency }
          : null,
      credit: creditOf(draft, isCredit, amountCents, document.correctsNumber, document.currency),
      seller: document.seller,
    },
  ];
}
