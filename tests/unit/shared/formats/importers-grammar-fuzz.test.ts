// Grammar-aware fuzzing of Norma 43, Facturae, UBL and CSV (issue 13): valid documents from each
// format's grammar, then damaged fields. Each parser returns domain-valid data or its named error.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Norma43ParseError, parseNorma43 } from '../../../../shared/formats/norma43';
import { parseFacturaeWithTaxes } from '../../../../shared/formats/facturae';
import { parseUbl } from '../../../../shared/formats/ubl';
import { XmlFormatError } from '../../../../shared/formats/xml';
import { DelimitedParseError, readDelimited } from '../../../../shared/formats/delimited';
import { checkInvoiceRows, parseAmountCell } from '../../../../shared/formats/row-validation';
import { MoneyParseError } from '../../../../shared/domain/money';
import { isCalendarDate } from '../../../../shared/domain/dates';
import { account11, concept23, end33, movement22 } from './norma43-fixture';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
/** Per run, generous for a shared machine; and for the whole property of RUNS runs. */
const RUN_MS = 1000;
const PROPERTY_MS = 5000;
type ErrorClass = abstract new (...args: never[]) => Error;

/** Runs `parse` within the time bound; a throw must be the format's own named error. */
function parseOrNamedError<T>(parse: () => T, allowed: ErrorClass, name: string): T | null {
  const started = performance.now();
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof allowed)) throw error; // fast-check reports the input that crashed
    expect(error.name).toBe(name);
    expect(error.message.trim()).not.toBe('');
    return null;
  } finally {
    expect(performance.now() - started).toBeLessThan(RUN_MS);
  }
}

/** fc.assert with the time bound of the whole property (scaled when FUZZ_RUNS asks for more). */
function assertQuickly<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>): void {
  const started = performance.now();
  fc.assert(property, { numRuns: RUNS });
  expect(performance.now() - started).toBeLessThan((PROPERTY_MS * RUNS) / 60);
}

function expectCents(value: number): void {
  expect(Number.isSafeInteger(value)).toBe(true);
}

/** Mostly the grammar's valid values, sometimes the damaged ones, so both paths are exercised. */
function mostly<T>(valid: fc.Arbitrary<T>, damaged: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: damaged, weight: 1 });
}

/** An element that is usually there and sometimes left out (null). */
function maybe<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.option(value, { nil: null, freq: 15 });
}

/** Raw (unescaped) markup only now and then: it makes the whole document malformed. */
const rarely = fc.nat(9).map((n) => n === 0);

/** Nasty but plausible text: CR/LF, formula-like starts, quotes, delimiters, accents, markup. */
const nastyText = mostly(
  fc.constantFrom(
    'Talleres García S.L.',
    '=HYPERLINK("http://x")',
    '+1+1',
    '-2+3',
    '@SUM(A1)',
    'Línea 1\r\nLínea 2',
    'a;b,c\td',
    '"comillas"',
    'A & B <S.L.>',
  ),
  fc.oneof(fc.constantFrom('', '   '), fc.string({ maxLength: 20 })),
);

