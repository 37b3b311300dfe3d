// The sync engine: pull the server's changes since the checkpoint, push the change log, in batches;
// every step is resumable (checkpoint and change log live in IndexedDB, written with the data).
import type { Table } from 'dexie';
import type { CuentasDatabase } from '../database';
import { parseDoc, toDoc } from '../../../../shared/sync/doc';
import type { SyncDoc } from '../../../../shared/sync/doc';
import { DELETED } from '../../../../shared/sync/merge';
import { compareClocks } from '../../../../shared/sync/clock';
import type { SyncClock } from '../../../../shared/sync/clock';
import { isSynced, docIdOf } from '../../../../shared/sync/tables';
import { applyRemoteDocs, localState, syncTableNames } from './apply-remote';
import {
  SYNC_CHANGES,
  SYNC_DOCS,
  SYNC_META,
  docKeyOf,
  markSyncApply,
  nextClock,
  resetChangeLogState,
  syncedFields,
} from './change-log';
import type { CouchClient } from './couch-client';
import { settleHeld } from './held';
import type { SyncChangeRecord, SyncDocRecord, SyncMetaRecord } from './records';

type Row = Record<string, unknown>;

export const DEFAULT_BATCH = 500;

function meta(db: CuentasDatabase): Table<SyncMetaRecord, string> {
  return db.table(SYNC_META);
}

async function deviceOf(db: CuentasDatabase): Promise<{ deviceId: string }> {
  const row = await meta(db).get('device');
  if (row?.key === 'device') return row.value;
  const value = { deviceId: crypto.randomUUID().slice(0, 8), lastClock: null };
  await meta(db).put({ key: 'device', value });
  return value;
}

/**
 * Turns the change log on (once, when sync is first set up) and gives every record already here a
 * sync state and a pending change, so the first push sends the whole ledger.
 */
export async function enableChangeLog(db: CuentasDatabase): Promise<void> {
  const current = await meta(db).get('changeLog');
  if (current?.key === 'changeLog' && current.value.enabled && current.value.seeded) return;
  const { deviceId } = await deviceOf(db);
  await meta(db).put({ key: 'changeLog', value: { enabled: true, seeded: false } });
  resetChangeLogState(db.name);
  for (const name of db.tables.map((t) => t.name).filter(isSynced)) {
    await db.transaction('rw', [name, SYNC_DOCS, SYNC_CHANGES, SYNC_META], async (tx) => {
      markSyncApply(tx);
      const target = db.table<Row, string | number>(name);
      const primary = target.schema.primKey.keyPath;
      const docs = db.table<SyncDocRecord, string>(SYNC_DOCS);
      const rows = await target.toArray();
      const shadows: SyncDocRecord[] = [];
      const pending: SyncChangeRecord[] = [];
      for (const original of rows) {
        let row = original;
        const localKey = row[typeof primary === 'string' ? primary : 'id'] as string | number;
        if (name === 'audit' && typeof row.syncId !== 'string') {
          row = { ...row, syncId: `${deviceId}.${crypto.randomUUID()}` };
          await target.put(row);
        }
        const key = docKeyOf(name, row, localKey);
        if (key === null) continue;
        const id = docIdOf(name, key);
        if (await docs.get(id)) continue;
        const clock = nextClock(db.name, deviceId);
        const clocks: Record<string, SyncClock> = { [DELETED]: clock };
        for (const field of syncedFields(name, Object.keys(row))) clocks[field] = clock;
        if (name === 'audit') delete clocks.seq;
        shadows.push({ id, table: name, localKey, clocks, baseClocks: {}, rev: null });
        pending.push({ docId: id, table: name, clock });
      }
      await docs.bulkPut(shadows);
      await db.table<SyncChangeRecord, string>(SYNC_CHANGES).bulkPut(pending);
    });
  }
  await meta(db).put({ key: 'changeLog', value: { enabled: true, seeded: true } });
  resetChangeLogState(db.name);
}

/** How many records wait to be sent. */
export async function pendingChanges(db: CuentasDatabase): Promise<number> {
  if (!db.tables.some((t) => t.name === SYNC_CHANGES)) return 0;
  return db.table(SYNC_CHANGES).count();
}

export interface SyncOptions {
  batchSize?: number;
  /** Called after each batch (the status line shows progress). */
  onProgress?: (step: { phase: 'pull' | 'push'; done: number }) => void;
}

function checkpointKey(client: CouchClient): string {
  return client.databaseUrl;
}

