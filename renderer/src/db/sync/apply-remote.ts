// Applies documents from the server to the local database: merged field by field with what this
// device has, derived fields recomputed, conflicts listed; one transaction per batch with its checkpoint.
import type { Table } from 'dexie';
import type { CuentasDatabase } from '../database';
import type { SyncDoc } from '../../../../shared/sync/doc';
import { stateOfDoc } from '../../../../shared/sync/doc';
import { DELETED, mergeRemote, recordOf } from '../../../../shared/sync/merge';
import type { RecordState } from '../../../../shared/sync/merge';
import { canonicalJson } from '../../../../shared/sync/json-value';
import { UNLISTED_CONFLICT_FIELDS, isSynced, syncPolicy } from '../../../../shared/sync/tables';
import { maxClock } from '../../../../shared/sync/clock';
import { recomputeInvoicesInBulk } from '../derived-fields';
import { LIVE_PLAN_STATUSES, recomputeInstallments } from '../plan-payments';
import {
  SYNC_CHANGES,
  SYNC_CONFLICTS,
  SYNC_DOCS,
  SYNC_META,
  markSyncApply,
  observeClock,
  syncedFields,
  unmarkSyncApply,
} from './change-log';
import type {
  SyncChangeRecord,
  SyncConflictRecord,
  SyncDocRecord,
  SyncMetaRecord,
} from './records';
import {
  SYNC_HELD,
  findClash,
  hasHeldTable,
  heldTable,
  noteSameNumbers,
  setAsideLocal,
  setAsideRemote,
  updateHeld,
} from './held';

type Row = Record<string, unknown>;

/** Every table sync writes in one go: the synced ones present here and the bookkeeping. */
export function syncTableNames(db: CuentasDatabase): string[] {
  const names = db.tables.map((table) => table.name);
  return [
    ...names.filter(isSynced),
    ...[SYNC_CHANGES, SYNC_DOCS, SYNC_META, SYNC_HELD].filter((name) => names.includes(name)),
  ];
}

function table(db: CuentasDatabase, name: string): Table<Row, string | number> {
  return db.table(name);
}

/** What this device has of a record, as a state with the clocks it keeps for it. */
export function localState(
  tableName: string,
  row: Row | undefined,
  shadow: SyncDocRecord | undefined,
): RecordState {
  const clocks = { ...(shadow?.clocks ?? {}) };
  if (!row) {
    return shadow ? { values: { [DELETED]: true }, clocks } : { values: {}, clocks };
  }
  const values: Row = { [DELETED]: false };
  for (const field of syncedFields(tableName, Object.keys(row))) {
    if (tableName === 'audit' && field === 'seq') continue;
    if (row[field] !== undefined) values[field] = row[field];
  }
  return { values, clocks };
}

const INVOICE_PLACEHOLDERS = {
  paidCents: 0,
  outstandingCents: 0,
  nextDueDate: null,
  disputedCents: 0,
};

function labelOf(record: Row | undefined, key: string): string {
  const name = record?.name ?? record?.number ?? record?.key;
  return typeof name === 'string' ? name : key;
}

/** Placeholders for derived fields a pulled record lacks, until they are recomputed. */
const DERIVED_PLACEHOLDERS: Readonly<Record<string, Row>> = {
  invoices: INVOICE_PLACEHOLDERS,
  installments: { paidCents: 0 },
};

/** Tables whose records move what a client paid toward a plan. */
const PLAN_INPUTS = ['payments', 'allocations', 'invoices', 'creditNotes', 'plans'];

function invoiceIdsOf(tableName: string, key: string, rows: (Row | undefined)[]): string[] {
  if (tableName === 'invoices') return [key];
  if (!['allocations', 'creditNotes', 'disputes'].includes(tableName)) return [];
  return rows.flatMap((row) => (typeof row?.invoiceId === 'string' ? [row.invoiceId] : []));
}

export interface ApplyResult {
  applied: number;
  conflicts: number;
}

/** Tables written record by record: a unique index must see each write before the next check. */
function writesOneByOne(target: Table<Row, string | number>): boolean {
  return target.schema.indexes.some((index) => index.unique);
}

/** Writes held back during a batch and made with one bulk call per table at its end. */
class BatchWrites {
  readonly puts = new Map<string, Row[]>();
  readonly deletes = new Map<string, (string | number)[]>();
  readonly newAudit: { row: Row; shadow: Omit<SyncDocRecord, 'localKey'> }[] = [];
  readonly shadows: SyncDocRecord[] = [];
  readonly sent: string[] = [];
  readonly pending: SyncChangeRecord[] = [];

  put(tableName: string, row: Row): void {
    const rows = this.puts.get(tableName) ?? [];
    rows.push(row);
    this.puts.set(tableName, rows);
  }

  delete(tableName: string, key: string | number): void {
    const keys = this.deletes.get(tableName) ?? [];
    keys.push(key);
    this.deletes.set(tableName, keys);
  }

