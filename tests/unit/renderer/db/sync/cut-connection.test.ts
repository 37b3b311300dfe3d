// Two devices edit the same ledger while the connection to the server is cut at random points of
// their pushes and pulls (before a request leaves, or after the server did the work but before the
// answer arrives). Once the connection holds, both hold the same ledger: no change lost, none
// applied twice, and the ledger's invariants hold on both sides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CuentasDatabase } from '../../../../../renderer/src/db/database';
import { createClient, updateClient } from '../../../../../renderer/src/db/clients-repo';
import { createInvoice, deleteInvoice } from '../../../../../renderer/src/db/invoices-repo';
import { deletePayment, recordPayment } from '../../../../../renderer/src/db/payments-repo';
import { checkReferences } from '../../../../../renderer/src/db/check-references';
import { CouchClient, CouchError } from '../../../../../renderer/src/db/sync/couch-client';
import type { FetchLike } from '../../../../../renderer/src/db/sync/couch-client';
import {
  enableChangeLog,
  pendingChanges,
  syncOnce,
} from '../../../../../renderer/src/db/sync/engine';
import { COUCH_MEMBER, setUpDatabase, startCouchServer } from '../../../../support/couch-server';
import type { CouchServer } from '../../../../support/couch-server';
import { clientInput, freshDb, invoiceInput, paymentInput } from '../test-db';

const RUNS = Number(process.env.SYNC_CUT_RUNS ?? 3);
const STEPS = Number(process.env.SYNC_CUT_STEPS ?? 30);

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
}, 90_000);
afterAll(async () => {
  await server?.stop();
});

/** mulberry32: a small seeded generator, so a failure replays. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Cuts {
  before: number;
  after: number;
}

/** fetch that fails at random: before sending, or after the server answered (the answer is lost). */
function flakyFetch(rand: () => number, cuts: Cuts): FetchLike {
  return async (url, init) => {
    const roll = rand();
    if (roll < 0.15) {
      cuts.before += 1;
      throw new TypeError('Failed to fetch (cut before the request)');
    }
    const response = await fetch(url, init);
    if (roll < 0.3) {
      await response.arrayBuffer();
      cuts.after += 1;
      throw new TypeError('Failed to fetch (cut before the answer)');
    }
    return response;
  };
}

function dni(n: number): string {
  const digits = String(10_000_000 + n).slice(-8);
  return `${digits}${'TRWAGMYFPDXBNJZSQVHLCKE'[Number(digits) % 23] ?? 'T'}`;
}

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

async function expectLedgerHolds(db: CuentasDatabase): Promise<void> {
  expect(await checkReferences(db)).toEqual([]);
  const allocations = await db.allocations.toArray();
  for (const invoice of await db.invoices.toArray()) {
    const paid = allocations
      .filter((row) => row.invoiceId === invoice.id)
      .reduce((sum, row) => sum + row.amountCents, 0);
    expect(invoice.paidCents, invoice.number).toBe(paid);
    expect(invoice.outstandingCents, invoice.number).toBe(
      Math.max(0, invoice.payableCents - paid - (invoice.creditedCents ?? 0)),
    );
  }
  const syncIds = (await db.audit.toArray()).map((row) => row.syncId);
  expect(new Set(syncIds).size, 'an audit entry applied twice').toBe(syncIds.length);
}

describe('sync with a connection cut at random points', () => {
  for (let run = 0; run < RUNS; run += 1) {
    const seed = 20261130 + run;
    it(`converges without losing or doubling a change (seed ${seed})`, async () => {
      const rand = random(seed);
      const database = `cortes${run}`;
      await setUpDatabase(server.url, database);
      const cuts: Cuts = { before: 0, after: 0 };
      const flaky = new CouchClient(
        { url: server.url, database, ...COUCH_MEMBER },
        flakyFetch(rand, cuts),
      );
      const steady = new CouchClient({ url: server.url, database, ...COUCH_MEMBER });
      const devices = [freshDb(), freshDb()] as const;
      for (const db of devices) await enableChangeLog(db);
      let serial = run * 1000;
      const created = { clients: 0, payments: 0 };
      let deletedPayments = 0;

      for (let step = 0; step < STEPS; step += 1) {
        const db = devices[rand() < 0.5 ? 0 : 1];
        const side = db === devices[0] ? 'A' : 'B';
        const clients = await db.clients.toArray();
        const invoices = await db.invoices.toArray();
        const roll = rand();
        serial += 1;
        if (clients.length === 0 || roll < 0.15) {
          await createClient(
            db,
            clientInput({ name: `Cliente ${side}${serial}`, taxId: dni(serial) }),
          );
          created.clients += 1;
        } else if (roll < 0.45) {
          const client = clients[Math.floor(rand() * clients.length)]!;
          await createInvoice(db, invoiceInput(client.id, { number: `${side}-${serial}` }));
        } else if (roll < 0.65 && invoices.length > 0) {
          const invoice = invoices[Math.floor(rand() * invoices.length)]!;
          if (invoice.outstandingCents > 0) {
            await recordPayment(
              db,
              paymentInput(invoice.clientId, {
                amountCents: Math.min(invoice.outstandingCents, 50_00 + serial),
                allocation: { mode: 'oldest_first' },
              }),
            );
            created.payments += 1;
          }
        } else if (roll < 0.8) {
          const client = clients[Math.floor(rand() * clients.length)]!;
          const input = clientInput({ name: client.name, taxId: client.taxId });
          await updateClient(db, client.id, {
            ...input,
            phone: `6${serial}`,
            notes: `${side} ${serial}`,
          });
        } else if (roll < 0.88) {
          const payments = await db.payments.toArray();
          if (payments.length > 0) {
            await deletePayment(db, payments[Math.floor(rand() * payments.length)]!.id);
            deletedPayments += 1;
          }
        } else if (roll < 0.93 && invoices.length > 0) {
          const invoice = invoices[Math.floor(rand() * invoices.length)]!;
          if ((await db.allocations.where('invoiceId').equals(invoice.id).count()) === 0) {
            await deleteInvoice(db, invoice.id).catch(() => undefined); // refused when in use
          }
        }
        if (rand() < 0.4) {
          try {
            await syncOnce(db, flaky, { batchSize: 3 });
          } catch (error) {
            if (!(error instanceof CouchError) || error.kind !== 'offline') throw error;
          }
        }
      }

      // The connection holds again: a few rounds and both devices agree.
      for (let round = 0; round < 4; round += 1) {
        for (const db of devices) await syncOnce(db, steady, { batchSize: 7 });
      }
      const [a, b] = devices;
      expect(await pendingChanges(a)).toBe(0);
      expect(await pendingChanges(b)).toBe(0);
      expect(cuts.before).toBeGreaterThan(0);
      expect(cuts.after).toBeGreaterThan(0);
      const onA = await snapshot(a);
      expect(await snapshot(b)).toEqual(onA);
      expect(onA.clients).toHaveLength(created.clients);
      expect(onA.payments.length).toBeLessThanOrEqual(created.payments);
      expect(onA.payments.length).toBeGreaterThanOrEqual(created.payments - deletedPayments);
      for (const db of devices) await expectLedgerHolds(db);
    }, 240_000);
  }
});
