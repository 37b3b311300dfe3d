// UBL 2.1 invoices and credit notes (Peppol BIS Billing 3): parties, number, dates and totals.
import {
  XmlFormatError,
  at,
  child,
  decimalToCents,
  isoDatePart,
  parseXml,
  requiredText,
  textOf,
} from './xml';
import type { XmlNode } from './xml';

export interface UblParty {
  /** VAT or legal id as written, country prefix kept for foreign ids; "ES" dropped for Spain. */
  taxId: string;
  name: string;
}

export interface UblDocument {
  kind: 'invoice' | 'credit_note';
  number: string;
  issueDate: string;
  dueDate: string | null;
  currency: string;
  seller: UblParty;
  buyer: UblParty;
  taxExclusiveCents: number;
  /** TaxInclusiveAmount: the invoice total with VAT. */
  totalCents: number;
  prepaidCents: number;
  /** PayableAmount: what is still to be paid (negative on a negative correction invoice). */
  payableCents: number;
  paymentId: string | null;
}

function partyOf(root: XmlNode, role: string, where: string): UblParty {
  const party = at(root, [role, 'Party']);
  if (!party) throw new XmlFormatError(`${where}/${role}/Party`, 'falta el elemento');
  const legal = child(party, 'PartyLegalEntity');
  const name = textOf(child(legal, 'RegistrationName')) || textOf(at(party, ['PartyName', 'Name']));
  if (name === '') {
    throw new XmlFormatError(
      `${where}/${role}/Party/PartyLegalEntity/RegistrationName`,
      'falta el nombre',
    );
  }
  const raw =
    textOf(at(party, ['PartyTaxScheme', 'CompanyID'])) || textOf(child(legal, 'CompanyID'));
  const compact = raw.replace(/[\s.-]/g, '').toUpperCase();
  return { taxId: compact.startsWith('ES') ? compact.slice(2) : compact, name };
}

function amount(
  totals: XmlNode | undefined,
  name: string,
  where: string,
  required: boolean,
): number {
  const text = textOf(child(totals, name));
  if (text === '') {
    if (required) throw new XmlFormatError(`${where}/LegalMonetaryTotal/${name}`, 'falta el dato');
    return 0;
  }
  return decimalToCents(text, `${where}/LegalMonetaryTotal/${name}`);
}

/** The contract's fields plus the invoice a credit note (or a negative invoice) corrects. */
export interface UblDocumentWithReference extends UblDocument {
  /** BillingReference/InvoiceDocumentReference/ID, or null. */
  correctsNumber: string | null;
}

export function parseUbl(xml: string): UblDocument {
  // Exactly the contract's fields.
  const document: UblDocument & { correctsNumber?: string | null } = parseUblWithReference(xml);
  delete document.correctsNumber;
  return document;
}

export function parseUblWithReference(xml: string): UblDocumentWithReference {
  const document = parseXml(xml);
  const invoice = child(document, 'Invoice');
  const creditNote = child(document, 'CreditNote');
  const root = invoice ?? creditNote;
  if (!root) throw new XmlFormatError('Invoice', 'no es una factura UBL (Invoice o CreditNote)');
  const where = invoice ? 'Invoice' : 'CreditNote';
  const totals = child(root, 'LegalMonetaryTotal');
  if (!totals) throw new XmlFormatError(`${where}/LegalMonetaryTotal`, 'falta el elemento');
  const due =
    textOf(child(root, 'DueDate')) || textOf(at(root, ['PaymentMeans', 'PaymentDueDate']));
  const paymentId = textOf(at(root, ['PaymentMeans', 'PaymentID']));
  const reference = textOf(at(root, ['BillingReference', 'InvoiceDocumentReference', 'ID']));
  return {
    kind: invoice ? 'invoice' : 'credit_note',
    number: requiredText(root, ['ID'], where),
    issueDate: isoDatePart(requiredText(root, ['IssueDate'], where), `${where}/IssueDate`),
    dueDate: due ? isoDatePart(due, `${where}/DueDate`) : null,
    currency: requiredText(root, ['DocumentCurrencyCode'], where),
    seller: partyOf(root, 'AccountingSupplierParty', where),
    buyer: partyOf(root, 'AccountingCustomerParty', where),
    taxExclusiveCents: amount(totals, 'TaxExclusiveAmount', where, true),
    totalCents: amount(totals, 'TaxInclusiveAmount', where, true),
    prepaidCents: amount(totals, 'PrepaidAmount', where, false),
    payableCents: amount(totals, 'PayableAmount', where, true),
    paymentId: paymentId === '' ? null : paymentId,
    correctsNumber: reference === '' ? null : reference,
  };
}
