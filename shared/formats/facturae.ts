// Facturae 3.2 / 3.2.1 / 3.2.2 invoices (signed or not): parties, numbers, totals and installments.
import {
  XmlFormatError,
  at,
  child,
  children,
  decimalToCents,
  isoDatePart,
  parseXml,
  requiredText,
  textOf,
} from './xml';
import type { XmlNode } from './xml';
import { checkFileSize } from './file-limits';

export interface FacturaeParty {
  taxId: string;
  name: string;
}

export interface FacturaeInvoice {
  seller: FacturaeParty;
  buyer: FacturaeParty;
  number: string;
  series: string | null;
  issueDate: string;
  currency: string;
  totalCents: number;
  withholdingCents: number;
  payableCents: number;
  dueSchedule: { dueDate: string; amountCents: number }[];
}

/** The contract's fields plus the tax split the importer stores. */
export interface FacturaeInvoiceWithTaxes extends FacturaeInvoice {
  /** TotalGrossAmountBeforeTaxes. */
  taxableBaseCents: number;
  /** TotalTaxOutputs (VAT and surcharges). */
  vatCents: number;
  /** InvoiceClass: OO original, OR corrective (rectificativa), OC/CO/CR summaries. */
  invoiceClass: string;
  /** InvoiceHeader/Corrective: the invoice a rectificativa corrects, when it names it. */
  corrects: { number: string; series: string | null } | null;
}

function partyOf(parties: XmlNode | undefined, role: 'SellerParty' | 'BuyerParty'): FacturaeParty {
  const party = child(parties, role);
  const where = `Facturae/Parties/${role}`;
  if (!party) throw new XmlFormatError(where, 'falta el elemento');
  const taxId = requiredText(party, ['TaxIdentification', 'TaxIdentificationNumber'], where)
    .replace(/[\s.-]/g, '')
    .toUpperCase();
  const legal = child(party, 'LegalEntity');
  if (legal) {
    // The legal name, never the names of its administrative centres.
    return { taxId, name: requiredText(legal, ['CorporateName'], `${where}/LegalEntity`) };
  }
  const person = child(party, 'Individual');
  if (!person) throw new XmlFormatError(`${where}/LegalEntity`, 'falta el nombre de la parte');
  const given = requiredText(person, ['Name'], `${where}/Individual`);
  const surnames = ['FirstSurname', 'SecondSurname'].map((name) => textOf(child(person, name)));
  return { taxId, name: [given, ...surnames].filter((part) => part !== '').join(' ') };
}

function amountAt(node: XmlNode | undefined, path: readonly string[], where: string): number {
  return decimalToCents(requiredText(node, path, where), `${where}/${path.join('/')}`);
}

