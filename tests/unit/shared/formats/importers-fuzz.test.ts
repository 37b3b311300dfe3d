// Fuzz: random and mutated files never crash an importer with anything but its own clear format error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DelimitedParseError, readDelimited } from '../../../../shared/formats/delimited';
import { Norma43ParseError, parseNorma43 } from '../../../../shared/formats/norma43';
import { parseCamt053 } from '../../../../shared/formats/camt053';
import { parseFacturae } from '../../../../shared/formats/facturae';
import { parseUbl } from '../../../../shared/formats/ubl';
import { BackupFormatError, parseBackup, serializeBackup } from '../../../../shared/formats/backup';
import { clientRow, invoiceRow } from '../../../support/record-samples';
import { readBankStatement } from '../../../../shared/formats/bank-statement';
import { XmlFormatError } from '../../../../shared/formats/xml';
import { norma43File } from './norma43-fixture';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
type ErrorClass = abstract new (...args: never[]) => Error;

/** Runs `parse`; any throw must be one of `allowed`, with a message a person can read. */
function expectOnlyFormatErrors(parse: () => unknown, allowed: readonly ErrorClass[]): void {
  try {
    parse();
  } catch (error) {
    const known = allowed.some((kind) => error instanceof kind);
    if (!known) throw error; // fast-check shrinks and reports the input that crashed
    expect((error as Error).message.trim().length).toBeGreaterThan(0);
  }
}

/** A valid file with random damage: cut, inserted junk, duplicated or deleted slices, flipped bytes. */
function mutated(sample: string): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(40) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.string({ maxLength: 12 }),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.constantFrom(
        '<',
        '>',
        '"',
        ';',
        '\r\n',
        '</',
        '&amp;',
        '\u0000',
        '-',
        '9'.repeat(20),
        'ñ€',
      ),
    }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat(60) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) =>
    edits.reduce((text, change) => {
      const at = text.length === 0 ? 0 : change.at % (text.length + 1);
      switch (change.kind) {
        case 'delete':
          return text.slice(0, at) + text.slice(at + change.length);
        case 'insert':
          return text.slice(0, at) + change.text + text.slice(at);
        case 'duplicate':
          return text.slice(0, at + change.length) + text.slice(at);
        case 'truncate':
          return text.slice(0, at);
      }
    }, sample),
  );
}

const encode = (text: string) => new TextEncoder().encode(text);
const anyBytes = fc.uint8Array({ maxLength: 600 });
const anyText = fc.string({ unit: 'binary', maxLength: 600 });

const CSV =
  'Cliente;NIF;Factura;Fecha;Importe\r\n"Talleres García, S.L.";B12345674;2026-0001;15/01/2026;1.210,00\r\nAna Pérez;12345678Z;2026-0002;16/01/2026;"302,50"\r\n';
