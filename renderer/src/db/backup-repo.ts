// Full backups: every table out to one JSON file, and a checked restore that replaces all data.
import type { BackupContent } from '../../../shared/formats/backup';
import {
  backupSummary,
  checkBackupRows,
  parseBackup,
  serializeBackup,
} from '../../../shared/formats/backup';
import type { CuentasDatabase } from './database';
import { SCHEMA_VERSIONS } from './schema';
import { backupTables } from './references';

export const CURRENT_SCHEMA_VERSION = Math.max(...SCHEMA_VERSIONS.map((entry) => entry.version));

export function tableNames(db: CuentasDatabase): string[] {
  // The schema's tables but the derived ones (references.ts: rebuilt from the data, and a
  // restore's writes drop them); a database built from an older version list has only its own.
  const present = new Set(db.tables.map((table) => table.name));
  return backupTables().filter((name) => present.has(name));
}

/** Every row of every table, read in one transaction so the copy is consistent. */
export async function readAllTables(db: CuentasDatabase): Promise<BackupContent> {
  const names = tableNames(db);
  return db.transaction('r', names, async () => {
    const tables: Record<string, unknown[]> = {};
    for (const name of names) tables[name] = await db.table(name).toArray();
    return { schemaVersion: CURRENT_SCHEMA_VERSION, createdAt: new Date().toISOString(), tables };
  });
}

export async function exportBackup(db: CuentasDatabase): Promise<string> {
  return serializeBackup(await readAllTables(db));
}

export interface BackupPreview {
  content: BackupContent;
  /** Table → number of rows in the file. */
  counts: Record<string, number>;
}

/** Reads a backup file without touching the data: what the user is asked to confirm. */
export function previewBackup(db: CuentasDatabase, text: string): BackupPreview {
  const content = parseBackup(text, CURRENT_SCHEMA_VERSION, tableNames(db));
  return { content, counts: backupSummary(content) };
}

/** Replaces every table with the backup's rows, all or nothing. */
export async function restoreBackup(db: CuentasDatabase, content: BackupContent): Promise<void> {
  // parseBackup checked the rows already; a content built elsewhere is checked before any clear().
  checkBackupRows(content);
  const names = tableNames(db);
  await db.transaction('rw', names, async () => {
    for (const name of names) {
      const table = db.table(name);
      await table.clear();
      const rows = content.tables[name] ?? [];
      if (rows.length > 0) await table.bulkAdd(rows);
    }
  });
}

/** True when the app holds no clients, invoices or payments (a restore then loses nothing). */
export async function isDatabaseEmpty(db: CuentasDatabase): Promise<boolean> {
  const counts = await Promise.all([db.clients.count(), db.invoices.count(), db.payments.count()]);
  return counts.every((count) => count === 0);
}
