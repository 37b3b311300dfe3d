import { afterEach, describe, expect, it } from 'vitest';
import {
  getClientHistories,
  storeHistories,
  summariseHistory,
} from '../../../../renderer/src/db/client-history';
import { loadAll, settledHistory } from '../../../../renderer/src/db/collections-data';
import { getWorklist } from '../../../../renderer/src/db/collections-queries';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { loadDemoData } from '../../../../renderer/src/db/demo-loader';
import { createInvoice, deleteInvoice } from '../../../../renderer/src/db/invoices-repo';
import { deletePayment, recordPayment } from '../../../../renderer/src/db/payments-repo';
import { readAllTables, restoreBackup } from '../../../../renderer/src/db/backup-repo';
import { daysBetween } from '../../../../shared/domain/dates';
import { clientInput, freshDb, invoiceInput, paymentInput } from './test-db';

const today = '2026-05-15';
const opened: CuentasDatabase[] = [];
function track(db: CuentasDatabase) {
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

/** The summary recomputed the slow way, from every stored row. */
async function expectedHistories(db: CuentasDatabase) {
  const all = await loadAll(db);
  return new Map(
    all.map((data) => {
      const late = settledHistory(data).map((row) =>
        Math.max(0, daysBetween(row.dueDate, row.paidDate)),
      );
      return [
        data.client.id,
        {
          clientId: data.client.id,
          settledCount: late.length,
          lateCount: late.filter((days) => days > 0).length,
          daysLateSum: late.reduce((a, b) => a + b, 0),
        },
      ];
    }),
  );
}

async function storedAndFresh(db: CuentasDatabase) {
  const ids = (await db.clients.toArray()).map((client) => client.id);
  return getClientHistories(db, ids);
}

describe('client history summary', () => {
  it('a settled invoice paid 10 days late counts once with 10 days late', async () => {
    const db = track(freshDb());
    const client = await createClient(db, clientInput());
    const invoice = await createInvoice(db, invoiceInput(client.id));
    await recordPayment(
      db,
      paymentInput(client.id, {
        date: '2026-02-24',
        amountCents: 1_210_00,
        allocation: { mode: 'chosen', items: [{ invoiceId: invoice.id, amountCents: 1_210_00 }] },
      }),
    );
    const histories = await storedAndFresh(db);
    expect(histories.get(client.id)).toEqual({
      clientId: client.id,
      settledCount: 1,
      lateCount: 1,
      daysLateSum: 10,
    });
  });

  it('recording or deleting a payment drops the stored summary in the same transaction', async () => {
    const db = track(freshDb());
    const client = await createClient(db, clientInput());
    const invoice = await createInvoice(db, invoiceInput(client.id));
    await storeHistories(db, [client.id]);
    expect(await db.clientHistory.get(client.id)).toMatchObject({ settledCount: 0 });
    const payment = await recordPayment(
      db,
      paymentInput(client.id, {
        date: '2026-02-10',
        amountCents: 1_210_00,
        allocation: { mode: 'chosen', items: [{ invoiceId: invoice.id, amountCents: 1_210_00 }] },
      }),
    );
    expect(await db.clientHistory.get(client.id)).toBeUndefined();
    await storeHistories(db, [client.id]);
    expect(await db.clientHistory.get(client.id)).toMatchObject({ settledCount: 1, lateCount: 0 });
    await deletePayment(db, payment.payment.id);
    expect(await db.clientHistory.get(client.id)).toBeUndefined();
  });

  it('a summary written inside a transaction is dropped again by a later write in it', async () => {
    const db = track(freshDb());
    const client = await createClient(db, clientInput());
    const invoice = await createInvoice(db, invoiceInput(client.id));
    await db.transaction('rw', [db.invoices, db.clientHistory], async () => {
      await db.invoices.put({ ...invoice, description: 'una' });
      await db.clientHistory.put({
        clientId: client.id,
        settledCount: 9,
        lateCount: 9,
        daysLateSum: 9,
      });
      await db.invoices.put({ ...invoice, description: 'dos' });
    });
    expect(await db.clientHistory.get(client.id)).toBeUndefined();
  });

  it('deleting an invoice or clearing a table drops the summaries it affects', async () => {
    const db = track(freshDb());
    const a = await createClient(db, clientInput());
    const b = await createClient(db, clientInput({ name: 'Otra S.L.', taxId: '12345678Z' }));
    const invoice = await createInvoice(db, invoiceInput(a.id));
    await storeHistories(db, [a.id, b.id]);
    await deleteInvoice(db, invoice.id);
    expect(await db.clientHistory.get(a.id)).toBeUndefined();
    expect(await db.clientHistory.get(b.id)).toBeDefined();
    await db.payments.clear();
    expect(await db.clientHistory.count()).toBe(0);
  });

  it('stored summaries equal the full recomputation after demo data and later payments', async () => {
    const db = track(freshDb());
    await loadDemoData(db, { invoices: 1_500, today });
    const first = await storedAndFresh(db);
    expect(first).toEqual(await expectedHistories(db));
    await storeHistories(db, [...first.keys()]);
    expect(await db.clientHistory.count()).toBe(first.size);
    const open = await db.invoices.filter((row) => row.outstandingCents > 0).first();
    if (!open) throw new Error('demo data has an open invoice');
    await recordPayment(
      db,
      paymentInput(open.clientId, {
        date: '2026-05-14',
        amountCents: open.outstandingCents,
        allocation: {
          mode: 'chosen',
          items: [{ invoiceId: open.id, amountCents: open.outstandingCents }],
        },
      }),
    );
    expect(await storedAndFresh(db)).toEqual(await expectedHistories(db));
  }, 60_000);

  it('Hoy gives the same worklist with and without stored summaries', async () => {
    const db = track(freshDb());
    await loadDemoData(db, { invoices: 1_500, today });
    const cold = await getWorklist(db, today);
    await storeHistories(
      db,
      (await db.clients.toArray()).map((client) => client.id),
    );
    const warm = await getWorklist(db, today);
    expect(warm.worklist).toEqual(cold.worklist);
    expect(cold.worklist.items.length).toBeGreaterThan(0);
  }, 60_000);

  it('a backup leaves the derived summaries out and a restore drops the stale ones', async () => {
    const db = track(freshDb());
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id));
    await storeHistories(db, [client.id]);
    const content = await readAllTables(db);
    expect(Object.keys(content.tables)).not.toContain('clientHistory');
    await restoreBackup(db, content);
    expect(await db.clientHistory.count()).toBe(0);
  });

  it('an invoice with no payment is not part of the settled history', () => {
    const row = summariseHistory('c1', [], [], new Map());
    expect(row).toEqual({ clientId: 'c1', settledCount: 0, lateCount: 0, daysLateSum: 0 });
  });
});
