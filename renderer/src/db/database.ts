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

let defaultDb: CuentasDatabase | null = null;

/** The app's database, created on first use (Dexie opens it lazily on the first query). */
export function getDb(): CuentasDatabase {
  defaultDb ??= openDatabase();
  return defaultDb;
}