const NORMA43 = norma43File([
  {
    date: '260305',
    amountCents: 121_000,
    concept: 'TRANSFERENCIA TALLERES GARCIA',
    ref1: 'F2026-0001',
  },
  { date: '260310', amountCents: -4_550, concept: 'COMISION' },
]);
const CAMT = `<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-03-31T20:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><FrToDt><FrDtTm>2026-03-01T00:00:00</FrDtTm><ToDtTm>2026-03-31T23:59:59</ToDtTm></FrToDt>
<Acct><Id><IBAN>ES9121000418450200051332</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
<Ntry><Amt Ccy="EUR">1210.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-03-05</Dt></BookgDt><ValDt><Dt>2026-03-05</Dt></ValDt>
<NtryDtls><TxDtls><Refs><EndToEndId>E2E-1</EndToEndId></Refs><RltdPties><Dbtr><Pty><Nm>TALLERES GARCIA SL</Nm></Pty></Dbtr></RltdPties>
<RmtInf><Ustrd>FACTURA 2026-0001</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="EUR">45.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><DtTm>2026-03-10T09:00:00</DtTm></BookgDt></Ntry>
</Stmt></BkToCstmrStmt></Document>`;
const FACTURAE = `<?xml version="1.0" encoding="UTF-8"?>
<fe:Facturae xmlns:fe="http://www.facturae.gob.es/formato/Versiones/Facturaev3_2_2.xml">
<FileHeader><SchemaVersion>3.2.2</SchemaVersion><Batch><InvoiceCurrencyCode>EUR</InvoiceCurrencyCode></Batch></FileHeader>
<Parties>
<SellerParty><TaxIdentification><PersonTypeCode>F</PersonTypeCode><TaxIdentificationNumber>12345678Z</TaxIdentificationNumber></TaxIdentification>
<Individual><Name>María José</Name><FirstSurname>Peñalver</FirstSurname></Individual></SellerParty>
<BuyerParty><TaxIdentification><PersonTypeCode>J</PersonTypeCode><TaxIdentificationNumber>B12345674</TaxIdentificationNumber></TaxIdentification>
<LegalEntity><CorporateName>Talleres García S.L.</CorporateName></LegalEntity></BuyerParty>
</Parties>
<Invoices><Invoice>
<InvoiceHeader><InvoiceNumber>001</InvoiceNumber><InvoiceSeriesCode>2026A</InvoiceSeriesCode><InvoiceDocumentType>FC</InvoiceDocumentType><InvoiceClass>OO</InvoiceClass></InvoiceHeader>
<InvoiceIssueData><IssueDate>2026-03-01</IssueDate><InvoiceCurrencyCode>EUR</InvoiceCurrencyCode></InvoiceIssueData>
<InvoiceTotals><TotalGrossAmountBeforeTaxes>1000.00</TotalGrossAmountBeforeTaxes><TotalTaxOutputs>210.00</TotalTaxOutputs>
<TotalTaxesWithheld>150.00</TotalTaxesWithheld><InvoiceTotal>1210.00</InvoiceTotal><TotalOutstandingAmount>1060.00</TotalOutstandingAmount>
<TotalExecutableAmount>1060.00</TotalExecutableAmount></InvoiceTotals>
<PaymentDetails><Installment><InstallmentDueDate>2026-04-01</InstallmentDueDate><InstallmentAmount>1060.00</InstallmentAmount></Installment></PaymentDetails>
</Invoice></Invoices></fe:Facturae>`;
const UBL = `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2">
<cbc:ID>2026-0001</cbc:ID><cbc:IssueDate>2026-03-01</cbc:IssueDate><cbc:DueDate>2026-04-01</cbc:DueDate><cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
<cac:AccountingSupplierParty><cac:Party><cac:PartyTaxScheme><cbc:CompanyID>ES12345678Z</cbc:CompanyID></cac:PartyTaxScheme><cac:PartyLegalEntity><cbc:RegistrationName>María José Peñalver</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>
<cac:AccountingCustomerParty><cac:Party><cac:PartyTaxScheme><cbc:CompanyID>ESB12345674</cbc:CompanyID></cac:PartyTaxScheme><cac:PartyLegalEntity><cbc:RegistrationName>Talleres García S.L.</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>
<cac:LegalMonetaryTotal><cbc:TaxExclusiveAmount currencyID="EUR">1000.00</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount currencyID="EUR">1210.00</cbc:TaxInclusiveAmount><cbc:PayableAmount currencyID="EUR">1210.00</cbc:PayableAmount></cac:LegalMonetaryTotal>
</Invoice>`;
const TABLES = ['clients', 'invoices', 'payments'];
const BACKUP = serializeBackup({
  schemaVersion: 2,
  createdAt: '2026-03-01T10:00:00.000Z',
  tables: { clients: [clientRow()], invoices: [invoiceRow()], payments: [] },
});

const IMPORTERS: ReadonlyArray<{
  name: string;
  sample: string;
  parse: (text: string, bytes: Uint8Array) => unknown;
  errors: readonly ErrorClass[];
}> = [
  {
    name: 'CSV (readDelimited)',
    sample: CSV,
    parse: (_, bytes) => readDelimited(bytes),
    errors: [DelimitedParseError],
  },
  {
    name: 'Norma 43',
    sample: NORMA43,
    parse: (_, bytes) => parseNorma43(bytes),
    errors: [Norma43ParseError],
  },
  { name: 'camt.053', sample: CAMT, parse: (text) => parseCamt053(text), errors: [XmlFormatError] },
  {
    name: 'Facturae',
    sample: FACTURAE,
    parse: (text) => parseFacturae(text),
    errors: [XmlFormatError],
  },
  { name: 'UBL', sample: UBL, parse: (text) => parseUbl(text), errors: [XmlFormatError] },
  {
    name: 'backup JSON',
    sample: BACKUP,
    parse: (text) => parseBackup(text, 2, TABLES),
    errors: [BackupFormatError],
  },
  {
    name: 'bank statement (Norma 43 or camt.053 by content)',
    sample: CAMT,
    parse: (_, bytes) => readBankStatement(bytes),
    errors: [Norma43ParseError, XmlFormatError],
  },
];

describe('importers under fuzzing', () => {
  for (const importer of IMPORTERS) {
    describe(importer.name, () => {
      it('reads its own valid sample (so the mutations start from a real file)', () => {
        expect(() => importer.parse(importer.sample, encode(importer.sample))).not.toThrow();
      });

      it('meets random bytes with nothing worse than its format error', () => {
        fc.assert(
          fc.property(anyBytes, (bytes) => {
            expectOnlyFormatErrors(
              () => importer.parse(new TextDecoder().decode(bytes), bytes),
              importer.errors,
            );
          }),
          { numRuns: RUNS },
        );
      });

      it('meets random text with nothing worse than its format error', () => {
        fc.assert(
          fc.property(anyText, (text) => {
            expectOnlyFormatErrors(() => importer.parse(text, encode(text)), importer.errors);
          }),
          { numRuns: RUNS },
        );
      });

      it('meets a damaged copy of a valid file with nothing worse than its format error', () => {
        fc.assert(
          fc.property(mutated(importer.sample), (text) => {
            expectOnlyFormatErrors(() => importer.parse(text, encode(text)), importer.errors);
          }),
          { numRuns: RUNS },
        );
      });
    });
  }
});
