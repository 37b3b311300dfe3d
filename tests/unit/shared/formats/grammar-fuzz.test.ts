import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BackupFormatError, parseBackup, serializeBackup } from '../../../../shared/formats/backup';
import { parseCamt053 } from '../../../../shared/formats/camt053';
import { XmlFormatError } from '../../../../shared/formats/xml';
import { isCalendarDate } from '../../../../shared/domain/dates';
import { firstRowProblem } from '../../../../shared/domain/record-schemas';
import { clientRow, invoiceRow } from '../../../support/record-samples';

const RUNS = 60;
const TABLES = ['clients', 'invoices', 'payments'];
const dateText = fc.oneof(
  fc.constantFrom('2026-02-28', '2026-02-29', '2026-02-31', '2026-13-01', 'yesterday', ''),
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
);
const anyValue = fc.oneof(
  fc.double(),
  fc.integer(),
  dateText,
  fc.constant(null),
  fc.boolean(),
  fc.string(),
);

describe('restore under grammar-aware fuzzing', () => {
  it('refuses with a BackupFormatError or stores only rows that fit their schema, quickly', () => {
    const fields = Object.keys(invoiceRow());
    fc.assert(
      fc.property(fc.constantFrom(...fields), anyValue, (field, value) => {
        const text = serializeBackup({
          schemaVersion: 3,
          createdAt: '2026-03-01T10:00:00.000Z',
          tables: {
            clients: [clientRow()],
            invoices: [{ ...invoiceRow(), [field]: value }],
            payments: [],
          },
        });
        const started = performance.now();
        try {
          const content = parseBackup(text, 3, TABLES);
          for (const table of TABLES)
            expect(firstRowProblem(table, content.tables[table] ?? [])).toBeNull();
        } catch (error) {
          expect(error).toBeInstanceOf(BackupFormatError);
        }
        expect(performance.now() - started).toBeLessThan(200);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('camt.053 under grammar-aware fuzzing', () => {
  it('reads entries with calendar dates and CdtDbtInd signs, or names the element', () => {
    const entry = fc.record({
      amount: fc.oneof(
        fc.constantFrom('-1.00', '+2.00', '0.00', '12.345', 'x'),
        fc.integer({ min: 0, max: 1e9 }).map((c) => (c / 100).toFixed(2)),
      ),
      indicator: fc.constantFrom('CRDT', 'DBIT', 'XXXX'),
      date: dateText,
      currency: fc.constantFrom('EUR', 'USD'),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), (entries) => {
        const xml = `<Document><BkToCstmrStmt><Stmt><Id>S</Id><Acct><Id><IBAN>ES9121000418450200051332</IBAN></Id><Ccy>EUR</Ccy></Acct>${entries
          .map(
            (e) =>
              `<Ntry><Amt Ccy="${e.currency}">${e.amount}</Amt><CdtDbtInd>${e.indicator}</CdtDbtInd><BookgDt><Dt>${e.date}</Dt></BookgDt></Ntry>`,
          )
          .join('')}<CreDtTm>2026-03-31T10:00:00</CreDtTm></Stmt></BkToCstmrStmt></Document>`;
        try {
          const [statement] = parseCamt053(xml);
          statement?.entries.forEach((read, index) => {
            expect(isCalendarDate(read.bookingDate)).toBe(true);
            const sign = entries[index]?.indicator === 'DBIT' ? -1 : 1;
            expect(Math.sign(read.amountCents) * sign).not.toBe(-1);
          });
        } catch (error) {
          expect(error).toBeInstanceOf(XmlFormatError);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
