// One CouchDB document per record: `{ _id: "<table>:<key>", table, key, values, clocks }`.
import type { SyncClock } from './clock';
import { docIdOf } from './tables';
import type { RecordState } from './merge';
import { fromJsonValue, toJsonValue } from './json-value';

export interface SyncDoc {
  _id: string;
  _rev?: string;
  table: string;
  key: string;
  values: Record<string, unknown>;
  clocks: Record<string, SyncClock>;
}

export function toDoc(table: string, key: string, state: RecordState, rev?: string): SyncDoc {
  const doc: SyncDoc = {
    _id: docIdOf(table, key),
    table,
    key,
    values: toJsonValue(state.values) as Record<string, unknown>,
    clocks: { ...state.clocks },
  };
  if (rev) doc._rev = rev;
  return doc;
}

function isRecordOf(value: unknown, check: (item: unknown) => boolean): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every(check)
  );
}

/** A document from the server, checked: anything else in the database (design docs) is skipped. */
export function parseDoc(value: unknown): SyncDoc | null {
  if (value === null || typeof value !== 'object') return null;
  const doc = value as Partial<SyncDoc>;
  if (typeof doc._id !== 'string' || typeof doc.table !== 'string') return null;
  if (typeof doc.key !== 'string' || doc._id !== docIdOf(doc.table, doc.key)) return null;
  if (!isRecordOf(doc.values, () => true)) return null;
  if (!isRecordOf(doc.clocks, (clock) => typeof clock === 'string')) return null;
  return doc as SyncDoc;
}

export function stateOfDoc(doc: SyncDoc): RecordState {
  return {
    values: fromJsonValue(doc.values) as Record<string, unknown>,
    clocks: { ...doc.clocks },
  };
}
