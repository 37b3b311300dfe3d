import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import {
  RowValidationError,
  commitClientRows,
  commitEInvoices,
  commitInvoiceRows,
  findPartyConflicts,
  findStoredDuplicates,
  listPresets,
  savePreset,
} from '../../../../renderer/src/db/import-repo';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { readDelimited } from '../../../../shared/formats/delimited';
import { suggestMapping } from '../../../../shared/formats/column-mapping';
import { checkClientRows, checkInvoiceRows } from '../../../../shared/formats/row-validation';
import { clientInput, freshDb, invoiceInput } from './test-db';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

const HEADER = 'NIF;Cliente;Número;Fecha;Vencimiento;Base imponible;IVA;IRPF';

function check(lines: string[]) {
  const file = readDelimited(new TextEncoder().encode([HEADER, ...lines].join('\n')));
  return checkInvoiceRows(file.header, file.rows, suggestMapping('invoices', file.header), ',');
}

async function counts() {
  return [await db.clients.count(), await db.invoices.count(), await db.audit.count()];
}

describe('commitInvoiceRows', () => {
  it('creates the missing clients and every invoice with derived fields', async () => {
    db = freshDb();
    const checked = check([
      'B12345674;Talleres García;A-1;15/01/2026;14/02/2026;1.000,00;21;15',
      'B12345674;Talleres García;A-2;16/01/2026;;200;21;0',
    ]);
    const result = await commitInvoiceRows(db, checked.rows, checked.issues, 'facturas.csv');
    expect(result).toEqual({ invoices: 2, clientsCreated: 1 });
    const invoices = (await db.invoices.toArray()).sort((a, b) => a.number.localeCompare(b.number));
    expect(
      invoices.map((i) => [i.number, i.payableCents, i.outstandingCents, i.nextDueDate]),
    ).toEqual([
      ['A-1', 106_000, 106_000, '2026-02-14'],
      // Without a due date the client's 30-day term decides.
      ['A-2', 24_200, 24_200, '2026-02-15'],
    ]);
  });

  it('writes nothing at all when a single row is broken', async () => {
    db = freshDb();
    const checked = check([
      'B12345674;Talleres García;A-1;15/01/2026;;100;21;0',
      'B12345674;Talleres García;A-2;31/02/2026;;100;21;0',
    ]);
    await expect(commitInvoiceRows(db, checked.rows, checked.issues, 'x.csv')).rejects.toThrow(
      RowValidationError,
    );
    expect(await counts()).toEqual([0, 0, 0]);
  });

  it('refuses a file repeating an invoice already stored, leaving the data untouched', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id, { number: 'A-2' }));
    const before = await counts();
    const checked = check([
      'B12345674;Talleres García;A-1;15/01/2026;;100;21;0',
      'B12345674;Talleres García;A-2;15/01/2026;;100;21;0',
      '12345678Z;Nuevo Cliente;A-2;15/01/2026;;100;21;0',
    ]);
    expect(await findStoredDuplicates(db, checked.rows)).toEqual([
      { row: 3, field: 'number', code: 'invoice_number_taken', value: 'A-2' },
    ]);
    const error = await commitInvoiceRows(db, checked.rows, checked.issues, 'x.csv').catch(
      (e: unknown) => e,
    );
    expect((error as RowValidationError).rowIssues.map((i) => i.row)).toEqual([3]);
    expect(await counts()).toEqual(before);
  });

  it('imports 100,000 rows in one transaction and reports how long it took', async () => {
    db = freshDb();
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      lines.push(
        `${i % 2 === 0 ? 'B12345674' : '12345678Z'};Cliente ${i % 2};F-${i};15/01/2026;14/02/2026;${(i % 900) + 100},50;21;0`,
      );
    }
    const started = performance.now();
    const checked = check(lines);
    const progress: number[] = [];
    await commitInvoiceRows(db, checked.rows, checked.issues, 'grande.csv', (done) =>
      progress.push(done),
    );
    const elapsed = Math.round(performance.now() - started);
    console.info(
      `[measure] read, check and store 100,000 invoice rows (fake-indexeddb): ${elapsed} ms`,
    );
    expect(await db.invoices.count()).toBe(100_000);
    expect(progress.at(-1)).toBe(100_000);
  }, 120_000);
});

