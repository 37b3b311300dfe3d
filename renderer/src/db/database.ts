// The Dexie database: typed tables, built from the versioned schema, opened by name.
import Dexie from 'dexie';
import type { EntityTable, Table } from 'dexie';
import type {
  ActivityRecord,
  AllocationRecord,
  AuditRecord,
  ClientRecord,
  DisputeRecord,
  InstallmentRecord,
  InvoiceRecord,
  PaymentRecord,
  PlanRecord,
  PromiseRecord,
  SettingRecord,
  DunningEventRecord,
  NotificationRecord,
  BankStatementRecord,
  BankMovementRecord,
  ImportPresetRecord,
  SavedViewRecord,
  MandateRecord,
  LegalEventRecord,
  PlanDocumentRecord,
  ClientHistoryRecord,
  CreditNoteRecord,
} from '../../../shared/domain/records';
import { clientHistoryMiddleware } from './client-history';
import { syncChangeLogMiddleware } from './sync/change-log';
import { ledgerReadModelMiddleware } from './ledger-read-model';
import type { LedgerModelRow } from '../../../shared/domain/ledger-read-model';
import { SCHEMA_VERSIONS } from './schema';
import { ROW_UPGRADES } from '../../../shared/domain/record-upgrades';
import type { RowUpgrades, StoredRow } from '../../../shared/domain/record-upgrades';
import type { SchemaVersion } from './schema';

export const DEFAULT_DATABASE_NAME = 'cuentas-claras';

export class CuentasDatabase extends Dexie {
  declare clients: EntityTable<ClientRecord, 'id'>;
  declare invoices: EntityTable<InvoiceRecord, 'id'>;
  declare payments: EntityTable<PaymentRecord, 'id'>;
  declare allocations: EntityTable<AllocationRecord, 'id'>;
  declare activities: EntityTable<ActivityRecord, 'id'>;
  declare promises: EntityTable<PromiseRecord, 'id'>;
  declare plans: EntityTable<PlanRecord, 'id'>;
  declare installments: EntityTable<InstallmentRecord, 'id'>;
  declare disputes: EntityTable<DisputeRecord, 'id'>;
  declare settings: Table<SettingRecord, SettingRecord['key']>;
  declare audit: EntityTable<AuditRecord, 'seq'>;
  declare dunningEvents: EntityTable<DunningEventRecord, 'id'>;
  declare notifications: EntityTable<NotificationRecord, 'id'>;
  declare bankStatements: EntityTable<BankStatementRecord, 'id'>;
  declare bankMovements: EntityTable<BankMovementRecord, 'id'>;
  declare importPresets: EntityTable<ImportPresetRecord, 'id'>;
  declare savedViews: EntityTable<SavedViewRecord, 'id'>;
  declare mandates: EntityTable<MandateRecord, 'id'>;
  declare legalEvents: EntityTable<LegalEventRecord, 'id'>;
  declare planDocuments: EntityTable<PlanDocumentRecord, 'id'>;
  declare clientHistory: EntityTable<ClientHistoryRecord, 'clientId'>;
  declare creditNotes: EntityTable<CreditNoteRecord, 'id'>;
  declare ledgerChunks: Table<LedgerModelRow, LedgerModelRow['clientId']>;

  constructor(
    name: string,
    versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
    rowUpgrades: RowUpgrades = ROW_UPGRADES,
  ) {
    // Money is written here: a committed transaction must be on disk, not just in the OS cache.
    super(name, { chromeTransactionDurability: 'strict' });
    for (const entry of versions) {
      const version = this.version(entry.version).stores(entry.stores);
      // Row upgrades are shared with the restore of older backups (record-upgrades.ts).
      const rows = rowUpgrades[entry.version];
      if (rows) {
        version.upgrade(async (tx) => {
          for (const [table, upgrade] of Object.entries(rows)) {
            await tx
              .table(table)
              .toCollection()
              .modify((row: StoredRow, ref: { value: StoredRow }) => {
                ref.value = upgrade({ ...row });
              });
          }
          await entry.upgrade?.(tx);
        });
      } else if (entry.upgrade) version.upgrade(entry.upgrade);
    }
    // Keeps the derived risk history consistent with every write (see client-history.ts).
    this.use(clientHistoryMiddleware);
    // Records each write of a synced table for the push, once sync is set up (sync/change-log.ts).
    this.use(syncChangeLogMiddleware);
    // Keeps the ledger's read model current in every write to invoices (ledger-read-model.ts).
    this.use(ledgerReadModelMiddleware);
  }
}

/** Builds a database with an explicit version list (tests use it to rehearse migrations). */
export function buildDatabase(
  name: string,
  versions: readonly SchemaVersion[],
  rowUpgrades?: RowUpgrades,
): CuentasDatabase {
  return new CuentasDatabase(name, versions, rowUpgrades);
}

export function openDatabase(name: string = DEFAULT_DATABASE_NAME): CuentasDatabase {
  return new CuentasDatabase(name);
}

/** Sample data lives here, never in the user's database (demo-mode.ts). */
export const DEMO_DATABASE_NAME = 'cuentas-claras-demo';
/** Persists demonstration mode across reloads: the app reopens on the demo database. */
export const DEMO_FLAG_KEY = 'cuentas-claras:demo';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled: demonstration mode just does not survive a reload
  }
}

function storedDatabaseName(): string {
  return storage()?.getItem(DEMO_FLAG_KEY) === '1' ? DEMO_DATABASE_NAME : DEFAULT_DATABASE_NAME;
}

let activeDb: CuentasDatabase | null = null;
const switchListeners = new Set<() => void>();

/**
 * The app's active database, created on first use (Dexie opens it lazily on the first query):
 * the user's, or the sample data's in demonstration mode. Every feature reads it through here.
 */
export function getDb(): CuentasDatabase {
  activeDb ??= openDatabase(storedDatabaseName());
  return activeDb;
}

/** True when the app shows sample data (or when `db` is the sample data's database). */
export function isDemoDatabase(db: CuentasDatabase = getDb()): boolean {
  return db.name === DEMO_DATABASE_NAME;
}

/**
 * Makes `db` the active database and remembers the choice; listeners (the app root, keyed by the
 * database's name) re-render so every view reads the new one. The previous instance is returned
 * open: the caller closes or deletes it once the views have moved.
 */
export function activateDatabase(db: CuentasDatabase): CuentasDatabase | null {
  const previous = activeDb;
  activeDb = db;
  if (db.name === DEMO_DATABASE_NAME) storage()?.setItem(DEMO_FLAG_KEY, '1');
  else storage()?.removeItem(DEMO_FLAG_KEY);
  for (const listener of switchListeners) listener();
  return previous === db ? null : previous;
}

/** Called after every switch of the active database; returns the unsubscribe function. */
export function onDatabaseSwitch(listener: () => void): () => void {
  switchListeners.add(listener);
  return () => switchListeners.delete(listener);
}
