import { describe, expect, it } from 'vitest';
import { parseCamt053 } from '../../../../shared/formats/camt053';
import { XmlFormatError } from '../../../../shared/formats/xml';
import { hasSharedData, sharedText } from '../../../support/shared-data';

function camt(version: string, entries: string) {
  return `<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}"><BkToCstmrStmt>
  <GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-03-31T20:00:00</CreDtTm></GrpHdr>
  <Stmt><Id>S1</Id><CreDtTm>2026-03-31T20:00:00</CreDtTm>
    <FrToDt><FrDtTm>2026-03-01T00:00:00</FrDtTm><ToDtTm>2026-03-31T23:59:59</ToDtTm></FrToDt>
    <Acct><Id><IBAN>ES91 2100 0418 4502 0005 1332</IBAN></Id><Ccy>EUR</Ccy></Acct>
    <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
    ${entries}
  </Stmt></BkToCstmrStmt></Document>`;
}

const credit = `<Ntry><Amt Ccy="EUR">1210.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
  <BookgDt><Dt>2026-03-05</Dt></BookgDt><ValDt><Dt>2026-03-05</Dt></ValDt>
  <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
  <NtryDtls><TxDtls><Refs><EndToEndId>E2E-1</EndToEndId></Refs>
    <RltdPties><Dbtr><Pty><Nm>TALLERES GARCIA SL</Nm></Pty></Dbtr></RltdPties>
    <RmtInf><Ustrd>FACTURA 2026-0001</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`;
const debit = `<Ntry><Amt Ccy="EUR">45.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><DtTm>2026-03-10T09:00:00</DtTm></BookgDt></Ntry>`;

describe('parseCamt053', () => {
  it('reads the account, period, balances and signed entries (v8 party layout)', () => {
    const [statement] = parseCamt053(camt('08', credit + debit));
    expect(statement).toMatchObject({
      accountIban: 'ES9121000418450200051332',
      fromDate: '2026-03-01',
      toDate: '2026-03-31',
      openingBalanceCents: 10_000,
    });
    expect(statement?.entries).toEqual([
      {
        bookingDate: '2026-03-05',
        valueDate: '2026-03-05',
        amountCents: 121_000,
        currency: 'EUR',
        bankCode: 'PMNT/RCDT/ESCT',
        counterpartyName: 'TALLERES GARCIA SL',
        concept: 'FACTURA 2026-0001',
        references: ['E2E-1'],
      },
      expect.objectContaining({ bookingDate: '2026-03-10', amountCents: -4_550 }),
    ]);
  });

  it('names the element when the indicator is wrong or the statement is missing', () => {
    expect(() => parseCamt053(camt('02', credit.replace('CRDT', 'XXXX')))).toThrow(
      /Ntry\[1\]\/CdtDbtInd/,
    );
    expect(() => parseCamt053('<Document><BkToCstmrStmt></BkToCstmrStmt></Document>')).toThrow(
      /Stmt/,
    );
  });
});

describe.skipIf(!hasSharedData)('parseCamt053 on the real sample files', () => {
  const lines = hasSharedData
    ? sharedText('camt', 'camt_summary.derived.txt')
        .split('\n')
        .filter((line) => line.startsWith('camt053') || line.startsWith('camt53'))
    : [];
  for (const line of lines) {
    const file = line.split(' ')[0] ?? '';
    it(`matches the derived entries of ${file}`, () => {
      const entries = /entries \[(.*)\]$/.exec(line)?.[1] ?? '';
      const want = [...entries.matchAll(/'(CRDT|DBIT):([\d.]+)'/g)].map(
        ([, side, amount]) => (side === 'DBIT' ? -1 : 1) * Math.round(Number(amount) * 100),
      );
      if (/records 0/.test(line)) {
        expect(() => parseCamt053(sharedText('camt', 'genkgo_camt', file))).toThrow(/Stmt/);
        return;
      }
      const got = parseCamt053(sharedText('camt', 'genkgo_camt', file)).flatMap((s) =>
        s.entries.map((e) => e.amountCents),
      );
      expect(got).toEqual(want);
    });
  }
});

describe('parseCamt053 against hostile files', () => {
  const closing = (amount: string, indicator = 'CRDT') =>
    `<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${indicator}</CdtDbtInd><Dt><Dt>2026-03-31</Dt></Dt></Bal>`;

  it('refuses a signed amount: a negative DBIT never becomes a credit', () => {
    const negativeDebit = debit.replace('45.50', '-45.50');
    expect(() => parseCamt053(camt('08', negativeDebit))).toThrow(
      /Ntry\[1\]\/Amt: "-45.50" lleva signo/,
    );
    expect(() => parseCamt053(camt('08', credit.replace('1210.00', '+1210.00')))).toThrow(
      XmlFormatError,
    );
  });

  it('refuses impossible booking and value dates, naming the element', () => {
    expect(() =>
      parseCamt053(
        camt('08', credit.replace('<BookgDt><Dt>2026-03-05', '<BookgDt><Dt>2026-02-31')),
      ),
    ).toThrow(/no es una fecha del calendario/);
    expect(() => parseCamt053(camt('08', debit.replace('2026-03-10T', '2026-13-45T')))).toThrow(
      XmlFormatError,
    );
  });

  it('warns, without refusing, about another currency and a closing balance that does not add up', () => {
    const [honest] = parseCamt053(camt('08', credit + debit + closing('1264.50')));
    expect(honest?.warnings).toEqual([]);
    const usd = credit.replace('Ccy="EUR">1210.00', 'Ccy="USD">1210.00');
    const [odd] = parseCamt053(camt('08', usd + debit + closing('999.99')));
    expect(odd?.entries).toHaveLength(2);
    expect(odd?.warnings).toEqual([
      { code: 'foreign_currency', entries: 1, currency: 'USD', accountCurrency: 'EUR' },
      {
        code: 'balance_mismatch',
        openingCents: 10_000,
        closingCents: 99_999,
        expectedClosingCents: 126_450,
      },
    ]);
  });
});
