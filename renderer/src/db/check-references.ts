// The integrity check: every reference the map declares must point at a row that exists.
import type { CuentasDatabase } from './database';
import {
  idsAt,
  kindMatches,
  PARENT_TABLES,
  REFERENCES,
  type ParentKind,
  type TableName,
} from './references';

export interface DanglingReference {
  table: TableName;
  /** The primary key of the row holding the reference. */
  key: unknown;
  field: string;
  /** What it should point at, and the id that is missing. */
  kind: ParentKind;
  id: string;
}

/** Lists every reference to a missing row (history links aside). Reads every table: tests, soak. */
export async function checkReferences(db: CuentasDatabase): Promise<DanglingReference[]> {
  const rowsOf = new Map<string, Record<string, unknown>[]>();
  const read = async (table: string) => {
    let rows = rowsOf.get(table);
    if (!rows) rowsOf.set(table, (rows = await db.table<Record<string, unknown>>(table).toArray()));
    return rows;
  };
  const dangling: DanglingReference[] = [];
  for (const kind of Object.keys(REFERENCES) as ParentKind[]) {
    const parentTable = PARENT_TABLES[kind];
    const keyPath = String(db.table(parentTable).schema.primKey.keyPath);
    const existing = new Set((await read(parentTable)).map((row) => row[keyPath]));
    for (const reference of REFERENCES[kind]) {
      if (reference.onDelete === 'history') continue;
      const childKey = String(db.table(reference.table).schema.primKey.keyPath);
      for (const row of await read(reference.table)) {
        if (!kindMatches(reference, row)) continue;
        for (const id of idsAt(row, reference.field)) {
          if (existing.has(id)) continue;
          dangling.push({
            table: reference.table,
            key: row[childKey],
            field: reference.field,
            kind,
            id,
          });
        }
      }
    }
  }
  return dangling;
}
