// The "Conflictos de sincronización" list: read it, and undo a conflict (the losing value comes
// back as a new local edit, which then wins on every device).
import type { Table } from 'dexie';
import type { CuentasDatabase } from '../database';
import type { AuditEntity, InvoiceRecord } from '../../../../shared/domain/records';
import { fromJsonValue } from '../../../../shared/sync/json-value';
import { writeAudit } from '../audit';
import { recomputeDisputed, recomputeInvoice } from '../derived-fields';
import { SYNC_CONFLICTS, SYNC_DOCS, SYNC_META } from './change-log';
import type { SyncConflictRecord, SyncDocRecord, SyncMetaRecord } from './records';

type Row = Record<string, unknown>;

function conflictsTable(db: CuentasDatabase): Table<SyncConflictRecord, string> {
  return db.table(SYNC_CONFLICTS);
}

/** Newest first, each seen from this device: "local" is what this device had. */
export async function listConflicts(db: CuentasDatabase): Promise<SyncConflictRecord[]> {
  if (!db.tables.some((table) => table.name === SYNC_CONFLICTS)) return [];
  const device = await db.table<SyncMetaRecord, string>(SYNC_META).get('device');
  const deviceId = device?.key === 'device' ? device.value.deviceId : '';
  const rows = await conflictsTable(db).orderBy('at').reverse().toArray();
  return rows.map((row) =>
    row.deviceId === deviceId
      ? row
      : {
          ...row,
          localValue: row.remoteValue,
          remoteValue: row.localValue,
          winner: row.winner === 'local' ? 'remote' : 'local',
          deviceId,
        },
  );
}

const AUDIT_ENTITY: Readonly<Record<string, AuditEntity>> = {
  clients: 'client',
  invoices: 'invoice',
  promises: 'promise',
  plans: 'plan',
  disputes: 'dispute',
  settings: 'setting',
};

/** Puts back the value that lost; refused when the record is gone. */
export async function undoConflict(db: CuentasDatabase, id: string): Promise<void> {
  const conflicts = conflictsTable(db);
  const conflict = await conflicts.get(id);
  if (!conflict) throw new Error(`No conflict ${id}`);
  const target = db.table<Row, string | number>(conflict.table);
  await db.transaction(
    'rw',
    [
      target,
      conflicts,
      db.table(SYNC_DOCS),
      db.audit,
      db.invoices,
      db.allocations,
      db.creditNotes,
      db.disputes,
    ],
    async () => {
      const shadow = await db.table<SyncDocRecord, string>(SYNC_DOCS).get(conflict.docId);
      const key = shadow?.localKey ?? conflict.key;
      const before = await target.get(key);
      if (!before) throw new Error(`${conflict.label} no longer exists`);
      const value = fromJsonValue(conflict.loserValue);
      const at = new Date().toISOString();
      const after: Row = { ...before, [conflict.field]: value };
      if ('updatedAt' in before) after.updatedAt = at;
      await target.put(after);
      if (conflict.table === 'invoices') {
        const invoice = await recomputeInvoice(db, after as unknown as InvoiceRecord, at, {
          credits: true,
        });
        await recomputeDisputed(db, invoice, at);
      }
      await conflicts.update(id, { undoneAt: at });
      await writeAudit(db, {
        entity: AUDIT_ENTITY[conflict.table] ?? 'setting',
        entityId: String(key),
        action: 'update',
        summary: `Sincronización: se recupera ${conflict.field} de ${conflict.label}`,
        before: { [conflict.field]: before[conflict.field] },
        after: { [conflict.field]: value },
      });
    },
  );
}