const validIsoDate = fc
  .tuple(
    fc.integer({ min: 2000, max: 2099 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const isoDateText = mostly(
  validIsoDate,
  fc.oneof(
    fc.constantFrom(
      '2026-02-28',
      '2026-02-29',
      '2026-02-30',
      '2024-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-03-01T10:00:00+01:00',
      '2026-3-1',
      '01/03/2026',
      '',
    ),
    fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 33 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      ),
  ),
);

const decimalText = mostly(
  fc.integer({ min: -1e9, max: 1e9 }).map((c) => (c / 100).toFixed(2)),
  fc.constantFrom(
    '0.00',
    '-0.00',
    '+12.5',
    '1656.255',
    '.5',
    '5.',
    '1,50',
    '1e3',
    'NaN',
    'Infinity',
    '',
    '-',
    '99999999999999999999.99',
    '123456789012345678901234567890',
    '0.12345678',
    '90000000000000.00',
    '-90000000000000.00',
  ),
);

const currencyText = mostly(
  fc.constantFrom('EUR', 'USD', 'GBP'),
  fc.constantFrom('eur', 'XXX', '€', '', '978'),
);

/** Written as XML text: escaped, or left raw to exercise the malformed-document path. */
function xmlText(text: string, raw: boolean): string {
  return raw ? text : text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Optional element: `null` drops it, as a file that leaves it out would. */
function element(name: string, value: string | null, raw = false): string {
  return value === null ? '' : `<${name}>${xmlText(value, raw)}</${name}>`;
}

describe('Norma 43 under grammar-aware fuzzing', () => {
  const yymmdd = mostly(
    fc
      .tuple(
        fc.integer({ min: 20, max: 30 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map((parts) => parts.map((part) => String(part).padStart(2, '0')).join('')),
    fc.oneof(
      fc.constantFrom(
        '260229',
        '240229',
        '260230',
        '261301',
        '260001',
        '310326',
        '26-3-1',
        'AAMMDD',
      ),
      fc
        .tuple(fc.nat(99), fc.nat(14), fc.nat(33))
        .map((parts) => parts.map((part) => String(part).padStart(2, '0')).join('')),
    ),
  );
  /** Record fields are fixed-width text: CR/LF there would split the record, which damage covers. */
  const recordText = mostly(
    fc.constantFrom(
      'RECIBO',
      'TRANSFERENCIA GARCÍA',
      '=HYPERLINK("x")',
      '+1+1',
      '@SUM(A1)',
      'a;b,c',
      '',
    ),
    nastyText,
  );
  const movement = fc.record({
    date: yymmdd,
    amountCents: mostly(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.constantFrom(0, 99_999_999_999_999, -99_999_999_999_999),
    ),
    concept: recordText,
    ref1: recordText,
    ref2: recordText,
  });
  /** A damage to one line: a field overwritten, the line cut, a key changed, the line dropped. */
  const damage = fc.oneof(
    fc.record({
      kind: fc.constant('overwrite' as const),
      line: fc.nat(),
      at: fc.nat(79),
      text: fc.oneof(
        fc.constantFrom('-', '+', ' ', 'X', '3', '9', '1', '2', '\r', '\n', '\u00d1'),
        fc.string({ maxLength: 6 }),
      ),
    }),
    fc.record({ kind: fc.constant('cut' as const), line: fc.nat(), at: fc.nat(80) }),
    fc.record({ kind: fc.constant('drop' as const), line: fc.nat() }),
  );

  it('reads calendar dates and safe signed cents, or names the line in a Norma43ParseError', () => {
    assertQuickly(
      fc.property(
        fc.array(movement, { maxLength: 5 }),
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.tuple(yymmdd, yymmdd),
        fc.oneof(fc.constant([]), fc.array(damage, { minLength: 1, maxLength: 3 })),
        fc.boolean(),
        (movements, initialCents, [start, end], damages, withEnd) => {
          const lines = [account11(start, end, initialCents)];
          for (const m of movements) lines.push(movement22(m), concept23(m.concept, m.ref2));
          lines.push(end33(movements, initialCents));
          if (withEnd) lines.push(`88${'9'.repeat(18)}${String(lines.length).padStart(6, '0')}`);
          for (const d of damages) {
            const index = d.line % lines.length;
            const line = lines[index] ?? '';
            if (d.kind === 'overwrite')
              lines[index] = line.slice(0, d.at) + d.text + line.slice(d.at + d.text.length);
            else if (d.kind === 'cut') lines[index] = line.slice(0, d.at);
            else lines.splice(index, 1);
          }
          const file = parseOrNamedError(
            () => parseNorma43(lines.join('\r\n')),
            Norma43ParseError,
            'Norma43ParseError',
          );
          if (file === null) return;
          expect(file.accounts.length).toBeGreaterThan(0);
          for (const account of file.accounts) {
            expect(isCalendarDate(account.startDate)).toBe(true);
            expect(isCalendarDate(account.endDate)).toBe(true);
            expectCents(account.initialBalanceCents);
            expectCents(account.finalBalanceCents);
            for (const m of account.movements) {
              expect(isCalendarDate(m.operationDate)).toBe(true);
              expect(isCalendarDate(m.valueDate)).toBe(true);
              expectCents(m.amountCents);
            }
            const net = account.movements.reduce((sum, m) => sum + m.amountCents, 0);
            expect(account.finalBalanceCents).toBe(account.initialBalanceCents + net);
          }
        },
      ),
    );
  });

  it('signs a movement by its debit/credit key and refuses a date impossible in either order', () => {
    const good = { date: '260315', amountCents: -12_345, concept: 'RECIBO' };
    const body = [account11('260301', '260331', 0), movement22(good), end33([good], 0)];
    expect(parseNorma43(body.join('\n')).accounts[0]?.movements[0]?.amountCents).toBe(-12_345);
    // 260230 alone would be read day-first (26/02/2030), as some banks write; month 13 fits no order.
    const impossible = { ...good, date: '261301' };
    const broken = [
      account11('260201', '260228', 0),
      movement22(impossible),
      end33([impossible], 0),
    ];
    expect(() => parseNorma43(broken.join('\n'))).toThrow(Norma43ParseError);
  });
});

describe('Facturae under grammar-aware fuzzing', () => {
  const installment = fc.record({ due: isoDateText, amount: decimalText });
  const invoice = fc.record({
    number: maybe(nastyText),
    series: maybe(nastyText),
    issueDate: maybe(isoDateText),
    currency: maybe(currencyText),
    total: maybe(decimalText),
    withheld: maybe(decimalText),
    executable: maybe(decimalText),
    outstanding: maybe(decimalText),
    gross: maybe(decimalText),
    outputs: maybe(decimalText),
    installments: fc.array(installment, { maxLength: 3 }),
  });
  const party = fc.record({
    taxId: maybe(
      mostly(
        fc.constantFrom('12345678Z', 'B-12.345.674'),
        fc.oneof(fc.constant('ES 1'), nastyText),
      ),
    ),
    name: maybe(nastyText),
    legal: fc.boolean(),
  });

  function partyXml(
    role: string,
    p: { taxId: string | null; name: string | null; legal: boolean },
    raw: boolean,
  ) {
    const id = `<TaxIdentification>${element('TaxIdentificationNumber', p.taxId, raw)}</TaxIdentification>`;
    const who = p.legal
      ? `<LegalEntity>${element('CorporateName', p.name, raw)}</LegalEntity>`
      : `<Individual>${element('Name', p.name, raw)}<FirstSurname>Pérez</FirstSurname></Individual>`;
    return `<${role}>${id}${who}</${role}>`;
  }

  it('returns calendar dates and safe cents, or throws an XmlFormatError', () => {
    assertQuickly(
      fc.property(
        party,
        party,
        fc.array(invoice, { minLength: 1, maxLength: 3 }),
        maybe(currencyText),
        rarely,
        (seller, buyer, invoices, batchCurrency, raw) => {
          const body = invoices
            .map(
              (i) =>
                `<Invoice><InvoiceHeader>${element('InvoiceNumber', i.number, raw)}${element('InvoiceSeriesCode', i.series, raw)}<InvoiceClass>OO</InvoiceClass></InvoiceHeader>` +
                `<InvoiceIssueData>${element('IssueDate', i.issueDate)}${element('InvoiceCurrencyCode', i.currency)}</InvoiceIssueData>` +
                `<InvoiceTotals>${element('TotalGrossAmountBeforeTaxes', i.gross)}${element('TotalTaxOutputs', i.outputs)}${element('TotalTaxesWithheld', i.withheld)}${element('InvoiceTotal', i.total)}${element('TotalOutstandingAmount', i.outstanding)}${element('TotalExecutableAmount', i.executable)}</InvoiceTotals>` +
                `<PaymentDetails>${i.installments
                  .map(
                    (k) =>
                      `<Installment>${element('InstallmentDueDate', k.due)}${element('InstallmentAmount', k.amount)}</Installment>`,
                  )
                  .join('')}</PaymentDetails></Invoice>`,
            )
            .join('');
          const xml = `<?xml version="1.0" encoding="UTF-8"?><fe:Facturae xmlns:fe="http://www.facturae.gob.es/formato/Versiones/Facturaev3_2_2.xml"><FileHeader><Batch>${element('InvoiceCurrencyCode', batchCurrency)}</Batch></FileHeader><Parties>${partyXml('SellerParty', seller, raw)}${partyXml('BuyerParty', buyer, raw)}</Parties><Invoices>${body}</Invoices></fe:Facturae>`;
          const read = parseOrNamedError(
            () => parseFacturaeWithTaxes(xml),
            XmlFormatError,
            'XmlFormatError',
          );
          if (read === null) return;
          expect(read.length).toBe(invoices.length);
          for (const inv of read) {
            expect(isCalendarDate(inv.issueDate)).toBe(true);
            expect(inv.number).not.toBe('');
            expect(inv.currency).not.toBe('');
            expect(inv.seller.name).not.toBe('');
            expect(inv.buyer.name).not.toBe('');
            expectCents(inv.totalCents);
            expectCents(inv.withholdingCents);
            expectCents(inv.payableCents);
            expectCents(inv.taxableBaseCents);
            expectCents(inv.vatCents);
            for (const due of inv.dueSchedule) {
              expect(isCalendarDate(due.dueDate)).toBe(true);
              expectCents(due.amountCents);
            }
          }
        },
      ),
    );
  });
});

describe('UBL under grammar-aware fuzzing', () => {
  const doc = fc.record({
    root: fc.constantFrom('Invoice', 'CreditNote'),
    number: maybe(nastyText),
    issueDate: maybe(isoDateText),
    dueDate: maybe(isoDateText),
    paymentDueDate: maybe(isoDateText),
    currency: maybe(currencyText),
    sellerName: maybe(nastyText),
    buyerName: maybe(nastyText),
    buyerId: maybe(nastyText),
    exclusive: maybe(decimalText),
    inclusive: maybe(decimalText),
    prepaid: maybe(decimalText),
    payable: maybe(decimalText),
    paymentId: maybe(nastyText),
    raw: rarely,
  });

  it('returns calendar dates and safe cents, or throws an XmlFormatError', () => {
    assertQuickly(
      fc.property(doc, (d) => {
        const cbc = (name: string, value: string | null, raw = false) =>
          value === null ? '' : `<cbc:${name}>${xmlText(value, raw)}</cbc:${name}>`;
        const party = (role: string, name: string | null, id: string | null) =>
          `<cac:${role}><cac:Party><cac:PartyTaxScheme>${cbc('CompanyID', id, d.raw)}</cac:PartyTaxScheme><cac:PartyLegalEntity>${cbc('RegistrationName', name, d.raw)}</cac:PartyLegalEntity></cac:Party></cac:${role}>`;
        const xml = `<?xml version="1.0"?><${d.root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:${d.root}-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">${cbc('ID', d.number, d.raw)}${cbc('IssueDate', d.issueDate)}${cbc('DueDate', d.dueDate)}${cbc('DocumentCurrencyCode', d.currency)}${party('AccountingSupplierParty', d.sellerName, 'ES12345678Z')}${party('AccountingCustomerParty', d.buyerName, d.buyerId)}<cac:PaymentMeans>${cbc('PaymentDueDate', d.paymentDueDate)}${cbc('PaymentID', d.paymentId, d.raw)}</cac:PaymentMeans><cac:LegalMonetaryTotal>${cbc('TaxExclusiveAmount', d.exclusive)}${cbc('TaxInclusiveAmount', d.inclusive)}${cbc('PrepaidAmount', d.prepaid)}${cbc('PayableAmount', d.payable)}</cac:LegalMonetaryTotal></${d.root}>`;
        const read = parseOrNamedError(() => parseUbl(xml), XmlFormatError, 'XmlFormatError');
        if (read === null) return;
        expect(read.kind).toBe(d.root === 'Invoice' ? 'invoice' : 'credit_note');
        expect(isCalendarDate(read.issueDate)).toBe(true);
        if (read.dueDate !== null) expect(isCalendarDate(read.dueDate)).toBe(true);
        expect(read.number).not.toBe('');
        expect(read.currency).not.toBe('');
        expect(read.seller.name).not.toBe('');
        expect(read.buyer.name).not.toBe('');
        for (const cents of [
          read.taxExclusiveCents,
          read.totalCents,
          read.prepaidCents,
          read.payableCents,
        ])
          expectCents(cents);
      }),
    );
  });
});

describe('CSV under grammar-aware fuzzing', () => {
  const HEADER = ['NIF', 'Cliente', 'Número', 'Fecha', 'Vencimiento', 'Base', 'IVA', 'Total'];
  const MAPPING = {
    clientTaxId: 'NIF',
    clientName: 'Cliente',
    number: 'Número',
    issueDate: 'Fecha',
    dueDate: 'Vencimiento',
    taxableBase: 'Base',
    vatRate: 'IVA',
    total: 'Total',
  };
  const spanishDate = fc.oneof(
    fc.constantFrom('28/02/2026', '29/02/2026', '30/02/2026', '31/04/2026', '01/13/2026', ''),
    fc
      .tuple(fc.nat(33), fc.nat(14), fc.integer({ min: 0, max: 9999 }))
      .map(([d, m, y]) => `${d}/${m}/${y}`),
    isoDateText,
  );
  const amountText = fc.oneof(
    fc.integer({ min: -1e9, max: 1e9 }).map((c) =>
      (c / 100)
        .toFixed(2)
        .replace('.', ',')
        .replace(/\B(?=(\d{3})+(?!\d))/g, '.'),
    ),
    fc.constantFrom(
      '1.234,56',
      '1.234,56 €',
      '€1234,5',
      '-12,00',
      '+ 5',
      '1.2.3',
      '12.34,5',
      '1,234.56',
      '1 234,56',
      '999999999999999999999,99',
      '=1+1',
      '',
    ),
  );
  const row = fc.tuple(
    fc.oneof(fc.constantFrom('12345678Z', 'B12345674', 'X', '"sin cerrar'), nastyText),
    nastyText,
    nastyText,
    spanishDate,
    spanishDate,
    amountText,
    fc.constantFrom('21', '10%', '4,5', '-1', '101', 'abc', ''),
    amountText,
  );
  /** Quoted as a spreadsheet would, or left raw so stray quotes and delimiters get through. */
  const csvCell = (text: string, delimiter: string, raw: boolean) =>
    raw ? text : `"${text.replaceAll('"', '""')}"`;

  it('reads rows or throws a DelimitedParseError; checked rows carry calendar dates and cents', () => {
    assertQuickly(
      fc.property(
        fc.array(row, { maxLength: 6 }),
        fc.constantFrom(';', ',', '\t'),
        fc.constantFrom('\r\n', '\n', '\r'),
        fc.boolean(),
        (rows, delimiter, newline, raw) => {
          const text = [HEADER, ...rows]
            .map((cells) => cells.map((c) => csvCell(c, delimiter, raw)).join(delimiter))
            .join(newline);
          const file = parseOrNamedError(
            () => readDelimited(new TextEncoder().encode(text)),
            DelimitedParseError,
            'DelimitedParseError',
          );
          if (file === null) return;
          if (!raw) {
            // Properly quoted cells come back exactly, CR/LF and formula-like text included.
            expect(file.delimiter).toBe(delimiter);
            expect(file.rows).toEqual(rows.map((cells) => [...cells]));
          }
          const started = performance.now();
          const checked = checkInvoiceRows(file.header, file.rows, MAPPING, ',');
          expect(performance.now() - started).toBeLessThan(RUN_MS);
          for (const r of checked.rows) {
            expect(isCalendarDate(r.issueDate)).toBe(true);
            if (r.dueDate !== null) {
              expect(isCalendarDate(r.dueDate)).toBe(true);
              expect(r.dueDate >= r.issueDate).toBe(true);
            }
            expectCents(r.taxableBaseCents);
            expect(r.taxableBaseCents).toBeGreaterThan(0);
            expect(r.vatRatePercent).toBeGreaterThanOrEqual(0);
            expect(r.vatRatePercent).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });

  it('parseAmountCell returns safe cents or throws a MoneyParseError', () => {
    assertQuickly(
      fc.property(amountText, fc.constantFrom(',' as const, '.' as const), (text, decimal) => {
        const cents = parseOrNamedError(
          () => parseAmountCell(text, decimal),
          MoneyParseError,
          'MoneyParseError',
        );
        if (cents !== null) expectCents(cents);
      }),
    );
  });
});
