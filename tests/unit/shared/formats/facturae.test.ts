import { describe, expect, it } from 'vitest';
import { parseFacturae, parseFacturaeWithTaxes } from '../../../../shared/formats/facturae';
import { XmlFormatError } from '../../../../shared/formats/xml';
import { hasSharedData, sharedText } from '../../../support/shared-data';

/** A Facturae 3.2.2 file written from the schema: a person sells to a company, with IRPF. */
function facturae(
  options: { prefix?: string; executable?: boolean; invoices?: number; signed?: boolean } = {},
) {
  const p = options.prefix ?? 'fe';
  const invoice = (n: number) => `
    <Invoice>
      <InvoiceHeader><InvoiceNumber>00${n}</InvoiceNumber><InvoiceSeriesCode>2026A</InvoiceSeriesCode>
        <InvoiceDocumentType>FC</InvoiceDocumentType><InvoiceClass>OO</InvoiceClass></InvoiceHeader>
      <InvoiceIssueData><IssueDate>2026-03-0${n}</IssueDate><InvoiceCurrencyCode>EUR</InvoiceCurrencyCode></InvoiceIssueData>
      <InvoiceTotals>
        <TotalGrossAmountBeforeTaxes>1000.00</TotalGrossAmountBeforeTaxes>
        <TotalTaxOutputs>210.00</TotalTaxOutputs><TotalTaxesWithheld>150.00</TotalTaxesWithheld>
        <InvoiceTotal>1210.00</InvoiceTotal><TotalOutstandingAmount>1060.00</TotalOutstandingAmount>
        ${options.executable === false ? '' : '<TotalExecutableAmount>1060.00</TotalExecutableAmount>'}
      </InvoiceTotals>
      <PaymentDetails>
        <Installment><InstallmentDueDate>2026-04-01</InstallmentDueDate><InstallmentAmount>530.00</InstallmentAmount></Installment>
        <Installment><InstallmentDueDate>2026-05-01</InstallmentDueDate><InstallmentAmount>530.00</InstallmentAmount></Installment>
      </PaymentDetails>
    </Invoice>`;
  const count = options.invoices ?? 1;
  return `<?xml version="1.0" encoding="UTF-8"?>
<${p}:Facturae xmlns:${p}="http://www.facturae.gob.es/formato/Versiones/Facturaev3_2_2.xml" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
  <FileHeader><SchemaVersion>3.2.2</SchemaVersion><Batch><InvoiceCurrencyCode>EUR</InvoiceCurrencyCode></Batch></FileHeader>
  <Parties>
    <SellerParty><TaxIdentification><PersonTypeCode>F</PersonTypeCode><TaxIdentificationNumber>12345678Z</TaxIdentificationNumber></TaxIdentification>
      <Individual><Name>María José</Name><FirstSurname>Peñalver</FirstSurname><SecondSurname>Ibáñez</SecondSurname></Individual></SellerParty>
    <BuyerParty><TaxIdentification><PersonTypeCode>J</PersonTypeCode><TaxIdentificationNumber>B12345674</TaxIdentificationNumber></TaxIdentification>
      <AdministrativeCentres><AdministrativeCentre><Name>Oficina contable</Name></AdministrativeCentre></AdministrativeCentres>
      <LegalEntity><CorporateName>Talleres García S.L.</CorporateName></LegalEntity></BuyerParty>
  </Parties>
  <Invoices>${Array.from({ length: count }, (_, i) => invoice(i + 1)).join('')}</Invoices>
  ${options.signed ? '<ds:Signature Id="s"><ds:SignedInfo/><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>' : ''}
</${p}:Facturae>`;
}

describe('parseFacturae', () => {
  it('reads parties, number, series, totals, IRPF and installments', () => {
    expect(parseFacturae(facturae())).toEqual([
      {
        seller: { taxId: '12345678Z', name: 'María José Peñalver Ibáñez' },
        buyer: { taxId: 'B12345674', name: 'Talleres García S.L.' },
        number: '001',
        series: '2026A',
        issueDate: '2026-03-01',
        currency: 'EUR',
        totalCents: 121_000,
        withholdingCents: 15_000,
        payableCents: 106_000,
        dueSchedule: [
          { dueDate: '2026-04-01', amountCents: 53_000 },
          { dueDate: '2026-05-01', amountCents: 53_000 },
        ],
      },
    ]);
  });

  it('returns one entry per invoice, whatever the namespace prefix, signature ignored', () => {
    const parsed = parseFacturae(facturae({ prefix: 'ns3', invoices: 3, signed: true }));
    expect(parsed.map((invoice) => invoice.number)).toEqual(['001', '002', '003']);
  });

  it('falls back to TotalOutstandingAmount when there is no executable amount', () => {
    expect(parseFacturae(facturae({ executable: false }))[0]?.payableCents).toBe(106_000);
  });

  it('names the missing element', () => {
    const broken = facturae().replace('<InvoiceTotal>1210.00</InvoiceTotal>', '');
    expect(() => parseFacturae(broken)).toThrow(XmlFormatError);
    expect(() => parseFacturae(broken)).toThrow(/InvoiceTotals\/InvoiceTotal/);
    expect(() => parseFacturae('<fe:Facturae xmlns:fe="x"><Parties>')).toThrow(/mal formado/);
  });
});

