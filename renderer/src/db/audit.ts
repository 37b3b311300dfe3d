// The audit trail: every repository writes its entry inside its own transaction.
import Dexie from 'dexie';
import type { AuditEntity, AuditRecord, Instant } from '../../../shared/domain/records';
import type { CuentasDatabase } from './database';

export type AuditEntryInput = Omit<AuditRecord, 'seq' | 'at'> & { at?: Instant };

/** Call inside the caller's transaction (the audit table must be in its scope). */
export async function writeAudit(db: CuentasDatabase, entry: AuditEntryInput): Promise<void> {
  await db.audit.add({ ...entry, at: entry.at ?? new Date().toISOString() });
}

export async function writeAudits(db: CuentasDatabase, entries: AuditEntryInput[]): Promise<void> {
  for (const entry of entries) await writeAudit(db, entry);
}

export interface AuditQuery {
  entity?: AuditEntity;
  entityId?: string;
  limit?: number;
}

/** Newest first. */
export async function listAudit(
  db: CuentasDatabase,
  query: AuditQuery = {},
): Promise<AuditRecord[]> {
  const limit = query.limit ?? 100;
  if (query.entity !== undefined && query.entityId !== undefined) {
    const rows = await db.audit
      .where('[entity+entityId]')
      .equals([query.entity, query.entityId])
      .toArray();
    return rows.sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0)).slice(0, limit);
  }
  if (query.entity !== undefined) {
    const rows = await db.audit
      .where('[entity+entityId]')
      .between([query.entity, Dexie.minKey], [query.entity, Dexie.maxKey])
      .toArray();
    return rows.sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0)).slice(0, limit);
  }
  return db.audit.orderBy('seq').reverse().limit(limit).toArray();
}
