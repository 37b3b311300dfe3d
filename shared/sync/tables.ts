// Which tables travel to CouchDB and how: mutable records merge field by field (conflicts listed),
// facts are append-mostly with unique ids, local tables (derived data, device state) never travel.

export type SyncKind = 'mutable' | 'fact' | 'local';

export interface SyncTablePolicy {
  kind: SyncKind;
  /** Fields derived from other records on each device: never sent, recomputed after a pull. */
  derived?: readonly string[];
  /**
   * Two records from two devices with the same unique key (the same bank file imported on both):
   * 'merge' keeps one on every device (the smaller id) and folds the other's links into it;
   * 'hold' (the default) keeps the other device's aside until the user chooses.
   */
  duplicates?: 'merge' | 'hold';
}

const INVOICE_DERIVED = [
  'paidCents',
  'outstandingCents',
  'creditedCents',
  'nextDueDate',
  'disputedCents',
] as const;

/**
 * Every table of the schema, classified (a unit test fails when a table is missing). A new read
 * model or summary table is 'local': derived data is recomputed on each device, never synced.
 */
export const SYNC_TABLES: Readonly<Record<string, SyncTablePolicy>> = {
  clients: { kind: 'mutable' },
  invoices: { kind: 'mutable', derived: INVOICE_DERIVED },
  promises: { kind: 'mutable' },
  plans: { kind: 'mutable' },
  // paidCents follows the payments toward the plan (plan-payments.ts): recomputed, never merged.
  installments: { kind: 'mutable', derived: ['paidCents'] },
  disputes: { kind: 'mutable' },
  settings: { kind: 'mutable' },
  mandates: { kind: 'mutable' },
  importPresets: { kind: 'mutable' },
  savedViews: { kind: 'mutable' },
  payments: { kind: 'fact' },
  allocations: { kind: 'fact' },
  activities: { kind: 'fact' },
  audit: { kind: 'fact' },
  legalEvents: { kind: 'fact' },
  bankStatements: { kind: 'fact', duplicates: 'merge' },
  bankMovements: { kind: 'fact', duplicates: 'merge' },
  creditNotes: { kind: 'fact' },
  dunningEvents: { kind: 'fact' },
  planDocuments: { kind: 'fact' },
  // Derived or per device: the risk summaries and the notices this device already showed.
  clientHistory: { kind: 'local' },
  ledgerChunks: { kind: 'local' },
  notifications: { kind: 'local' },
  // The sync layer's own bookkeeping; the conflict list is shared so every device can review it.
  syncChanges: { kind: 'local' },
  syncDocs: { kind: 'local' },
  syncMeta: { kind: 'local' },
  // Records another device made with a key this one already uses, kept aside (renderer/src/db/sync/held.ts).
  syncHeld: { kind: 'local' },
  syncConflicts: { kind: 'fact' },
};

/** Fields every edit touches: they merge like the others but a difference there is no conflict to list. */
export const UNLISTED_CONFLICT_FIELDS: readonly string[] = ['updatedAt'];

export function syncPolicy(table: string): SyncTablePolicy {
  return SYNC_TABLES[table] ?? { kind: 'local' };
}

export function isSynced(table: string): boolean {
  return syncPolicy(table).kind !== 'local';
}

/** A record's key as it appears in a document id (audit rows use their sync id, not their seq). */
export type SyncKey = string;

/** One CouchDB document per record, its id prefixed by its table: `clients:5f1c…`. */
export function docIdOf(table: string, key: SyncKey): string {
  return `${table}:${key}`;
}

export function parseDocId(id: string): { table: string; key: SyncKey } | null {
  const colon = id.indexOf(':');
  if (colon <= 0 || id.startsWith('_')) return null;
  return { table: id.slice(0, colon), key: id.slice(colon + 1) };
}