describe.skipIf(!hasSharedData)('parseFacturae on the real sample files', () => {
  it('reads a 3.2.2 invoice with IRPF from an individual seller', () => {
    const [invoice] = parseFacturae(
      sharedText('facturae', 'invopop_gobl.facturae', 'invoice-vat-irpf.xml'),
    );
    expect(invoice).toMatchObject({
      seller: { taxId: '37221735F', name: 'Maria Remedios Sanchez Nuñez' },
      buyer: { taxId: 'B77436020', name: 'Moniward Sl' },
      number: 'TEST01002F',
      totalCents: 508_092,
      withholdingCents: 60_030,
      payableCents: 448_062,
    });
  });

  it('reads the signed 3.2.1 sample (.xsig) like its unsigned 3.2 twin', () => {
    const signed = parseFacturae(
      sharedText('facturae', 'fawno_Facturae', 'factura-prueba-v1-2-0.xsig'),
    );
    const plain = parseFacturae(
      sharedText('facturae', 'fawno_Facturae', 'factura-prueba-v1-2-0.xml'),
    );
    expect(signed).toEqual(plain);
    expect(signed[0]).toMatchObject({ series: 'PACOP', number: '2', payableCents: 138_458 });
  });

  it('takes the buyer legal name, not its administrative centres, and the installments', () => {
    const [invoice] = parseFacturae(sharedText('facturae', 'fawno_Facturae', 'factura_dfb.xml'));
    expect(invoice?.buyer.name).toBe('DIPUTACION FORAL DE BIZKAIA');
    expect(invoice?.dueSchedule).toEqual([{ dueDate: '2022-05-11', amountCents: 6_207 }]);
  });
});

describe('parseFacturae against impossible dates', () => {
  it('refuses a due date of 30 February and an issue date in month 13, naming the element', () => {
    expect(() => parseFacturae(facturae().replace('2026-04-01', '2026-02-30'))).toThrow(
      /Installment\[1\]\/InstallmentDueDate: "2026-02-30" no es una fecha del calendario/,
    );
    expect(() => parseFacturae(facturae().replace('2026-03-01', '2026-13-45'))).toThrow(
      /InvoiceIssueData\/IssueDate/,
    );
    expect(() => parseFacturae(facturae().replace('2026-03-01', '2026-03-011'))).toThrow(
      XmlFormatError,
    );
    expect(parseFacturae(facturae().replace('2026-04-01', '2028-02-29'))).toHaveLength(1);
  });

  it('refuses a derived taxable base beyond a safe integer (issue 13)', () => {
    // No TotalGrossAmountBeforeTaxes: the base is InvoiceTotal − TotalTaxOutputs, each safe alone.
    const huge = facturae()
      .replace('<TotalGrossAmountBeforeTaxes>1000.00</TotalGrossAmountBeforeTaxes>', '')
      .replace(
        '<InvoiceTotal>1210.00</InvoiceTotal>',
        '<InvoiceTotal>90000000000000.00</InvoiceTotal>',
      )
      .replace(
        '<TotalTaxOutputs>210.00</TotalTaxOutputs>',
        '<TotalTaxOutputs>-90000000000000.00</TotalTaxOutputs>',
      );
    expect(() => parseFacturaeWithTaxes(huge)).toThrow(
      /InvoiceTotals\/TotalGrossAmountBeforeTaxes: la base imponible .* es demasiado grande/,
    );
    const derived = facturae().replace(
      '<TotalGrossAmountBeforeTaxes>1000.00</TotalGrossAmountBeforeTaxes>',
      '',
    );
    expect(parseFacturaeWithTaxes(derived)[0]?.taxableBaseCents).toBe(100_000);
  });

  it('refuses a file over the 20 MB limit before parsing it, naming the limit', () => {
    const huge = facturae() + ' '.repeat(20 * 1024 * 1024);
    expect(() => parseFacturae(huge)).toThrow(/el máximo para facturae es 20 MB/);
  });
});
