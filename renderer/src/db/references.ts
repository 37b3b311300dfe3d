// The one map of which table points at which, and what deleting or erasing the target does to it.
// Delete, GDPR erase and export, backup, sample data and the integrity check all read it.
import type { IssueCode } from '../../../shared/domain/validation';
import { SCHEMA_VERSIONS } from './schema';

export type TableName =
  | 'clients'
  | 'invoices'
  | 'payments'
  | 'allocations'
  | 'activities'
  | 'promises'
  | 'plans'
  | 'installments'
  | 'disputes'
  | 'settings'
  | 'audit'
  | 'dunningEvents'
  | 'notifications'
  | 'bankStatements'
  | 'bankMovements'
  | 'importPresets'
  | 'savedViews'
  | 'mandates'
  | 'legalEvents'
  | 'planDocuments'
  | 'clientHistory'
  | 'ledgerChunks'
  | 'creditNotes'
  | 'syncChanges'
  | 'syncDocs'
  | 'syncMeta'
  | 'syncConflicts'
  | 'syncHeld';

/** What others can point at. Nothing stores a bank movement's, promise's or mandate's id. */
export type ParentKind = 'client' | 'invoice' | 'payment' | 'plan' | 'statement' | 'activity';

export const PARENT_TABLES: Readonly<Record<ParentKind, TableName>> = {
  client: 'clients',
  invoice: 'invoices',
  payment: 'payments',
  plan: 'plans',
  statement: 'bankStatements',
  activity: 'activities',
};

/**
 * cascade: the row goes with its target · refuse: the target cannot go while the row exists ·
 * unlink: the field (or the object holding it) becomes null · pull: the id leaves the array ·
 * unmatch: a bank movement goes back to "por conciliar" (status unmatched, paymentId null) ·
 * history: a record of something that may be gone (the audit trail, a returned receipt's payment):
 * kept on delete and not checked.
 */
export type OnDelete = 'cascade' | 'refuse' | 'unlink' | 'pull' | 'unmatch' | 'history';

export interface Reference {
  table: TableName;
  /** Dotted path to the id; arrays on the way are walked ("terms.invoiceAmounts.invoiceId"). */
  field: string;
  /** Polymorphic links (notifications.target, audit): the sibling path naming the kind, and its value. */
  kind?: { field: string; equals: string };
  onDelete: OnDelete;
  /** What a GDPR erase of the client does: everything about the person goes, bank records stay. */
  onErase: OnDelete;
  /** For refuse: the issue the person reads (with params.count). */
  refuseCode?: IssueCode;
}

function ref(
  table: TableName,
  field: string,
  onDelete: OnDelete,
  extra: Partial<Pick<Reference, 'kind' | 'onErase' | 'refuseCode'>> = {},
): Reference {
  // By default an erase removes whatever pointed at the erased rows; only bank records survive.
  const onErase = extra.onErase ?? (onDelete === 'unmatch' ? 'unmatch' : 'cascade');
  return { table, field, onDelete, ...extra, onErase };
}

/**
 * Audit rows name their subject by entity + entityId: kept on delete. A GDPR erase removes the
 * audit rows of every removed row (promises, disputes… included) in one pass (removal.ts).
 */
function auditOf(entity: string): Reference {
  return ref('audit', 'entityId', 'history', {
    kind: { field: 'entity', equals: entity },
    onErase: 'history',
  });
}

function notificationsOf(kind: 'client' | 'invoice' | 'plan'): Reference {
  // A notice about something deleted would open nothing; its title may carry the client's name.
  return ref('notifications', 'target.id', 'cascade', {
    kind: { field: 'target.kind', equals: kind },
  });
}

/** Sync's conflict list keeps what each device had (names, emails): it goes with the record. */
function syncConflictsOf(table: 'clients' | 'invoices'): Reference {
  return ref('syncConflicts', 'key', 'cascade', { kind: { field: 'table', equals: table } });
}

