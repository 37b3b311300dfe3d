import { afterEach, describe, expect, it } from 'vitest';
import {
  foreignSellerOf,
  readEInvoiceFile,
  type EInvoiceLine,
} from '../../../../../renderer/src/features/import/einvoice-drafts';
import { RowValidationError, commitEInvoices } from '../../../../../renderer/src/db/import-repo';
import type { CuentasDatabase } from '../../../../../renderer/src/db/database';
import { freshDb } from '../../db/test-db';
import { hasSharedData, sharedBytes } from '../../../../support/shared-data';

let db: CuentasDatabase | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

describe.skipIf(!hasSharedData)('e-invoice files into the ledger', () => {
  it('imports a Facturae with IRPF: the client, the amounts and what is collected', async () => {
    const lines = readEInvoiceFile(
      sharedBytes('facturae', 'invopop_gobl.facturae', 'invoice-vat-irpf.xml'),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]?.skip).toBeNull();
    db = freshDb();
    await commitEInvoices(
      db,
      lines.map((line) => line.draft),
      'invoice-vat-irpf.xml',
    );
    const [invoice] = await db.invoices.toArray();
    const [client] = await db.clients.toArray();
    expect(client).toMatchObject({ name: 'Moniward Sl', taxId: 'B77436020' });
    expect(invoice).toMatchObject({
      number: 'TEST01002F',
      taxableBaseCents: 423_700,
      vatCents: 84_392,
      totalCents: 508_092,
      withholdingCents: 60_030,
      payableCents: 448_062,
      outstandingCents: 448_062,
    });
  });

  it('marks credit notes and foreign currencies as not importable', () => {
    const credit = readEInvoiceFile(
      sharedBytes('ubl', 'openpeppol_peppol-bis-invoice-3', 'base-creditnote-correction.xml'),
    );
    expect(credit[0]?.skip).toBe('credit_note');
    const pounds = readEInvoiceFile(
      sharedBytes('ubl', 'openpeppol_peppol-bis-invoice-3', 'vat-category-Z.xml'),
    );
    expect(pounds[0]?.skip).toEqual({ currency: 'GBP' });
    const euros = readEInvoiceFile(
      sharedBytes('ubl', 'openpeppol_peppol-bis-invoice-3', 'base-example.xml'),
    );
    expect(euros[0]?.draft).toMatchObject({
      payableCents: 165_625,
      dues: [{ dueDate: '2017-12-01', amountCents: 165_625 }],
    });
  });
});

describe.skipIf(!hasSharedData)('e-invoice credit notes link to the invoice they correct', () => {
  const facturae = (file: string) =>
    readEInvoiceFile(sharedBytes('facturae', 'invopop_gobl.facturae', file));
  const peppol = (file: string) =>
    readEInvoiceFile(sharedBytes('ubl', 'openpeppol_peppol-bis-invoice-3', file));
  const commit = (database: CuentasDatabase, lines: EInvoiceLine[], name: string) =>
    commitEInvoices(
      database,
      lines.filter((line) => line.skip === null).map((line) => line.draft),
      name,
      lines.flatMap((line) => (line.credit ? [line.credit] : [])),
    );

  it('a Facturae rectificativa (class OR, Corrective) credits its invoice in full', async () => {
    const credit = facturae('credit-note.xml');
    expect(credit[0]?.skip).toBe('credit_note');
    expect(credit[0]?.credit).toEqual({
      clientTaxId: 'B77436020',
      clientName: 'Moniward Sl',
      number: 'TEST01001R',
      date: '2021-12-08',
      amountCents: 508_442,
      correctsNumber: 'TEST01001F',
    });
    db = freshDb();
    await commit(db, facturae('invoice-vat.xml'), 'invoice-vat.xml');
    const result = await commit(db, credit, 'credit-note.xml');
    expect(result).toMatchObject({ invoices: 0, creditNotes: 1 });
    const [invoice] = await db.invoices.toArray();
    expect(invoice).toMatchObject({
      number: 'TEST01001F',
      creditedCents: 508_442,
      outstandingCents: 0,
      nextDueDate: null,
    });
    const [note] = await db.creditNotes.toArray();
    expect(note).toMatchObject({ invoiceId: invoice?.id, number: 'TEST01001R', source: 'import' });
  });

  it('a UBL credit note without its invoice is refused naming the missing invoice', async () => {
    const credit = peppol('base-creditnote-correction.xml');
    db = freshDb();
    const error = await commit(db, credit, 'cn.xml').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RowValidationError);
    expect((error as RowValidationError).rowIssues).toEqual([
      {
        row: 1,
        field: 'number',
        value: 'Snippet1',
        code: 'corrected_invoice_missing',
        params: { number: 'Snippet1' },
      },
    ]);
    expect(await db.creditNotes.count()).toBe(0);
    expect(await db.clients.count()).toBe(0);
  });

  it('UBL: a CreditNote and a negative corrective Invoice both credit Snippet1; a third is too much', async () => {
    db = freshDb();
    await commit(db, peppol('base-example.xml'), 'base-example.xml');
    const negative = peppol('base-negative-inv-correction.xml');
    expect(negative[0]?.credit).toMatchObject({ amountCents: 165_625, correctsNumber: 'Snippet1' });
    await commit(db, negative, 'negative.xml');
    expect((await db.invoices.toArray())[0]).toMatchObject({ outstandingCents: 0 });
    const again = await commit(db, peppol('base-creditnote-correction.xml'), 'cn.xml').catch(
      (caught: unknown) => caught,
    );
    expect((again as RowValidationError).rowIssues.map((issue) => issue.code)).toEqual([
      'credit_exceeds_outstanding',
    ]);
  });
});

