import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { recordPayment } from '../../../../renderer/src/db/payments-repo';
import {
  exportBackup,
  isDatabaseEmpty,
  previewBackup,
  readAllTables,
  restoreBackup,
} from '../../../../renderer/src/db/backup-repo';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { clientInput, freshDb, invoiceInput, paymentInput } from './test-db';

const dbs: CuentasDatabase[] = [];
function track(db: CuentasDatabase) {
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function filled() {
  const db = track(freshDb());
  const client = await createClient(db, clientInput());
  await createInvoice(db, invoiceInput(client.id));
  await recordPayment(db, paymentInput(client.id));
  await db.planDocuments.add({
    id: 'doc1',
    planId: 'p1',
    kind: 'signed',
    fileName: 'acuerdo.pdf',
    bytes: Uint8Array.from([37, 80, 68, 70, 0, 255]),
    sha256: 'x',
    signedAt: null,
    signedHow: 'digital',
    createdAt: '2026-03-01T00:00:00.000Z',
  });
  return db;
}

describe('backups', () => {
  it('restored into an empty app and backed up again, gives the same content', async () => {
    const source = await filled();
    const text = await exportBackup(source);
    const target = track(freshDb());
    expect(await isDatabaseEmpty(target)).toBe(true);
    const preview = previewBackup(target, text);
    expect(preview.counts).toMatchObject({
      clients: 1,
      invoices: 1,
      payments: 1,
      planDocuments: 1,
    });
    await restoreBackup(target, preview.content);
    const again = await readAllTables(target);
    expect(again.tables).toEqual((await readAllTables(source)).tables);
    const doc = await target.planDocuments.get('doc1');
    expect(doc?.bytes).toEqual(Uint8Array.from([37, 80, 68, 70, 0, 255]));
  });

  it('replaces everything that was there before', async () => {
    const source = await filled();
    const text = await exportBackup(source);
    const target = track(freshDb());
    await createClient(target, clientInput({ name: 'Otra', taxId: '12345678Z' }));
    await restoreBackup(target, previewBackup(target, text).content);
    expect((await target.clients.toArray()).map((c) => c.name)).toEqual([
      'Talleres Hermanos García S.L.',
    ]);
  });

  it('a broken file changes nothing', async () => {
    const target = await filled();
    const before = await readAllTables(target);
    expect(() => previewBackup(target, '{"format":"cuentas-claras-backup"}')).toThrow();
    expect((await readAllTables(target)).tables).toEqual(before.tables);
  });

  it('a backup with one hostile row is refused before the preview, and nothing is deleted', async () => {
    const source = await filled();
    const good = JSON.parse(await exportBackup(source)) as { tables: { invoices: object[] } };
    const target = await filled();
    const before = await readAllTables(target);
    for (const hostile of [
      { payableCents: 1210.5 },
      { issueDate: '2026-02-31' },
      { nextDueDate: 'yesterday' },
      { lifecycle: 'hacked' },
    ]) {
      const [invoice] = good.tables.invoices;
      const text = JSON.stringify({
        ...good,
        tables: { ...good.tables, invoices: [{ ...invoice, ...hostile }] },
      });
      expect(() => previewBackup(target, text)).toThrow(/tabla invoices, fila 1/);
    }
    const content = previewBackup(target, JSON.stringify(good)).content;
    const broken = {
      ...content,
      tables: { ...content.tables, clients: [{ id: 'x', createdAt: 'garbage' }] },
    };
    await expect(restoreBackup(target, broken)).rejects.toThrow(/tabla clients/);
    expect((await readAllTables(target)).tables).toEqual(before.tables);
  });
});
