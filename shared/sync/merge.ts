// The state of one synced record and how two of its versions merge: per field, the later edit wins.
import type { SyncClock } from './clock';
import { compareClocks } from './clock';
import { canonicalJson, sameValue } from './json-value';

/** The pseudo-field carrying a delete: a tombstone is `{ [DELETED]: true }` with its clock. */
export const DELETED = '$deleted';

/**
 * A record's fields (JSON values, `$deleted` included) and, per field, the clock of its last edit.
 * A field with a clock and no value was removed by that edit.
 */
export interface RecordState {
  values: Record<string, unknown>;
  clocks: Record<string, SyncClock>;
}

export const EMPTY_STATE: RecordState = { values: {}, clocks: {} };

export function isDeleted(state: RecordState): boolean {
  return state.values[DELETED] === true;
}

/** Which side's field wins: the later clock, or on equal clocks the larger value (deterministic). */
function pick(a: RecordState, b: RecordState, field: string): 'a' | 'b' {
  const ca = a.clocks[field];
  const cb = b.clocks[field];
  if (ca === undefined) return 'b';
  if (cb === undefined) return 'a';
  const order = compareClocks(ca, cb);
  if (order !== 0) return order > 0 ? 'a' : 'b';
  return canonicalJson(a.values[field] ?? null) >= canonicalJson(b.values[field] ?? null)
    ? 'a'
    : 'b';
}

/** Merges two versions field by field: commutative, associative and idempotent (a join). */
export function mergeStates(a: RecordState, b: RecordState): RecordState {
  const values: Record<string, unknown> = {};
  const clocks: Record<string, SyncClock> = {};
  const fields = new Set([...Object.keys(a.clocks), ...Object.keys(b.clocks)]);
  for (const field of [...fields].sort()) {
    const from = pick(a, b, field) === 'a' ? a : b;
    clocks[field] = from.clocks[field]!;
    if (field in from.values) values[field] = from.values[field];
  }
  return { values, clocks };
}

export interface FieldConflict {
  field: string;
  localValue: unknown;
  remoteValue: unknown;
  winner: 'local' | 'remote';
  localClock: SyncClock;
  remoteClock: SyncClock;
}

/**
 * Merges a remote version into the local one. `base` is the clocks of the version both last
 * agreed on; a field both sides edited since then to different values is a conflict (listed).
 */
export function mergeRemote(
  base: Record<string, SyncClock>,
  local: RecordState,
  remote: RecordState,
): { merged: RecordState; conflicts: FieldConflict[] } {
  const merged = mergeStates(local, remote);
  const conflicts: FieldConflict[] = [];
  for (const field of Object.keys(merged.clocks)) {
    const localClock = local.clocks[field];
    const remoteClock = remote.clocks[field];
    if (localClock === undefined || remoteClock === undefined) continue;
    const baseClock = base[field];
    const localEdited = baseClock === undefined || compareClocks(localClock, baseClock) > 0;
    const remoteEdited = baseClock === undefined || compareClocks(remoteClock, baseClock) > 0;
    if (!localEdited || !remoteEdited || localClock === remoteClock) continue;
    if (sameValue(local.values[field] ?? null, remote.values[field] ?? null)) continue;
    conflicts.push({
      field,
      localValue: local.values[field] ?? null,
      remoteValue: remote.values[field] ?? null,
      winner: merged.clocks[field] === localClock ? 'local' : 'remote',
      localClock,
      remoteClock,
    });
  }
  return { merged, conflicts };
}

/** Top-level fields whose values differ between two versions of a record (absent = undefined). */
export function changedFields(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): string[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...fields].filter((field) => {
    const a = before?.[field];
    const b = after?.[field];
    if (a === undefined || b === undefined) return a !== b;
    return !sameValue(a, b);
  });
}

/**
 * Applies a local edit to a state: the given fields take their new values (or go) with `clock`.
 * `record` undefined is a delete: the tombstone's clock beats every earlier edit.
 */
export function applyLocalEdit(
  state: RecordState,
  record: Record<string, unknown> | undefined,
  fields: readonly string[] | null,
  clock: SyncClock,
): RecordState {
  const values = { ...state.values };
  const clocks = { ...state.clocks };
  if (record === undefined) {
    values[DELETED] = true;
    clocks[DELETED] = clock;
    return { values, clocks };
  }
  const touched = fields ?? Object.keys(record);
  for (const field of touched) {
    clocks[field] = clock;
    if (record[field] === undefined) delete values[field];
    else values[field] = record[field];
  }
  if (values[DELETED] !== false || fields === null) {
    values[DELETED] = false;
    clocks[DELETED] = clock;
  }
  return { values, clocks };
}

/** The record a state describes, or undefined for a tombstone (or a state never created). */
export function recordOf(state: RecordState): Record<string, unknown> | undefined {
  if (state.values[DELETED] !== false) return undefined;
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(state.values)) {
    if (field !== DELETED) out[field] = value;
  }
  return out;
}