/** Order matters for refusals: the first refusing table is the one the person is told about. */
export const REFERENCES: Readonly<Record<ParentKind, readonly Reference[]>> = {
  client: [
    ref('invoices', 'clientId', 'refuse', { refuseCode: 'client_has_invoices' }),
    // Money received is never deleted as a side effect of deleting a client.
    ref('payments', 'clientId', 'refuse', { refuseCode: 'client_has_payments' }),
    ref('creditNotes', 'clientId', 'cascade'),
    ref('allocations', 'clientId', 'cascade'),
    ref('activities', 'clientId', 'cascade'),
    ref('promises', 'clientId', 'cascade'),
    ref('plans', 'clientId', 'cascade'),
    ref('disputes', 'clientId', 'cascade'),
    ref('dunningEvents', 'clientId', 'cascade'),
    ref('mandates', 'clientId', 'cascade'),
    ref('legalEvents', 'clientId', 'cascade'),
    ref('clientHistory', 'clientId', 'cascade'),
    ref('ledgerChunks', 'clientId', 'cascade'),
    notificationsOf('client'),
    // A returned receipt stays in the bank's records; it just no longer names the client.
    ref('bankMovements', 'returnOf.clientId', 'unlink', { onErase: 'unlink' }),
    auditOf('client'),
    syncConflictsOf('clients'),
  ],
  invoice: [
    ref('allocations', 'invoiceId', 'refuse', { refuseCode: 'invoice_has_payments' }),
    ref('creditNotes', 'invoiceId', 'refuse', { refuseCode: 'invoice_has_credit_notes' }),
    // A plan (even a cancelled one) names the invoice in its agreement: cancel the invoice instead.
    ref('plans', 'invoiceIds', 'refuse', { refuseCode: 'invoice_in_plan' }),
    ref('plans', 'terms.invoiceAmounts.invoiceId', 'refuse', { refuseCode: 'invoice_in_plan' }),
    ref('disputes', 'invoiceId', 'cascade'),
    // Contact history, promises and letters stay with the client; they just stop naming the invoice.
    ref('activities', 'invoiceId', 'unlink'),
    ref('promises', 'invoiceIds', 'pull'),
    ref('dunningEvents', 'invoiceIds', 'pull'),
    ref('legalEvents', 'invoiceIds', 'pull'),
    notificationsOf('invoice'),
    auditOf('invoice'),
    syncConflictsOf('invoices'),
  ],
  payment: [
    ref('allocations', 'paymentId', 'cascade'),
    ref('bankMovements', 'paymentId', 'unmatch'),
    // A returned receipt records the payment it took back, which is deleted by design.
    ref('bankMovements', 'returnOf.paymentId', 'history', { onErase: 'unlink' }),
    auditOf('payment'),
  ],
  plan: [
    ref('installments', 'planId', 'cascade'),
    ref('planDocuments', 'planId', 'cascade'),
    ref('invoices', 'planId', 'unlink'),
    ref('payments', 'planId', 'unlink'),
    notificationsOf('plan'),
    auditOf('plan'),
  ],
  statement: [ref('bankMovements', 'statementId', 'cascade')],
  activity: [
    ref('promises', 'activityId', 'unlink'),
    ref('dunningEvents', 'activityId', 'unlink'),
    auditOf('activity'),
  ],
};

/**
 * Tables that point at nothing and that nothing points at, and why they still matter:
 * settings, import presets and saved views are the person's set-up (kept by sample data, backed up).
 * The audit trail points at everything through entity + entityId (see auditOf above); on a GDPR
 * erase every audit row about an erased row goes and one anonymous entry says an erasure happened.
 */
export const SETUP_TABLES: readonly TableName[] = ['settings', 'importPresets', 'savedViews'];

/** Rebuilt from the data whenever missing: never backed up, cleared with the data they summarise. */
export const DERIVED_TABLES: readonly TableName[] = ['clientHistory', 'ledgerChunks'];

