import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../../renderer/src/db/invoices-repo';
import {
  invoicesWithNumberElsewhere,
  proposeInvoiceNumber,
} from '../../../../../renderer/src/db/invoices/numbering';
import type { CuentasDatabase } from '../../../../../renderer/src/db/database';
import { clientInput, freshDb, invoiceInput } from '../test-db';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

const dues = (amountCents: number) => [{ dueDate: '2026-12-30', amountCents }];

describe('invoice numbering across clients', () => {
  it('proposes the first number of the year, then the next of the series written last', async () => {
    db = freshDb();
    expect(await proposeInvoiceNumber(db, '2026-11-30')).toBe('2026-001');
    const a = await createClient(db, clientInput({ name: 'Reformas Levante SL' }));
    const b = await createClient(db, clientInput({ name: 'Marta Ruiz Soler', taxId: '12345678Z' }));
    await createInvoice(
      db,
      invoiceInput(a.id, { number: '2026-041', issueDate: '2026-11-02', dues: dues(1_210_00) }),
    );
    await createInvoice(
      db,
      invoiceInput(b.id, { number: '2026-042', issueDate: '2026-11-20', dues: dues(1_210_00) }),
    );
    // Another series, older: it neither decides the series nor its numbers count.
    await createInvoice(
      db,
      invoiceInput(b.id, { number: 'R-2026-900', issueDate: '2026-03-01', dues: dues(1_210_00) }),
    );
    expect(await proposeInvoiceNumber(db, '2026-11-30')).toBe('2026-043');
    expect(await proposeInvoiceNumber(db, '2027-01-04')).toBe('2027-001');
  });

  it('the same number for another client is found (a warning); the client’s own is not', async () => {
    db = freshDb();
    const a = await createClient(db, clientInput({ name: 'Reformas Levante SL' }));
    const b = await createClient(db, clientInput({ name: 'Marta Ruiz Soler', taxId: '12345678Z' }));
    const first = await createInvoice(db, invoiceInput(a.id, { number: '2026-077' }));
    expect(await invoicesWithNumberElsewhere(db, ' 2026-077 ', b.id)).toEqual([
      { invoiceId: first.id, clientName: 'Reformas Levante SL' },
    ]);
    expect(await invoicesWithNumberElsewhere(db, '2026-077', a.id)).toEqual([]);
    expect(await invoicesWithNumberElsewhere(db, '2026-078', b.id)).toEqual([]);
  });
});