describe('other imports', () => {
  it('imports e-invoices with their own amounts and installments', async () => {
    db = freshDb();
    await commitEInvoices(
      db,
      [
        {
          clientTaxId: 'B12345674',
          clientName: 'Talleres García S.L.',
          number: '2026A-001',
          issueDate: '2026-03-01',
          description: 'Facturae',
          taxableBaseCents: 100_000,
          vatCents: 21_000,
          totalCents: 121_000,
          withholdingCents: 15_000,
          payableCents: 106_000,
          dues: [
            { dueDate: '2026-04-01', amountCents: 53_000 },
            { dueDate: '2026-05-01', amountCents: 53_000 },
          ],
        },
      ],
      'factura.xml',
    );
    const [invoice] = await db.invoices.toArray();
    expect(invoice).toMatchObject({
      vatRatePercent: 21,
      withholdingRatePercent: 15,
      payableCents: 106_000,
      nextDueDate: '2026-04-01',
    });
  });

  it('imports clients and refuses tax ids already stored', async () => {
    db = freshDb();
    const file = readDelimited(
      new TextEncoder().encode('Nombre;NIF;Ciudad\nAna Pérez;12345678Z;Soria\n'),
    );
    const mapping = suggestMapping('clients', file.header);
    const checked = checkClientRows(file.header, file.rows, mapping);
    expect(await commitClientRows(db, checked.rows, checked.issues, 'c.csv')).toBe(1);
    expect((await db.clients.toArray())[0]).toMatchObject({
      name: 'Ana Pérez',
      city: 'Soria',
      paymentTermDays: 30,
    });
    await expect(commitClientRows(db, checked.rows, checked.issues, 'c.csv')).rejects.toThrow(
      RowValidationError,
    );
    expect(await db.clients.count()).toBe(1);
  });

  it('remembers column presets by name and kind', async () => {
    db = freshDb();
    await savePreset(db, { name: 'Mi programa', kind: 'invoices', mapping: { number: 'Num' } });
    await savePreset(db, { name: 'Mi programa', kind: 'invoices', mapping: { number: 'Nº' } });
    const presets = await listPresets(db, 'invoices');
    expect(presets.map((p) => p.mapping)).toEqual([{ number: 'Nº' }]);
    expect(await listPresets(db, 'clients')).toEqual([]);
  });
});

describe('a tax id that belongs to a client of another name', () => {
  it('is a question before the import and a refusal until it is answered', async () => {
    db = freshDb();
    const stored = await createClient(db, clientInput({ name: 'Talleres García S.L.' }));
    const checked = check([
      `${stored.taxId};Bodegas Somontano S.L.;BS-1;15/01/2026;14/02/2026;100;21;0`,
      `${stored.taxId};TALLERES GARCIA SL;TG-1;15/01/2026;14/02/2026;100;21;0`,
    ]);
    const conflicts = await findPartyConflicts(db, checked.rows);
    expect(conflicts).toEqual([
      {
        taxId: stored.taxId,
        nameInFile: 'Bodegas Somontano S.L.',
        knownName: 'Talleres García S.L.',
        rows: [2],
      },
    ]);
    const error = await commitInvoiceRows(db, checked.rows, [], 'x.csv').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RowValidationError);
    expect((error as RowValidationError).rowIssues.map((issue) => [issue.row, issue.code])).toEqual(
      [[2, 'party_mismatch']],
    );
    expect(await db.invoices.count()).toBe(0);
    // Answered "the same client": both rows go to the stored client, no client is created.
    await commitInvoiceRows(db, checked.rows, [], 'x.csv', undefined, new Set([stored.taxId]));
    expect(await db.clients.count()).toBe(1);
    expect((await db.invoices.toArray()).every((row) => row.clientId === stored.id)).toBe(true);
  });

  it('two names for one new tax id in the same file are a question too', async () => {
    db = freshDb();
    const checked = check([
      'B12345674;Talleres García;A-1;15/01/2026;;100;21;0',
      'B12345674;Bodegas Somontano;A-2;16/01/2026;;100;21;0',
    ]);
    const conflicts = await findPartyConflicts(db, checked.rows);
    expect(conflicts.map((row) => [row.nameInFile, row.knownName, row.rows])).toEqual([
      ['Bodegas Somontano', 'Talleres García', [3]],
    ]);
    await expect(commitInvoiceRows(db, checked.rows, [], 'x.csv')).rejects.toThrow(
      RowValidationError,
    );
  });
});
