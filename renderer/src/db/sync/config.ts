// The sync settings kept in the database (never the password: see features/sync/credentials.ts).
import type { Table } from 'dexie';
import type { CuentasDatabase } from '../database';
import { SYNC_META } from './change-log';
import { enableChangeLog } from './engine';
import type { SyncConfig, SyncMetaRecord } from './records';

export const DEFAULT_SYNC_CONFIG: SyncConfig = {
  url: '',
  database: '',
  user: '',
  enabled: false,
  paused: false,
};

function meta(db: CuentasDatabase): Table<SyncMetaRecord, string> {
  return db.table(SYNC_META);
}

export async function getSyncConfig(db: CuentasDatabase): Promise<SyncConfig> {
  if (!db.tables.some((table) => table.name === SYNC_META)) return DEFAULT_SYNC_CONFIG;
  const row = await meta(db).get('config');
  return row?.key === 'config' ? { ...DEFAULT_SYNC_CONFIG, ...row.value } : DEFAULT_SYNC_CONFIG;
}

/** Saves the settings; turning sync on starts the change log (and queues what is already here). */
export async function saveSyncConfig(db: CuentasDatabase, config: SyncConfig): Promise<void> {
  const clean: SyncConfig = {
    url: config.url.trim(),
    database: config.database.trim(),
    user: config.user.trim(),
    enabled: config.enabled,
    paused: config.paused,
  };
  if (clean.enabled) await enableChangeLog(db);
  await meta(db).put({ key: 'config', value: clean });
}
