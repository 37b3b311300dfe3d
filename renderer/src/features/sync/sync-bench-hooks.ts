// What `npm run bench` drives in each of two browser contexts (two devices) to time sync through
// a CouchDB-compatible server: loaded only with ?bench (see ledger/bench-marks.ts).
import { openDatabase } from '../../db/database';
import type { CuentasDatabase } from '../../db/database';
import { loadDemoData } from '../../db/demo-loader';
import { updateClient } from '../../db/clients-repo';
import { CouchClient } from '../../db/sync/couch-client';
import type { CouchTarget, FetchLike } from '../../db/sync/couch-client';
import { enableChangeLog, pendingChanges, syncOnce } from '../../db/sync/engine';
import { todayLocal } from '../../../../shared/domain/dates';

let device: CuentasDatabase | null = null;

function db(): CuentasDatabase {
  device ??= openDatabase('cuentas-claras-bench-sync');
  return device;
}

/** Device A: the ledger of `invoices` invoices, sync set up, everything pushed. */
async function seedAndPush(
  target: CouchTarget,
  invoices: number,
): Promise<{ loadMs: number; pushMs: number; docs: number }> {
  const started = performance.now();
  await loadDemoData(db(), { invoices, today: todayLocal(), replace: true });
  await enableChangeLog(db());
  const docs = await pendingChanges(db());
  const loaded = performance.now();
  await syncOnce(db(), new CouchClient(target));
  return { loadMs: loaded - started, pushMs: performance.now() - loaded, docs };
}

/** fetch that counts the time spent waiting for the server (the whole body read). */
function timedFetch(spent: { ms: number }): FetchLike {
  return async (url, init) => {
    const started = performance.now();
    const response = await fetch(url, init);
    const body = await response.arrayBuffer();
    spent.ms += performance.now() - started;
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** Device B, empty: the first full sync (pull and push) until nothing is left to send. */
async function firstSync(
  target: CouchTarget,
): Promise<{ ms: number; serverMs: number; invoices: number }> {
  await enableChangeLog(db());
  const server = { ms: 0 };
  const started = performance.now();
  await syncOnce(db(), new CouchClient(target, timedFetch(server)));
  const ms = performance.now() - started;
  return { ms, serverMs: server.ms, invoices: await db().invoices.count() };
}

/** Device A: one edit (a client's phone), pushed as the background runner does after a change. */
async function editAndPush(target: CouchTarget, phone: string): Promise<{ clientId: string }> {
  const client = await db().clients.orderBy('id').first();
  if (!client) throw new Error('no client to edit');
  await updateClient(db(), client.id, { ...client, phone });
  await syncOnce(db(), new CouchClient(target));
  return { clientId: client.id };
}

/** Device B: one round of sync; the client's phone afterwards. */
async function pullAndRead(target: CouchTarget, clientId: string): Promise<string | null> {
  await syncOnce(db(), new CouchClient(target));
  return (await db().clients.get(clientId))?.phone ?? null;
}

declare global {
  interface Window {
    __ccSyncBench?: {
      seedAndPush: typeof seedAndPush;
      firstSync: typeof firstSync;
      editAndPush: typeof editAndPush;
      pullAndRead: typeof pullAndRead;
    };
  }
}

window.__ccSyncBench = { seedAndPush, firstSync, editAndPush, pullAndRead };
