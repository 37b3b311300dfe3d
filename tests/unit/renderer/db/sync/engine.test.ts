// Two devices (two IndexedDB databases) sync through pouchdb-server in memory on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CuentasDatabase } from '../../../../../renderer/src/db/database';
import { createClient, updateClient } from '../../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../../renderer/src/db/invoices-repo';
import { recordPayment } from '../../../../../renderer/src/db/payments-repo';
import { CouchClient } from '../../../../../renderer/src/db/sync/couch-client';
import type { FetchLike } from '../../../../../renderer/src/db/sync/couch-client';
import {
  enableChangeLog,
  pendingChanges,
  syncOnce,
} from '../../../../../renderer/src/db/sync/engine';
import { listConflicts, undoConflict } from '../../../../../renderer/src/db/sync/conflicts';
import { COUCH_MEMBER, setUpDatabase, startCouchServer } from '../../../../support/couch-server';
import type { CouchServer } from '../../../../support/couch-server';
import { clientInput, freshDb, invoiceInput, paymentInput } from '../test-db';

let server: CouchServer;
let dbCounter = 0;

beforeAll(async () => {
  server = await startCouchServer();
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

async function newFirm(): Promise<string> {
  const name = `firma${++dbCounter}`;
  await setUpDatabase(server.url, name);
  return name;
}

function clientFor(database: string, fetchImpl?: FetchLike): CouchClient {
  return new CouchClient({ url: server.url, database, ...COUCH_MEMBER }, fetchImpl);
}

async function device(): Promise<CuentasDatabase> {
  const db = freshDb();
  await enableChangeLog(db);
  return db;
}

/** What a device holds of the synced ledger, comparable across devices (audit without its seq). */
async function snapshot(db: CuentasDatabase) {
  const audit = (await db.audit.toArray())
    .map(({ seq: _seq, ...row }) => row)
    .sort((a, b) => String(a.syncId).localeCompare(String(b.syncId)));
  return {
    clients: await db.clients.orderBy('id').toArray(),
    invoices: await db.invoices.orderBy('id').toArray(),
    payments: await db.payments.orderBy('id').toArray(),
    allocations: await db.allocations.orderBy('id').toArray(),
    audit,
  };
}

describe('sync through CouchDB', () => {
  it('an invoice and its payment made on A appear on B, with the same outstanding', async () => {
    const database = await newFirm();
    const a = await device();
    const b = await device();
    const client = await createClient(a, clientInput());
    const invoice = await createInvoice(a, invoiceInput(client.id));
    await recordPayment(a, paymentInput(client.id, { amountCents: 200_00 }));
    expect(await pendingChanges(a)).toBeGreaterThan(0);

    const pushed = await syncOnce(a, clientFor(database));
    expect(pushed.pushed).toBeGreaterThanOrEqual(4);
    expect(await pendingChanges(a)).toBe(0);
    await syncOnce(b, clientFor(database));

    const onB = await b.invoices.get(invoice.id);
    expect(onB?.outstandingCents).toBe(1_010_00);
    expect(onB?.paidCents).toBe(200_00);
    expect(await snapshot(b)).toEqual(await snapshot(a));
    // Nothing comes back as a change: B has nothing to push.
    expect(await pendingChanges(b)).toBe(0);
  });

  it('the same client edited on both converges, and the conflict is listed on both', async () => {
    const database = await newFirm();
    const a = await device();
    const b = await device();
    const client = await createClient(a, clientInput());
    await syncOnce(a, clientFor(database));
    await syncOnce(b, clientFor(database));

    await updateClient(a, client.id, clientInput({ phone: '600 111 111', email: 'a@garcia.es' }));
    await new Promise((wait) => setTimeout(wait, 5));
    await updateClient(b, client.id, clientInput({ phone: '600 222 222', city: 'Huesca' }));
    await syncOnce(a, clientFor(database));
    const merged = await syncOnce(b, clientFor(database));
    expect(merged.conflicts).toBe(1);
    await syncOnce(a, clientFor(database));

    const onA = await a.clients.get(client.id);
    const onB = await b.clients.get(client.id);
    expect(onB).toEqual(onA);
    // Field by field: A's email, B's city, and the later phone (B's).
    expect(onA).toMatchObject({ email: 'a@garcia.es', city: 'Huesca', phone: '600 222 222' });
    for (const [db, mine, theirs] of [
      [a, '600 111 111', '600 222 222'],
      [b, '600 222 222', '600 111 111'],
    ] as const) {
      const conflicts = await listConflicts(db);
      expect(conflicts).toHaveLength(1);
      // Each device sees its own value as "this computer's".
      expect(conflicts[0]).toMatchObject({
        field: 'phone',
        localValue: mine,
        remoteValue: theirs,
        winner: db === b ? 'local' : 'remote',
        winnerValue: '600 222 222',
        loserValue: '600 111 111',
      });
    }

    // Undo on A brings A's phone back on both devices.
    await undoConflict(a, (await listConflicts(a))[0]!.id);
    await syncOnce(a, clientFor(database));
    await syncOnce(b, clientFor(database));
    expect((await b.clients.get(client.id))?.phone).toBe('600 111 111');
    expect((await listConflicts(b))[0]?.undoneAt).not.toBeNull();
  });

  it('a wrong password reads as an authentication error', async () => {
    const database = await newFirm();
    const client = new CouchClient({
      url: server.url,
      database,
      user: COUCH_MEMBER.user,
      password: 'mala',
    });
    await expect(client.info()).rejects.toMatchObject({ kind: 'auth' });
  });
});