  async flush(db: CuentasDatabase): Promise<void> {
    for (const [name, rows] of this.puts) await table(db, name).bulkPut(rows);
    for (const [name, keys] of this.deletes) await table(db, name).bulkDelete(keys);
    if (this.newAudit.length > 0) {
      const keys = await db.audit.bulkAdd(
        this.newAudit.map((entry) => entry.row as never),
        { allKeys: true },
      );
      this.newAudit.forEach((entry, index) =>
        this.shadows.push({ ...entry.shadow, localKey: keys[index]! }),
      );
    }
    await db.table<SyncDocRecord, string>(SYNC_DOCS).bulkPut(this.shadows);
    await db.table<SyncChangeRecord, string>(SYNC_CHANGES).bulkDelete(this.sent);
    await db.table<SyncChangeRecord, string>(SYNC_CHANGES).bulkPut(this.pending);
  }
}

/** What this device has of each document's record, read with one bulk call per table. */
async function readLocal(
  db: CuentasDatabase,
  docs: readonly SyncDoc[],
  shadows: Map<string, SyncDocRecord | undefined>,
): Promise<Map<string, Row | undefined>> {
  const keysByTable = new Map<string, { id: string; key: string | number }[]>();
  for (const doc of docs) {
    const key = shadows.get(doc._id)?.localKey ?? (doc.table === 'audit' ? undefined : doc.key);
    if (key === undefined) continue;
    const entries = keysByTable.get(doc.table) ?? [];
    entries.push({ id: doc._id, key });
    keysByTable.set(doc.table, entries);
  }
  const rows = new Map<string, Row | undefined>();
  for (const [name, entries] of keysByTable) {
    const found = await table(db, name).bulkGet(entries.map((entry) => entry.key));
    entries.forEach((entry, index) => rows.set(entry.id, found[index]));
  }
  return rows;
}

/**
 * Merges `docs` into the database in one transaction, and saves `checkpoint` with them, so a cut
 * connection never leaves a batch half applied nor applies one twice. Reads and writes go in bulk
 * per table, except for tables with a unique index (each write is checked against the last).
 */