/** A minimal Facturae 3.2.2 issued by Reformas Ebro S.L. (B50123454), written for this test. */
const FACTURAE = `<?xml version="1.0" encoding="UTF-8"?>
<fe:Facturae xmlns:fe="http://www.facturae.gob.es/formato/Versiones/Facturaev3_2_2.xml">
<FileHeader><SchemaVersion>3.2.2</SchemaVersion></FileHeader>
<Parties>
<SellerParty><TaxIdentification><TaxIdentificationNumber>ESB50123454</TaxIdentificationNumber></TaxIdentification>
<LegalEntity><CorporateName>Reformas Ebro S.L.</CorporateName></LegalEntity></SellerParty>
<BuyerParty><TaxIdentification><TaxIdentificationNumber>B12345674</TaxIdentificationNumber></TaxIdentification>
<LegalEntity><CorporateName>Talleres Hermanos García S.L.</CorporateName></LegalEntity></BuyerParty>
</Parties>
<Invoices><Invoice>
<InvoiceHeader><InvoiceNumber>0042</InvoiceNumber></InvoiceHeader>
<InvoiceIssueData><IssueDate>2026-10-01</IssueDate><InvoiceCurrencyCode>EUR</InvoiceCurrencyCode></InvoiceIssueData>
<InvoiceTotals><TotalGrossAmountBeforeTaxes>1000.00</TotalGrossAmountBeforeTaxes><TotalTaxOutputs>210.00</TotalTaxOutputs>
<TotalTaxesWithheld>0.00</TotalTaxesWithheld><InvoiceTotal>1210.00</InvoiceTotal>
<TotalOutstandingAmount>1210.00</TotalOutstandingAmount><TotalExecutableAmount>1210.00</TotalExecutableAmount></InvoiceTotals>
</Invoice></Invoices></fe:Facturae>`;

describe('who issued an e-invoice', () => {
  const lines = readEInvoiceFile(new TextEncoder().encode(FACTURAE));

  it('accepts a file issued by the company in Ajustes, whatever the VAT prefix', () => {
    expect(lines[0]?.seller).toEqual({ taxId: 'ESB50123454', name: 'Reformas Ebro S.L.' });
    expect(foreignSellerOf(lines, 'B50123454')).toBeNull();
    expect(foreignSellerOf(lines, 'b-50123454')).toBeNull();
  });

  it('names the seller of a file issued by someone else', () => {
    expect(foreignSellerOf(lines, 'B12345674')).toEqual({
      taxId: 'ESB50123454',
      name: 'Reformas Ebro S.L.',
    });
  });
});