/**
 * Sync's bookkeeping (renderer/src/db/sync): the change log, clocks, checkpoint and conflict list
 * belong to this device's link with the server; not backed up, not sample data, not the ledger.
 */
export const SYNC_TABLES_LOCAL: readonly TableName[] = [
  'syncChanges',
  'syncDocs',
  'syncMeta',
  'syncConflicts',
  'syncHeld',
];

/** Every table the schema defines (a null store in a later version deletes it). */
export function schemaTables(): string[] {
  const tables = new Map<string, string | null>();
  for (const version of SCHEMA_VERSIONS) {
    for (const [name, spec] of Object.entries(version.stores)) tables.set(name, spec);
  }
  return [...tables].filter(([, spec]) => spec !== null).map(([name]) => name);
}

/** The indexed fields of a table in the latest schema ("*invoiceIds" → invoiceIds). */
export function indexedFields(table: string): Set<string> {
  let spec: string | null | undefined;
  for (const version of SCHEMA_VERSIONS) spec = version.stores[table] ?? spec;
  const fields = (spec ?? '').split(',').map((part) => part.trim().replace(/^[&*+]+/, ''));
  return new Set(fields.filter((field) => field !== '' && !field.startsWith('[')));
}

/** The ledger itself, what sample data replaces: every table but the set-up and the audit trail. */
export function ledgerTables(): string[] {
  return schemaTables().filter(
    (name) =>
      name !== 'audit' &&
      !SETUP_TABLES.includes(name as TableName) &&
      !SYNC_TABLES_LOCAL.includes(name as TableName),
  );
}

/** The tables a backup carries: every table of the schema but the derived ones. */
export function backupTables(): string[] {
  return schemaTables()
    .filter(
      (name) =>
        !DERIVED_TABLES.includes(name as TableName) &&
        !SYNC_TABLES_LOCAL.includes(name as TableName),
    )
    .sort();
}

/** Every string id found at a dotted path, walking arrays on the way. */
export function idsAt(row: unknown, path: string): string[] {
  let values: unknown[] = [row];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const value of values) {
      if (value === null || typeof value !== 'object') continue;
      const child = (value as Record<string, unknown>)[key];
      if (Array.isArray(child)) next.push(...(child as unknown[]));
      else if (child !== undefined && child !== null) next.push(child);
    }
    values = next;
  }
  return values.flatMap((value) => (typeof value === 'string' ? [value] : []));
}

/** True when a polymorphic reference's kind matches (always true for a plain one). */
export function kindMatches(reference: Reference, row: unknown): boolean {
  if (!reference.kind) return true;
  return idsAt(row, reference.kind.field).includes(reference.kind.equals);
}

export function actionFor(reference: Reference, mode: 'delete' | 'erase'): OnDelete {
  return mode === 'erase' ? reference.onErase : reference.onDelete;
}

/** The parent kind a table holds, if anything can point at its rows. */
export function kindOfTable(table: string): ParentKind | undefined {
  return (Object.keys(PARENT_TABLES) as ParentKind[]).find((kind) => PARENT_TABLES[kind] === table);
}

/** Every table a removal of `kind` may read or write (following cascades), audit included. */
export function tablesTouchedBy(kind: ParentKind, mode: 'delete' | 'erase'): TableName[] {
  const tables = new Set<TableName>(['audit']);
  const visit = (current: ParentKind, seen: Set<ParentKind>) => {
    if (seen.has(current)) return;
    seen.add(current);
    tables.add(PARENT_TABLES[current]);
    for (const reference of REFERENCES[current]) {
      const action = actionFor(reference, mode);
      if (action === 'history' && reference.table !== 'audit') continue;
      tables.add(reference.table);
      const child = kindOfTable(reference.table);
      if (action === 'cascade' && child) visit(child, seen);
    }
  };
  visit(kind, new Set());
  return [...tables];
}
