// Before a newer app opens an older database (and Dexie upgrades it), the old data is copied aside.
import Dexie from 'dexie';
import { serializeBackup } from '../../../shared/formats/backup';
import { DEFAULT_DATABASE_NAME } from './database';
import { CURRENT_SCHEMA_VERSION } from './backup-repo';

/** Dexie stores version n as IndexedDB version n × 10. */
const DEXIE_VERSION_FACTOR = 10;

/**
 * Call before the app's first query. Returns the backup text when the stored schema is older than
 * this app's, or null (fresh install, same version, or a browser that cannot list databases).
 */
export async function backupBeforeUpgrade(
  name: string = DEFAULT_DATABASE_NAME,
): Promise<string | null> {
  if (typeof indexedDB.databases !== 'function') return null;
  const found = (await indexedDB.databases()).find((info) => info.name === name);
  const storedVersion = (found?.version ?? 0) / DEXIE_VERSION_FACTOR;
  if (storedVersion < 1 || storedVersion >= CURRENT_SCHEMA_VERSION) return null;
  // Opened without a schema, Dexie reads the tables as they are and changes nothing.
  const old = new Dexie(name);
  try {
    await old.open();
    const tables: Record<string, unknown[]> = {};
    for (const table of old.tables) tables[table.name] = await table.toArray();
    return serializeBackup({
      schemaVersion: storedVersion,
      createdAt: new Date().toISOString(),
      tables,
    });
  } finally {
    old.close();
  }
}