function invoiceOf(
  invoice: XmlNode,
  index: number,
  seller: FacturaeParty,
  buyer: FacturaeParty,
  batchCurrency: string,
): FacturaeInvoiceWithTaxes {
  const where = `Facturae/Invoices/Invoice[${index + 1}]`;
  const header = child(invoice, 'InvoiceHeader');
  const number = requiredText(header, ['InvoiceNumber'], `${where}/InvoiceHeader`);
  const series = textOf(child(header, 'InvoiceSeriesCode'));
  const corrective = child(header, 'Corrective');
  const correctedNumber = textOf(child(corrective, 'InvoiceNumber'));
  const correctedSeries = textOf(child(corrective, 'InvoiceSeriesCode'));
  const issueData = child(invoice, 'InvoiceIssueData');
  const issueDate = isoDatePart(
    requiredText(issueData, ['IssueDate'], `${where}/InvoiceIssueData`),
    `${where}/InvoiceIssueData/IssueDate`,
  );
  const currency = textOf(child(issueData, 'InvoiceCurrencyCode')) || batchCurrency;
  if (!currency)
    throw new XmlFormatError(`${where}/InvoiceIssueData/InvoiceCurrencyCode`, 'falta el dato');
  const totals = child(invoice, 'InvoiceTotals');
  const totalsWhere = `${where}/InvoiceTotals`;
  if (!totals) throw new XmlFormatError(totalsWhere, 'falta el elemento');
  const totalCents = amountAt(totals, ['InvoiceTotal'], totalsWhere);
  const withheld = textOf(child(totals, 'TotalTaxesWithheld'));
  const withholdingCents = withheld
    ? decimalToCents(withheld, `${totalsWhere}/TotalTaxesWithheld`)
    : 0;
  // What is collected is the executable amount; older files only carry the outstanding one.
  const payableName = textOf(child(totals, 'TotalExecutableAmount'))
    ? 'TotalExecutableAmount'
    : 'TotalOutstandingAmount';
  const payableCents = amountAt(totals, [payableName], totalsWhere);
  const dueSchedule = children(child(invoice, 'PaymentDetails'), 'Installment').map((item, k) => {
    const itemWhere = `${where}/PaymentDetails/Installment[${k + 1}]`;
    return {
      dueDate: isoDatePart(
        requiredText(item, ['InstallmentDueDate'], itemWhere),
        `${itemWhere}/InstallmentDueDate`,
      ),
      amountCents: amountAt(item, ['InstallmentAmount'], itemWhere),
    };
  });
  const gross = textOf(child(totals, 'TotalGrossAmountBeforeTaxes'));
  const outputs = textOf(child(totals, 'TotalTaxOutputs'));
  const vatCents = outputs ? decimalToCents(outputs, `${totalsWhere}/TotalTaxOutputs`) : 0;
  const taxableBaseCents = gross
    ? decimalToCents(gross, `${totalsWhere}/TotalGrossAmountBeforeTaxes`)
    : totalCents - vatCents;
  // Two safe amounts of opposite sign can differ by more than a safe integer holds.
  if (!Number.isSafeInteger(taxableBaseCents)) {
    throw new XmlFormatError(
      `${totalsWhere}/TotalGrossAmountBeforeTaxes`,
      'la base imponible que dan InvoiceTotal y TotalTaxOutputs es demasiado grande',
    );
  }
  return {
    taxableBaseCents,
    vatCents,
    invoiceClass: textOf(child(header, 'InvoiceClass')),
    corrects:
      correctedNumber === ''
        ? null
        : { number: correctedNumber, series: correctedSeries === '' ? null : correctedSeries },
    seller,
    buyer,
    number,
    series: series === '' ? null : series,
    issueDate,
    currency,
    totalCents,
    withholdingCents,
    payableCents,
    dueSchedule,
  };
}

/** Every invoice with its tax split; a ds:Signature, if any, is ignored. */
export function parseFacturaeWithTaxes(xml: string): FacturaeInvoiceWithTaxes[] {
  checkFileSize('facturae', xml.length);
  const root = child(parseXml(xml), 'Facturae');
  if (!root) throw new XmlFormatError('Facturae', 'no es un fichero Facturae');
  const parties = child(root, 'Parties');
  if (!parties) throw new XmlFormatError('Facturae/Parties', 'falta el elemento');
  const seller = partyOf(parties, 'SellerParty');
  const buyer = partyOf(parties, 'BuyerParty');
  const batchCurrency = textOf(at(root, ['FileHeader', 'Batch', 'InvoiceCurrencyCode']));
  const invoices = children(child(root, 'Invoices'), 'Invoice');
  if (invoices.length === 0) {
    throw new XmlFormatError('Facturae/Invoices/Invoice', 'no hay facturas');
  }
  return invoices.map((invoice, index) => invoiceOf(invoice, index, seller, buyer, batchCurrency));
}

/** One entry per invoice in the file, exactly the contract's fields. */
export function parseFacturae(xml: string): FacturaeInvoice[] {
  return parseFacturaeWithTaxes(xml).map(
    ({
      taxableBaseCents: _base,
      vatCents: _vat,
      invoiceClass: _class,
      corrects: _corrects,
      ...invoice
    }) => invoice,
  );
}
