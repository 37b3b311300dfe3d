// How rows written by an older schema become rows of the current one: used by the database's
// upgrade (renderer/src/db/database.ts) and by the restore of an older backup, so both agree.

export type StoredRow = Record<string, unknown>;
export type RowUpgrade = (row: StoredRow) => StoredRow;

/** Schema version → table → how a row of the previous version becomes a row of this one. */
export type RowUpgrades = Readonly<Record<number, Readonly<Record<string, RowUpgrade>>>>;

/**
 * v2 and v3 were additive (new tables, optional fields): their rows need no change. A version
 * that changes rows adds its entry here, and both the database and old backups follow it.
 */
export const ROW_UPGRADES: RowUpgrades = {};

/** The rows of each table, taken from `fromVersion` through every later version up to `toVersion`. */
export function upgradeTables(
  tables: Readonly<Record<string, unknown[]>>,
  fromVersion: number,
  toVersion: number,
  upgrades: RowUpgrades = ROW_UPGRADES,
): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = { ...tables };
  // Only the versions that have upgrades, in order: a caller may pass any upper bound (the opened-
  // file check passes Number.MAX_SAFE_INTEGER), so counting through every version would never end.
  const versions = Object.keys(upgrades)
    .map(Number)
    .filter((version) => version > fromVersion && version <= toVersion)
    .sort((a, b) => a - b);
  for (const version of versions) {
    for (const [table, upgrade] of Object.entries(upgrades[version] ?? {})) {
      const rows = out[table];
      if (!rows) continue;
      out[table] = rows.map((row) => (isRow(row) ? upgrade({ ...row }) : row));
    }
  }
  return out;
}

function isRow(value: unknown): value is StoredRow {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
