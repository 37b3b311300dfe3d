// The versioned IndexedDB schema: a new version is one more entry here, with its upgrade function.
import type { Transaction } from 'dexie';
import { buildReadModelIn } from './ledger-read-model';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

/** The ledger's read model built anew from the tables, inside an upgrade (its format changed). */
function buildReadModel(tx: Transaction): Promise<void> {
  return buildReadModelIn(
    tx.table('invoices'),
    tx.table('payments'),
    tx.table('ledgerChunks'),
    tx.table('allocations'),
  );
}

/*
 * v1 indexes, chosen for the screens at 100,000 invoices:
 * - invoices.nextDueDate is null once an invoice is settled, and IndexedDB does not index null,
 *   so `nextDueDate < today` on that index is exactly the overdue set; [lifecycle+nextDueDate]
 *   narrows it to issued invoices without a table scan.
 * - &[clientId+number] makes a duplicate invoice number per client impossible even if code forgets.
 * - audit [entity+entityId] serves an entity's history; ++seq keeps insertion order.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      clients: 'id, name, taxId',
      invoices:
        'id, clientId, &[clientId+number], issueDate, nextDueDate, [lifecycle+nextDueDate], planId',
      payments: 'id, clientId, date',
      allocations: 'id, paymentId, invoiceId, clientId',
      activities: 'id, clientId, invoiceId, date, followUpDate',
      promises: 'id, clientId, promisedDate, status',
      plans: 'id, clientId, status',
      installments: 'id, planId, dueDate',
      disputes: 'id, invoiceId, clientId, status',
      settings: 'key',
      audit: '++seq, at, [entity+entityId]',
    },
  },
  {
    // v2 adds the tables of collections, plans' documents, notifications, bank statements,
    // SEPA mandates and the legal path. Open for additive changes until the first release.
    version: 2,
    stores: {
      dunningEvents: 'id, clientId, date, *invoiceIds',
      notifications: 'id, &eventKey, firedAt',
      bankStatements: 'id, &fingerprint, importedAt',
      bankMovements: 'id, statementId, &fingerprint, date, status',
      importPresets: 'id, name',
      savedViews: 'id, name',
      mandates: 'id, clientId, &reference',
      legalEvents: 'id, clientId, date, kind',
      planDocuments: 'id, planId',
      // Derived risk history per client (renderer/src/db/client-history.ts).
      clientHistory: 'clientId',
    },
  },
  {
    // v3 (one ledger truth): credit notes reduce what an invoice owes; a payment finds the bank
    // movement linked to it (so deleting it returns the movement to "por conciliar").
    version: 3,
    stores: {
      creditNotes: 'id, invoiceId, clientId, date',
      bankMovements: 'id, statementId, &fingerprint, date, status, paymentId',
    },
  },
  {
    // v4: reconciling a statement reads open invoices' facts from index keys alone
    // (renderer/src/db/statements/reconciliation-reads.ts), not 25,000 whole records at 100,000;
    // invoices by number alone, so a new invoice's number is checked across all clients
    // (numbered per series, not per client) and the next number of a series is proposed.
    // The ledger's read model (issue 14): one row per client with its invoices' columns
    // (ledger-read-model.ts), built here from the invoices.
    // Sync through CouchDB (issue 15): the change log waiting to be pushed, each synced record's
    // clocks and server revision, the device and checkpoint, and the conflict list.
    version: 4,
    stores: {
      invoices:
        'id, clientId, &[clientId+number], issueDate, nextDueDate, [lifecycle+nextDueDate], planId, ' +
        'number, [lifecycle+nextDueDate+clientId+number+outstandingCents]',
      syncChanges: 'docId',
      syncDocs: 'id',
      syncMeta: 'key',
      syncConflicts: 'id, at',
      ledgerChunks: 'clientId',
    },
    upgrade: buildReadModel,
  },
  {
    // v5 (sync, issue 15): two devices can each make invoice 2026-0042 for the same client while
    // offline; both must be stored for the pull to go on, so [clientId+number] is no longer unique
    // (the repositories still refuse a taken number on this device) and sync lists the pair.
    // syncHeld keeps aside another device's record whose unique key (a mandate's reference, a
    // bank file's fingerprint) is taken here.
    version: 5,
    stores: {
      invoices:
        'id, clientId, [clientId+number], issueDate, nextDueDate, [lifecycle+nextDueDate], planId, ' +
        'number, [lifecycle+nextDueDate+clientId+number+outstandingCents]',
      syncHeld: 'id, at',
    },
  },
  {
    // v6 (issue 14): the invoices with a corrective invoice recorded for their VAT, by its date.
    // Only those have a key (vatRecovery is null or absent elsewhere): the whole ledger's VAT list
    // reads them and the read model's candidates (vat-recovery-candidates.ts), not every open one.
    version: 6,
    stores: {
      invoices:
        'id, clientId, [clientId+number], issueDate, nextDueDate, [lifecycle+nextDueDate], planId, ' +
        'number, [lifecycle+nextDueDate+clientId+number+outstandingCents], ' +
        'vatRecovery.correctiveInvoiceDate',
    },
  },
  {
    // v7 (issue 14): the read model's rows by the rev of the write that made them, so the copy of
    // the model kept in memory (ledger-mirror.ts) reads only what changed since its own rev. The
    // model is rebuilt in the new format (4: rows stamped with a rev, a marker with an epoch).
    version: 7,
    stores: {
      ledgerChunks: 'clientId, rev',
    },
    upgrade: buildReadModel,
  },
];
