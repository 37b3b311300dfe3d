// The copy of the read model kept in memory: current after every write, read by its changes only,
// never ahead of what is committed, and not changeable by a screen.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type CuentasDatabase } from '../../../../renderer/src/db/database';
import { createClient, updateClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { deletePayment, recordPayment } from '../../../../renderer/src/db/payments-repo';
import { logActivity } from '../../../../renderer/src/db/activities-repo';
import { readMirror, type LedgerMirror } from '../../../../renderer/src/db/ledger-mirror';
import { invoicesOf } from '../../../../renderer/src/db/mirror-entries';
import { isInSelection } from '../../../../shared/domain/ledger-model-decode';
import {
  loadClientsByName,
  loadCompactInvoices,
  rebuildReadModel,
} from '../../../../renderer/src/db/ledger-read-model';
import { loadDemoData } from '../../../../renderer/src/db/demo-loader';
import { recordPromise } from '../../../../renderer/src/db/promises-repo';
import { saveDunningSettings } from '../../../../renderer/src/db/dunning-repo';
import { DEFAULT_DUNNING_SETTINGS } from '../../../../shared/domain/dunning';
import { clientInput, freshDb, invoiceInput, paymentInput } from './test-db';

const TODAY = '2026-11-30';

let db: CuentasDatabase | null = null;
let other: CuentasDatabase | null = null;
afterEach(async () => {
  other?.close();
  await db?.delete();
  db = null;
  other = null;
});

async function mirrorOf(database: CuentasDatabase, money = true): Promise<LedgerMirror> {
  const mirror = await readMirror(database, { money });
  if (!mirror) throw new Error('no complete model');
  return mirror;
}

/** What a copy made afresh from every stored row holds (another connection: nothing kept). */
async function wholeRead(database: CuentasDatabase): Promise<LedgerMirror> {
  other?.close();
  other = openDatabase(database.name);
  return mirrorOf(other);
}

function contentsOf(mirror: LedgerMirror) {
  return {
    rev: mirror.rev,
    epoch: mirror.epoch,
    // Each entry's invoices built (they are read from its row on first use), and its header.
    invoices: [...mirror.invoices].map(([clientId, entry]) => [
      clientId,
      { invoices: entry.invoices, count: entry.invoiceCount, credit: entry.creditCents },
    ]),
    money: mirror.money ? [...mirror.money] : null,
  };
}

describe('the ledger mirror', () => {
  it('follows each write by reading only the rows it changed', async () => {
    db = freshDb();
    await loadDemoData(db, { invoices: 200, today: TODAY });
    const before = await mirrorOf(db);
    const client = await createClient(db, clientInput({ name: 'Zapatería Álvarez S.L.' }));
    await createInvoice(db, invoiceInput(client.id, { number: 'Z-1' }));
    await recordPayment(db, paymentInput(client.id, { amountCents: 500_00 }));
    const after = await mirrorOf(db);
    expect(after.epoch).toBe(before.epoch);
    expect(after.rev).toBeGreaterThan(before.rev);
    expect(contentsOf(after)).toEqual(contentsOf(await wholeRead(db)));
    // Another client's entry is the very object of the earlier revision: it was not read again.
    const [someone] = [...before.invoices.keys()];
    expect(someone).toBeDefined();
    expect(after.invoices.get(someone as string)).toBe(before.invoices.get(someone as string));
    expect(after.invoices.get(client.id)?.invoices.map((row) => row.number)).toEqual(['Z-1']);
    // A new client takes its place in key order, as a whole read gives it.
    expect([...after.invoices.keys()]).toEqual([...after.invoices.keys()].sort());
    // Nothing written since: the same revision, not a new read.
    expect(await mirrorOf(db)).toBe(after);
  });

  it('reads the payments only once asked for, and follows them from then on', async () => {
    db = freshDb();
    await loadDemoData(db, { invoices: 120, today: TODAY });
    const invoicesOnly = await mirrorOf(db, false);
    expect(invoicesOnly.money).toBeNull();
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id));
    await recordPayment(db, paymentInput(client.id, { amountCents: 70_00 }));
    expect((await mirrorOf(db, false)).money, 'still not asked for').toBeNull();
    const withMoney = await mirrorOf(db);
    expect(contentsOf(withMoney)).toEqual(contentsOf(await wholeRead(db)));
    await recordPayment(db, paymentInput(client.id, { amountCents: 30_00 }));
    const followed = await mirrorOf(db, false);
    expect(followed.money?.get(client.id)?.payments).toHaveLength(2);
    expect(contentsOf(followed)).toEqual(contentsOf(await wholeRead(db)));
  });

  it('forgets a client whose rows were deleted (its last invoice and payment gone)', async () => {
    db = freshDb();
    await rebuildReadModel(db);
    const client = await createClient(db, clientInput());
    const invoice = await createInvoice(db, invoiceInput(client.id));
    const payment = await recordPayment(db, paymentInput(client.id, { amountCents: 10_00 }));
    expect((await mirrorOf(db)).money?.has(client.id)).toBe(true);
    await deletePayment(db, payment.payment.id);
    await db.invoices.delete(invoice.id);
    const after = await mirrorOf(db);
    expect(after.invoices.has(client.id)).toBe(false);
    expect(after.money?.has(client.id)).toBe(false);
    expect(contentsOf(after)).toEqual(contentsOf(await wholeRead(db)));
  });

  it('keeps whole tables once asked for, each read again only after a write to it', async () => {
    db = freshDb();
    await loadDemoData(db, { invoices: 120, today: TODAY });
    const wanted = { tables: ['clients', 'activities'] as const };
    const rows = (mirror: LedgerMirror | null, name: 'clients' | 'activities') =>
      mirror?.tables.get(name)?.rows;
    const first = await readMirror(db, wanted);
    expect(rows(first, 'clients')).toEqual(await db.clients.toArray());
    expect(rows(first, 'activities')).toEqual(await db.activities.toArray());
    expect(Object.isFrozen(rows(first, 'clients')?.[0])).toBe(true);
    const client = await createClient(db, clientInput({ name: 'Ábaco Nuevo S.L.' }));
    await updateClient(db, client.id, { ...clientInput({ name: 'Ábaco Renovado S.L.' }) });
    const again = await readMirror(db, wanted);
    expect(rows(again, 'clients')).toEqual(await db.clients.toArray());
    // The activities were not written: the very rows of before.
    expect(rows(again, 'activities')).toBe(rows(first, 'activities'));
    await logActivity(db, {
      clientId: client.id,
      invoiceId: null,
      kind: 'call',
      date: '2026-11-30',
      who: 'Yo',
      outcome: 'Promete pagar',
      text: 'Llamada',
      followUpDate: null,
    });
    const later = await readMirror(db, wanted);
    expect(rows(later, 'activities')).toEqual(await db.activities.toArray());
    expect(rows(later, 'clients')).toBe(rows(again, 'clients'));
    // A write to neither (an invoice) reads neither again.
    await createInvoice(db, invoiceInput(client.id, { number: 'N-1' }));
    const last = await readMirror(db, wanted);
    expect(last?.rev).toBeGreaterThan(later?.rev ?? 0);
    expect(rows(last, 'clients')).toBe(rows(later, 'clients'));
    expect(rows(last, 'activities')).toBe(rows(later, 'activities'));
    // Clientes' order is the name index's.
    expect((await loadClientsByName(db)).map((row) => row.id)).toEqual(
      (await db.clients.orderBy('name').toArray()).map((row) => row.id),
    );
  });

  it('makes a new revision for a write to any table a screen reads, not for derived ones', async () => {
    db = freshDb();
    await loadDemoData(db, { invoices: 40, today: TODAY });
    const invoice = (await db.invoices.toCollection().first())!;
    const client = { id: invoice.clientId };
    const first = await mirrorOf(db, false);
    expect(await mirrorOf(db, false)).toBe(first);
    // A promise and a setting change what Hoy and the ledger derive from a revision.
    await recordPromise(db, {
      clientId: client.id,
      invoiceIds: [invoice.id],
      amountCents: 1_000,
      promisedDate: '2026-12-15',
      activityId: null,
    });
    const promised = await mirrorOf(db, false);
    expect(promised.rev).toBeGreaterThan(first.rev);
    expect(promised.cache.size).toBe(0);
    await saveDunningSettings(db, { ...DEFAULT_DUNNING_SETTINGS, promiseGraceDays: 9 });
    const set = await mirrorOf(db, false);
    expect(set.rev).toBeGreaterThan(promised.rev);
    // The model's rows did not change: the same objects, only the revision is new.
    expect(set.invoices.get(client.id)).toBe(first.invoices.get(client.id));
    // A risk summary is derived from the invoices and payments: writing one is not a new revision.
    await db.clientHistory.put({
      clientId: client.id,
      settledCount: 0,
      lateCount: 0,
      daysLateSum: 0,
    });
    expect(await mirrorOf(db, false)).toBe(set);
    // A range delete of a table outside the model keeps the model: a new revision only.
    await db.promises.clear();
    const cleared = await mirrorOf(db, false);
    expect(cleared.rev).toBeGreaterThan(set.rev);
    expect(cleared.epoch).toBe(first.epoch);
  });

  it('never holds what a transaction wrote and then undid', async () => {
    db = freshDb();
    await rebuildReadModel(db);
    const client = await createClient(db, clientInput());
    const kept = await createInvoice(db, invoiceInput(client.id, { number: 'A-1' }));
    const before = await mirrorOf(db);
    const database = db;
    await expect(
      database.transaction('rw', database.tables, async () => {
        await createInvoice(database, invoiceInput(client.id, { number: 'A-2' }));
        // Inside a write the copy is not used: the caller reads what its transaction wrote.
        expect(await readMirror(database)).toBeNull();
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    const after = await mirrorOf(db);
    expect(after.rev).toBe(before.rev);
    expect((await loadCompactInvoices(db)).map((row) => row.id)).toEqual([kept.id]);
  });

  it('reads everything again after the model is rebuilt (a new epoch)', async () => {
    db = freshDb();
    await rebuildReadModel(db);
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id));
    const before = await mirrorOf(db);
    await rebuildReadModel(db);
    const after = await mirrorOf(db);
    expect(after.epoch).not.toBe(before.epoch);
    expect(contentsOf(after)).toEqual(contentsOf(await wholeRead(db)));
  });

  it('is null without a complete model, and the read falls back to the tables', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    await db.ledgerChunks.clear();
    await createInvoice(db, invoiceInput(client.id));
    expect(await readMirror(db)).toBeNull();
    expect(await loadCompactInvoices(db)).toHaveLength(1);
  });

  it('builds only the invoices a screen asks for, each once, shared by every later ask', async () => {
    db = freshDb();
    await loadDemoData(db, { invoices: 300, today: TODAY });
    const mirror = await mirrorOf(db, false);
    const fresh = await wholeRead(db);
    let mixed = 0;
    for (const [clientId, entry] of mirror.invoices) {
      const open = invoicesOf(entry, 'open');
      const receivable = invoicesOf(entry, 'receivable');
      const all = entry.invoices;
      const expected = fresh.invoices.get(clientId)?.invoices ?? [];
      expect(all).toEqual(expected);
      expect(open).toEqual(expected.filter((invoice) => isInSelection('open', invoice)));
      expect(receivable).toEqual(
        expected.filter((invoice) => isInSelection('receivable', invoice)),
      );
      // The objects built for Hoy are the ones the ledger then shows, and asking again builds none.
      for (const invoice of open) expect(receivable).toContain(invoice);
      for (const invoice of receivable) expect(all).toContain(invoice);
      expect(invoicesOf(entry, 'open')).toBe(open);
      expect(entry.invoices).toBe(all);
      if (open.length > 0 && open.length < all.length) mixed += 1;
    }
    expect(mixed).toBeGreaterThan(0);
    // Asked in the other order (every invoice first), a part is made of the built invoices.
    let parts = 0;
    for (const entry of fresh.invoices.values()) {
      const all = entry.invoices;
      for (const invoice of invoicesOf(entry, 'open')) expect(all).toContain(invoice);
      parts += invoicesOf(entry, 'open').length;
    }
    expect(parts).toBeGreaterThan(0);
  });

  it('cannot be changed by a screen: its invoices are frozen', async () => {
    db = freshDb();
    await rebuildReadModel(db);
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id));
    const [invoice] = await loadCompactInvoices(db);
    expect(invoice).toBeDefined();
    expect(() => {
      (invoice as { outstandingCents: number }).outstandingCents = 0;
    }).toThrow(TypeError);
    expect(Object.isFrozen(invoice?.dues[0])).toBe(true);
  });
});
