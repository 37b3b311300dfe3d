// Applies documents from the server to the local database: merged field by field with what this
// device has, derived fields recomputed, conflicts listed; one transaction per batch with its checkpoint.
import type { Table } from 'dexie';
import type { CuentasDatabase } from '../database';
import type { InvoiceRecord } from '../../../../shared/domain/records';
import type { SyncDoc } from '../../../../shared/sync/doc';
import { stateOfDoc } from '../../../../shared/sync/doc';
import { DELETED, mergeRemote, recordOf } from '../../../../shared/sync/merge';
import type { RecordState } from '../../../../shared/sync/merge';
import { canonicalJson } from '../../../../shared/sync/json-value';
import { UNLISTED_CONFLICT_FIELDS, isSynced, syncPolicy } from '../../../../shared/sync/tables';
import { maxClock } from '../../../../shared/sync/clock';
import { recomputeDisputed, recomputeInvoice } from '../derived-fields';
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
  noteSameNumber,
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

/**
 * Merges `docs` into the database in one transaction, and saves `checkpoint` with them, so a cut
 * connection never leaves a batch half applied nor applies one twice.
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
    const conflicts: SyncConflictRecord[] = [];
    const now = new Date().toISOString();
    const device = await db.table<SyncMetaRecord, string>(SYNC_META).get('device');
    const deviceId = device?.key === 'device' ? device.value.deviceId : '';
    const withHeld = hasHeldTable(db);
    for (const doc of docs) {
      const policy = syncPolicy(doc.table);
      if (policy.kind === 'local' || !names.has(doc.table)) continue;
      const shadow = await docsTable.get(doc._id);
      if (shadow && shadow.rev === doc._rev) continue; // already here (our own push, or a re-read)
      const remote = stateOfDoc(doc);
      for (const clock of Object.values(remote.clocks)) observeClock(db.name, clock);
      const held = withHeld && !shadow ? await heldTable(db).get(doc._id) : undefined;
      if (held?.source === 'remote') {
        // Another device's record set aside here: its new version stays aside (settleHeld decides).
        if (held.rev !== doc._rev) await updateHeld(db, held, remote, doc._rev ?? null);
        applied += 1;
        continue;
      }
      const target = table(db, doc.table);
      const localKey: string | number | undefined =
        shadow?.localKey ?? (doc.table === 'audit' ? undefined : doc.key);
      const row = localKey === undefined ? undefined : await target.get(localKey);
      const local = localState(doc.table, row, shadow);
      const { merged, conflicts: found } = mergeRemote(shadow?.baseClocks ?? {}, local, remote);
      const record = recordOf(merged);
      let key = localKey;
      if (record) {
        const next: Row = { ...record };
        const placeholders = DERIVED_PLACEHOLDERS[doc.table];
        if (placeholders) {
          for (const field of policy.derived ?? [])
            next[field] = row?.[field] ?? placeholders[field];
        }
        const clash =
          doc.table === 'audit' || !withHeld ? null : await findClash(target, next, doc.key);
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
        if (doc.table === 'audit') {
          if (key === undefined) key = await target.add(next);
          else await target.put({ ...next, seq: key });
        } else {
          await target.put(next);
          if (doc.table === 'invoices' && withHeld) await noteSameNumber(db, next);
        }
      } else if (row && key !== undefined) {
        await target.delete(key);
      }
      for (const id of invoiceIdsOf(doc.table, doc.key, [row, record])) touchedInvoices.add(id);
      for (const seen of [row, record]) {
        if (PLAN_INPUTS.includes(doc.table) && typeof seen?.clientId === 'string')
          touchedClients.add(seen.clientId);
        if (doc.table === 'installments' && typeof seen?.planId === 'string')
          touchedPlans.add(seen.planId);
      }
      if (key === undefined) continue; // a tombstone of an audit entry this device never had
      await docsTable.put({
        id: doc._id,
        table: doc.table,
        localKey: key,
        clocks: merged.clocks,
        baseClocks: remote.clocks,
        rev: doc._rev ?? null,
      });
      if (canonicalJson(merged.clocks) === canonicalJson(remote.clocks)) {
        await changes.delete(doc._id);
      } else {
        const latest = Object.values(merged.clocks).reduce<string | null>(maxClock, null);
        await changes.put({ docId: doc._id, table: doc.table, clock: latest ?? '' });
      }
      applied += 1;
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
    for (const id of touchedInvoices) {
      const invoice = await db.invoices.get(id);
      if (!invoice) continue;
      const next: InvoiceRecord = await recomputeInvoice(db, invoice, invoice.updatedAt, {
        credits: true,
      });
      await recomputeDisputed(db, next, next.updatedAt);
    }
    // Installments' paid amounts are derived: recomputed from the payments, after the invoices.
    for (const clientId of touchedClients) {
      for (const key of await db.plans.where('clientId').equals(clientId).primaryKeys())
        touchedPlans.add(key);
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