/** Pulls every change since the checkpoint, one transaction per batch. */
export async function pull(
  db: CuentasDatabase,
  client: CouchClient,
  options: SyncOptions = {},
): Promise<{ applied: number; conflicts: number }> {
  const batch = options.batchSize ?? DEFAULT_BATCH;
  const saved = await meta(db).get('checkpoint');
  let since =
    saved?.key === 'checkpoint' && saved.value.database === checkpointKey(client)
      ? saved.value.since
      : '0';
  let applied = 0;
  let conflicts = 0;
  for (;;) {
    const page = await client.changes(since, batch);
    const docs = page.results.flatMap((row) => {
      const doc = parseDoc(row.doc);
      return doc ? [doc] : [];
    });
    const result = await applyRemoteDocs(db, docs, {
      key: 'checkpoint',
      value: { database: checkpointKey(client), since: page.lastSeq },
    });
    applied += result.applied;
    conflicts += result.conflicts;
    since = page.lastSeq;
    options.onProgress?.({ phase: 'pull', done: applied });
    if (page.results.length < batch) break;
  }
  // Everything the server had is here: records set aside by a unique key are settled.
  await settleHeld(db);
  return { applied, conflicts };
}

/** Builds the document of a pending record from what this device has now. */
async function docOf(
  db: CuentasDatabase,
  change: SyncChangeRecord,
  shadow: SyncDocRecord | undefined,
): Promise<SyncDoc | null> {
  if (!shadow) return null;
  const row = await db.table<Row, string | number>(change.table).get(shadow.localKey);
  const state = localState(change.table, row, shadow);
  const key = change.docId.slice(change.table.length + 1);
  return toDoc(change.table, key, state, shadow.rev ?? undefined);
}

/** Pushes the change log in batches; a record someone else changed first is pulled, merged, re-sent. */
export async function push(
  db: CuentasDatabase,
  client: CouchClient,
  options: SyncOptions = {},
): Promise<{ pushed: number }> {
  const batch = options.batchSize ?? DEFAULT_BATCH;
  const changes = db.table<SyncChangeRecord, string>(SYNC_CHANGES);
  const docsTable = db.table<SyncDocRecord, string>(SYNC_DOCS);
  let pushed = 0;
  let rounds = 0;
  for (;;) {
    const { pending, docs } = await db.transaction('r', syncTableNames(db), async () => {
      const rows = await changes.limit(batch).toArray();
      const shadows = await docsTable.bulkGet(rows.map((row) => row.docId));
      const built = await Promise.all(rows.map((row, i) => docOf(db, row, shadows[i])));
      return { pending: rows, docs: built };
    });
    if (pending.length === 0) break;
    const sendable = docs.flatMap((doc) => (doc ? [doc] : []));
    const results = sendable.length > 0 ? await client.bulkDocs(sendable) : [];
    const sent = new Map(sendable.map((doc) => [doc._id, doc]));
    const byId = new Map(results.map((result) => [result.id, result]));
    const conflicted: string[] = [];
    let roundPushed = 0;
    await db.transaction('rw', syncTableNames(db), async (tx) => {
      markSyncApply(tx);
      for (const change of pending) {
        const doc = sent.get(change.docId);
        const result = byId.get(change.docId);
        const current = await changes.get(change.docId);
        const unchanged = current?.clock === change.clock;
        if (!doc) {
          if (unchanged) await changes.delete(change.docId); // no sync state: nothing to send
          continue;
        }
        if (!result?.ok || !result.rev) {
          if (result?.error === 'conflict') conflicted.push(change.docId);
          continue;
        }
        const shadow = await docsTable.get(change.docId);
        if (!shadow) continue;
        const clocks = { ...shadow.clocks };
        for (const [field, clock] of Object.entries(doc.clocks)) {
          const mine = clocks[field];
          if (mine === undefined || compareClocks(clock, mine) > 0) clocks[field] = clock;
        }
        await docsTable.put({ ...shadow, clocks, baseClocks: doc.clocks, rev: result.rev });
        if (unchanged) await changes.delete(change.docId);
        roundPushed += 1;
      }
    });
    if (conflicted.length > 0) {
      const fresh = (await client.bulkGet(conflicted)).flatMap((value) => {
        const doc = parseDoc(value);
        return doc ? [doc] : [];
      });
      await applyRemoteDocs(db, fresh, null);
    }
    pushed += roundPushed;
    options.onProgress?.({ phase: 'push', done: pushed });
    rounds += 1;
    // A document rejected for another reason stays pending; give up this round rather than spin.
    if ((roundPushed === 0 && conflicted.length === 0) || rounds > 10_000) break;
    if (pending.length < batch && conflicted.length === 0) break;
  }
  return { pushed };
}

/** One round: pull first (fewer conflicts on push), then push. */
export async function syncOnce(
  db: CuentasDatabase,
  client: CouchClient,
  options: SyncOptions = {},
): Promise<{ applied: number; conflicts: number; pushed: number }> {
  const pulled = await pull(db, client, options);
  const { pushed } = await push(db, client, options);
  return { ...pulled, pushed };
}
