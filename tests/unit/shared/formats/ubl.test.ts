import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseUbl } from '../../../../shared/formats/ubl';
import { hasSharedData, SHARED_DATA, sharedText } from '../../../support/shared-data';

function ubl(root: 'Invoice' | 'CreditNote', payable = '1210.00') {
  return `<?xml version="1.0"?>
<${root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:${root}-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>F-2026-7</cbc:ID><cbc:IssueDate>2026-03-02</cbc:IssueDate>
  ${root === 'Invoice' ? '<cbc:DueDate>2026-04-01</cbc:DueDate>' : ''}
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty><cac:Party><cac:PartyTaxScheme><cbc:CompanyID>ES12345678Z</cbc:CompanyID></cac:PartyTaxScheme>
    <cac:PartyLegalEntity><cbc:RegistrationName>Yo Mismo</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party><cac:PartyName><cbc:Name>Garcia</cbc:Name></cac:PartyName>
    <cac:PartyTaxScheme><cbc:CompanyID>ES B12345674</cbc:CompanyID></cac:PartyTaxScheme>
    <cac:PartyLegalEntity><cbc:RegistrationName>Talleres García S.L.</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>
  <cac:LegalMonetaryTotal><cbc:TaxExclusiveAmount currencyID="EUR">1000.00</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">1210.00</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="EUR">${payable}</cbc:PayableAmount></cac:LegalMonetaryTotal>
</${root}>`;
}

describe('parseUbl', () => {
  it('reads an invoice: Spanish ids without the ES prefix, legal names, totals', () => {
    expect(parseUbl(ubl('Invoice'))).toEqual({
      kind: 'invoice',
      number: 'F-2026-7',
      issueDate: '2026-03-02',
      dueDate: '2026-04-01',
      currency: 'EUR',
      seller: { taxId: '12345678Z', name: 'Yo Mismo' },
      buyer: { taxId: 'B12345674', name: 'Talleres García S.L.' },
      taxExclusiveCents: 100_000,
      totalCents: 121_000,
      prepaidCents: 0,
      payableCents: 121_000,
      paymentId: null,
    });
  });

  it('tells a credit note apart', () => {
    expect(parseUbl(ubl('CreditNote')).kind).toBe('credit_note');
  });

  it('names the element of a missing total', () => {
    expect(() =>
      parseUbl(
        ubl('Invoice', '').replace('<cbc:PayableAmount currencyID="EUR"></cbc:PayableAmount>', ''),
      ),
    ).toThrow(/Invoice\/LegalMonetaryTotal\/PayableAmount/);
  });
});

/** Lines like "base-example.xml Invoice ID Snippet1 issue 2017-11-13 due 2017-12-01 ... payable 1656.25". */
function summaryOf(line: string) {
  const field = (name: string) => new RegExp(`\\b${name} (\\S+)`).exec(line)?.[1] ?? '';
  return {
    file: line.split(' ')[0] ?? '',
    id: field('ID'),
    issue: field('issue'),
    due: field('due'),
    payable: field('payable'),
  };
}

describe.skipIf(!hasSharedData)('parseUbl on the Peppol BIS 3 examples', () => {
  it('matches the derived summary for every example', () => {
    const lines = sharedText('ubl', 'peppol_summary.derived.txt')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const files = readdirSync(join(SHARED_DATA, 'ubl', 'openpeppol_peppol-bis-invoice-3'));
    expect(lines.length).toBe(files.length);
    for (const line of lines) {
      const want = summaryOf(line);
      const got = parseUbl(sharedText('ubl', 'openpeppol_peppol-bis-invoice-3', want.file));
      expect([got.number, got.issueDate, got.dueDate ?? 'None']).toEqual([
        want.id,
        want.issue,
        want.due,
      ]);
      expect(got.payableCents).toBe(Math.round(Number(want.payable) * 100));
    }
  });
});