export async function applyRemoteDocs(
  db: CuentasDatabase,
  docs: SyncDoc[],
  checkpoint: SyncMetaRecord | null,
  newId: () => string = () => crypto.randomUUID(),
): Promise<ApplyResult> {
  let applied = 0;
  let conflictCount = 0;
  const names = new Set(db.tables.map((t) => t.name));
  await db.transaction('rw', [...syncTableNames(db), SYNC_CONFLICTS], async (tx) => {
    markSyncApply(tx);
    const docsTable = db.table<SyncDocRecord, string>(SYNC_DOCS);
    const changes = db.table<SyncChangeRecord, string>(SYNC_CHANGES);
    const touchedInvoices = new Set<string>();
    const touchedClients = new Set<string>();
    const touchedPlans = new Set<string>();
    const pulledInvoices: Row[] = [];
    const conflicts: SyncConflictRecord[] = [];
    const now = new Date().toISOString();
    const device = await db.table<SyncMetaRecord, string>(SYNC_META).get('device');
    const deviceId = device?.key === 'device' ? device.value.deviceId : '';
    const withHeld = hasHeldTable(db);
    const wanted = docs.filter(
      (doc) => syncPolicy(doc.table).kind !== 'local' && names.has(doc.table),
    );
    const ids = wanted.map((doc) => doc._id);
    const shadowRows = await docsTable.bulkGet(ids);
    const shadows = new Map(ids.map((id, index) => [id, shadowRows[index]]));
    const fresh = wanted.filter(
      (doc) => shadows.get(doc._id)?.rev !== doc._rev || !shadows.get(doc._id),
    );
    const unknown = fresh.filter((doc) => !shadows.get(doc._id)).map((doc) => doc._id);
    const heldRows = withHeld ? await heldTable(db).bulkGet(unknown) : [];
    const helds = new Map(unknown.map((id, index) => [id, heldRows[index]]));
    const rows = await readLocal(db, fresh, shadows);
    const batch = new BatchWrites();
    for (const doc of fresh) {
      const policy = syncPolicy(doc.table);
      const shadow = shadows.get(doc._id);
      const remote = stateOfDoc(doc);
      for (const clock of Object.values(remote.clocks)) observeClock(db.name, clock);
      const held = helds.get(doc._id);
      if (held?.source === 'remote') {
        // Another device's record set aside here: its new version stays aside (settleHeld decides).
        if (held.rev !== doc._rev) await updateHeld(db, held, remote, doc._rev ?? null);
        applied += 1;
        continue;
      }
      const target = table(db, doc.table);
      const direct = writesOneByOne(target);
      const localKey: string | number | undefined =
        shadow?.localKey ?? (doc.table === 'audit' ? undefined : doc.key);
      const row = direct && localKey !== undefined ? await target.get(localKey) : rows.get(doc._id);
      const local = localState(doc.table, row, shadow);
      const { merged, conflicts: found } = mergeRemote(shadow?.baseClocks ?? {}, local, remote);
      const record = recordOf(merged);
      const key = localKey;
      const newShadow = {
        id: doc._id,
        table: doc.table,
        clocks: merged.clocks,
        baseClocks: remote.clocks,
        rev: doc._rev ?? null,
      };
      if (record) {
        const next: Row = { ...record };
        const placeholders = DERIVED_PLACEHOLDERS[doc.table];
        if (placeholders) {
          for (const field of policy.derived ?? [])
            next[field] = row?.[field] ?? placeholders[field];
        }
        const clash = direct && withHeld ? await findClash(target, next, doc.key) : null;
        if (clash) {
          // A unique key this device already uses: the same fact twice (one copy is kept on every
          // device: the smaller id) or another record (set aside for the user). The pull goes on.
          const merge = policy.duplicates === 'merge';
          if (!merge || doc.key > String(clash.otherKey)) {
            if (row && key !== undefined) {
              await target.delete(key);
              await docsTable.delete(doc._id);
              await changes.delete(doc._id);
            }
            await setAsideRemote(
              db,
              doc._id,
              doc.table,
              doc.key,
              clash,
              merge,
              merged,
              next,
              doc._rev ?? null,
            );
            applied += 1;
            continue;
          }
          await setAsideLocal(db, tx, target, clash, doc.key);
        }
        if (direct) await target.put(next);
        else if (doc.table === 'audit' && key === undefined) {
          batch.newAudit.push({ row: next, shadow: newShadow });
        } else {
          batch.put(doc.table, doc.table === 'audit' ? { ...next, seq: key } : next);
        }
        if (doc.table === 'invoices') pulledInvoices.push(next);
      } else if (row && key !== undefined) {
        if (direct) await target.delete(key);
        else batch.delete(doc.table, key);
      }
      for (const id of invoiceIdsOf(doc.table, doc.key, [row, record])) touchedInvoices.add(id);
      for (const seen of [row, record]) {
        if (PLAN_INPUTS.includes(doc.table) && typeof seen?.clientId === 'string')
          touchedClients.add(seen.clientId);
        if (doc.table === 'installments' && typeof seen?.planId === 'string')
          touchedPlans.add(seen.planId);
      }
      applied += 1;
      // A tombstone of an audit entry this device never had leaves nothing to keep.
      if (key !== undefined) batch.shadows.push({ ...newShadow, localKey: key });
      if (canonicalJson(merged.clocks) === canonicalJson(remote.clocks)) {
        batch.sent.push(doc._id);
      } else {
        const latest = Object.values(merged.clocks).reduce<string | null>(maxClock, null);
        batch.pending.push({ docId: doc._id, table: doc.table, clock: latest ?? '' });
      }
      if (policy.kind !== 'mutable') continue;
      for (const conflict of found) {
        if (UNLISTED_CONFLICT_FIELDS.includes(conflict.field)) continue;
        const winnerValue =
          conflict.winner === 'local' ? conflict.localValue : conflict.remoteValue;
        const loserValue = conflict.winner === 'local' ? conflict.remoteValue : conflict.localValue;
        conflicts.push({
          id: newId(),
          docId: doc._id,
          table: doc.table,
          key: doc.key,
          field: conflict.field,
          localValue: conflict.localValue,
          remoteValue: conflict.remoteValue,
          winner: conflict.winner,
          winnerValue,
          loserValue,
          label: labelOf(record ?? row, doc.key),
          deviceId,
          at: now,
          undoneAt: null,
        });
      }
    }
    await batch.flush(db);
    if (withHeld) await noteSameNumbers(db, pulledInvoices);
    await recomputeInvoicesInBulk(db, [...touchedInvoices]);
    // Installments' paid amounts are derived: recomputed from the payments, after the invoices.
    if (touchedClients.size > 0) {
      const keys = await db.plans
        .where('clientId')
        .anyOf([...touchedClients])
        .primaryKeys();
      for (const key of keys) touchedPlans.add(key);
    }
    for (const plan of await db.plans.bulkGet([...touchedPlans])) {
      if (plan && LIVE_PLAN_STATUSES.includes(plan.status)) await recomputeInstallments(db, plan);
    }
    if (conflicts.length > 0) {
      conflictCount = conflicts.length;
      // The conflict list travels to the other devices: written as a local change.
      unmarkSyncApply(tx);
      await db.table<SyncConflictRecord, string>(SYNC_CONFLICTS).bulkAdd(conflicts);
      markSyncApply(tx);
    }
    if (checkpoint) await db.table<SyncMetaRecord, string>(SYNC_META).put(checkpoint);
  });
  return { applied, conflicts: conflictCount };
}
