// Removing rows by the map in references.ts: what goes with them, what refuses, what is unlinked.
// Call inside a transaction over tablesTouchedBy(kind, mode); planning only reads.
import type { IndexableType } from 'dexie';
import type { CuentasDatabase } from './database';
import { fail } from './repo-helpers';
import {
  actionFor,
  idsAt,
  indexedFields,
  kindMatches,
  kindOfTable,
  REFERENCES,
  PARENT_TABLES,
  type ParentKind,
  type Reference,
} from './references';

type Row = Record<string, unknown>;

export interface RowChange {
  before: Row;
  after: Row;
}

export interface RemovalPlan {
  /** Table → the rows that go, by primary key. */
  removed: Map<string, Map<unknown, Row>>;
  /** Table → the rows rewritten (unlinked, pulled, unmatched) and not removed, by primary key. */
  changed: Map<string, Map<unknown, RowChange>>;
}

function keyOf(db: CuentasDatabase, table: string, row: Row): unknown {
  const keyPath = db.table(table).schema.primKey.keyPath;
  return typeof keyPath === 'string' ? row[keyPath] : undefined;
}

async function rowsPointingAt(
  db: CuentasDatabase,
  reference: Reference,
  ids: readonly string[],
): Promise<Row[]> {
  const table = db.table<Row, unknown>(reference.table);
  const plain = !reference.field.includes('.');
  const indexed =
    plain &&
    (indexedFields(reference.table).has(reference.field) ||
      table.schema.primKey.keyPath === reference.field);
  // Small tables and unindexed links (notifications.target, promises.invoiceIds) are scanned.
  const candidates = indexed
    ? await table
        .where(reference.field)
        .anyOf([...ids])
        .toArray()
    : await table.toArray();
  const wanted = new Set(ids);
  return candidates.filter(
    (row) =>
      kindMatches(reference, row) && idsAt(row, reference.field).some((id) => wanted.has(id)),
  );
}

/** The row with the link cut: unlink nulls the top-level field (or the object holding the id). */
function rewrite(
  row: Row,
  reference: Reference,
  action: 'unlink' | 'pull' | 'unmatch',
  ids: Set<string>,
): Row {
  const top = reference.field.split('.')[0] ?? reference.field;
  if (action === 'unmatch') return { ...row, status: 'unmatched', paymentId: null };
  if (action === 'unlink') return { ...row, [top]: null };
  const list = Array.isArray(row[top]) ? (row[top] as unknown[]) : [];
  return { ...row, [top]: list.filter((id) => typeof id !== 'string' || !ids.has(id)) };
}

/**
 * Works out everything removing `ids` of `kind` does, following cascades; throws the first refusal.
 * delete: what a person's delete does · erase: a GDPR erasure (nothing refuses, the audit rows
 * about every removed row go too).
 */
export async function planRemoval(
  db: CuentasDatabase,
  kind: ParentKind,
  ids: readonly string[],
  mode: 'delete' | 'erase',
): Promise<RemovalPlan> {
  const plan: RemovalPlan = { removed: new Map(), changed: new Map() };
  const removedIn = (table: string) => {
    let rows = plan.removed.get(table);
    if (!rows) plan.removed.set(table, (rows = new Map<unknown, Row>()));
    return rows;
  };
  const parentTable = PARENT_TABLES[kind];
  for (const row of await db.table<Row, unknown>(parentTable).bulkGet([...ids])) {
    if (row) removedIn(parentTable).set(keyOf(db, parentTable, row), row);
  }
  const queue: { kind: ParentKind; ids: string[] }[] = [{ kind, ids: [...ids] }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const idSet = new Set(next.ids);
    for (const reference of REFERENCES[next.kind]) {
      const action = actionFor(reference, mode);
      if (action === 'history' || next.ids.length === 0) continue;
      const gone = removedIn(reference.table);
      const rows = (await rowsPointingAt(db, reference, next.ids)).filter(
        (row) => !gone.has(keyOf(db, reference.table, row)),
      );
      if (rows.length === 0) continue;
      if (action === 'refuse')
        fail('id', reference.refuseCode ?? 'not_found', { count: rows.length });
      if (action === 'cascade') {
        for (const row of rows) gone.set(keyOf(db, reference.table, row), row);
        const childKind = kindOfTable(reference.table);
        if (childKind) queue.push({ kind: childKind, ids: rows.map((row) => String(row.id)) });
        continue;
      }
      let changes = plan.changed.get(reference.table);
      if (!changes) plan.changed.set(reference.table, (changes = new Map<unknown, RowChange>()));
      for (const row of rows) {
        const key = keyOf(db, reference.table, row);
        const current = changes.get(key);
        const after = rewrite(current?.after ?? row, reference, action, idSet);
        changes.set(key, { before: current?.before ?? row, after });
      }
    }
  }
  if (mode === 'erase') {
    // Nothing about an erased row may stay in the trail (its before/after carry personal data).
    const erased = new Set<unknown>([...plan.removed.values()].flatMap((rows) => [...rows.keys()]));
    const trail = removedIn('audit');
    for (const row of await db.table<Row, unknown>('audit').toArray()) {
      if (erased.has(row.entityId)) trail.set(keyOf(db, 'audit', row), row);
    }
  }
  for (const [table, changes] of plan.changed) {
    const gone = plan.removed.get(table);
    for (const key of changes.keys()) if (gone?.has(key)) changes.delete(key);
  }
  return plan;
}

/** Writes a plan: removed rows deleted, changed rows put back. */
export async function applyRemoval(db: CuentasDatabase, plan: RemovalPlan): Promise<void> {
  for (const [table, rows] of plan.removed) {
    if (rows.size > 0) await db.table(table).bulkDelete([...rows.keys()] as IndexableType[]);
  }
  for (const [table, changes] of plan.changed) {
    if (changes.size > 0)
      await db.table(table).bulkPut([...changes.values()].map((change) => change.after));
  }
}

/** The removed rows of one table. */
export function removedRows<T>(plan: RemovalPlan, table: string): T[] {
  return [...(plan.removed.get(table)?.values() ?? [])] as T[];
}

/** The changed rows of one table, before and after. */
export function changedRows(plan: RemovalPlan, table: string): RowChange[] {
  return [...(plan.changed.get(table)?.values() ?? [])];
}
