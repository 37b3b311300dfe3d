// Records every local write of a synced table, in the write's own transaction: the record's clocks
// per field (syncDocs) and a pending change (syncChanges) that the push sends. Off until sync is set up.
import Dexie from 'dexie';
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
  Transaction,
} from 'dexie';
import type { SyncClock } from '../../../../shared/sync/clock';
import { maxClock, tickClock } from '../../../../shared/sync/clock';
import { DELETED, applyLocalEdit, changedFields } from '../../../../shared/sync/merge';
import { docIdOf, isSynced, syncPolicy } from '../../../../shared/sync/tables';
import type { SyncChangeRecord, SyncDocRecord, SyncMetaRecord } from './records';

export const SYNC_CHANGES = 'syncChanges';
export const SYNC_DOCS = 'syncDocs';
export const SYNC_META = 'syncMeta';
export const SYNC_CONFLICTS = 'syncConflicts';
const BOOKKEEPING = [SYNC_CHANGES, SYNC_DOCS, SYNC_META];

type Row = Record<string, unknown>;

interface LogState {
  enabled: boolean;
  deviceId: string;
  lastClock: SyncClock | null;
}

/** Per database name: whether the log is on, this device's id and its latest clock. */
const states = new Map<string, Promise<LogState> | LogState>();
/** Transactions that apply what came from the server: their writes are not local changes. */
const applying = new WeakSet<object>();

/** Marks a Dexie transaction as the sync engine's (call first thing inside it). */
export function markSyncApply(tx: Transaction): void {
  applying.add(tx.idbtrans);
}

/** Lets the engine write a local change (the conflict list) inside its own transaction. */
export function unmarkSyncApply(tx: Transaction): void {
  applying.delete(tx.idbtrans);
}

/** Forgets the cached state (after the engine turns the log on or off, or a test resets). */
export function resetChangeLogState(dbName: string): void {
  states.delete(dbName);
}

/** A clock later than any seen on this device (the engine calls it for remote clocks too). */
export function observeClock(dbName: string, clock: SyncClock): void {
  const state = states.get(dbName);
  if (state && !(state instanceof Promise)) state.lastClock = maxClock(state.lastClock, clock);
}

export function nextClock(dbName: string, deviceId: string): SyncClock {
  const state = states.get(dbName);
  const last = state && !(state instanceof Promise) ? state.lastClock : null;
  const clock = tickClock(last, Date.now(), deviceId);
  if (state && !(state instanceof Promise)) state.lastClock = clock;
  return clock;
}

function loadState(meta: DBCoreTable, trans: DBCoreTransaction): Promise<LogState> {
  return meta.getMany({ trans, keys: ['device', 'changeLog'] }).then((rows) => {
    const [device, log] = rows as (SyncMetaRecord | undefined)[];
    const deviceValue = device?.key === 'device' ? device.value : null;
    const logValue = log?.key === 'changeLog' ? log.value : null;
    return {
      enabled: Boolean(logValue?.enabled && deviceValue),
      deviceId: deviceValue?.deviceId ?? '',
      lastClock: deviceValue?.lastClock ?? null,
    };
  });
}

/** The key a record has in its document id: audit rows carry a sync id, others their primary key. */
export function docKeyOf(table: string, row: Row | undefined, primaryKey: unknown): string | null {
  if (table === 'audit') return typeof row?.syncId === 'string' ? row.syncId : null;
  return typeof primaryKey === 'string' || typeof primaryKey === 'number'
    ? String(primaryKey)
    : null;
}

/** The fields that travel: derived ones (recomputed on each device) stay out. */
export function syncedFields(table: string, fields: readonly string[]): string[] {
  const derived = syncPolicy(table).derived ?? [];
  return fields.filter((field) => !derived.includes(field));
}

interface Edit {
  table: string;
  localKey: string | number;
  docKey: string;
  /** undefined: the record was deleted. */
  after: Row | undefined;
  /** null: created (every field is new). */
  fields: string[] | null;
}

export const syncChangeLogMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'syncChangeLog',
  // Below the client-history middleware (10) and above Dexie's hooks (2): it sees every write
  // in Dexie's transaction zone, which its promise chains keep.
  level: 5,
  create(down) {
    const present = down.schema.tables.some((table) => table.name === SYNC_CHANGES);
    if (!present) return {};
    const dbName = down.schema.name;
    const meta = down.table(SYNC_META);
    const docs = down.table(SYNC_DOCS);
    const changes = down.table(SYNC_CHANGES);

    // Dexie keeps its transaction zone through its own promises only: no native await in here.
    const stateFor = (trans: DBCoreTransaction): Promise<LogState> => {
      const cached = states.get(dbName);
      if (cached) return Dexie.Promise.resolve(cached);
      const loading = loadState(meta, trans).then(
        (state) => {
          states.set(dbName, state);
          return state;
        },
        (error: unknown) => {
          states.delete(dbName);
          throw error;
        },
      );
      states.set(dbName, loading);
      return loading;
    };

    const record = (trans: DBCoreTransaction, state: LogState, edits: Edit[]): Promise<void> => {
      if (edits.length === 0) return Dexie.Promise.resolve();
      const ids = edits.map((edit) => docIdOf(edit.table, edit.docKey));
      return docs
        .getMany({ trans, keys: ids })
        .then((found) => {
          const existing = found as (SyncDocRecord | undefined)[];
          const byId = new Map<string, SyncDocRecord>();
          const pending = new Map<string, SyncChangeRecord>();
          edits.forEach((edit, index) => {
            const id = ids[index]!;
            const previous = byId.get(id) ?? existing[index];
            const clock = tickClock(state.lastClock, Date.now(), state.deviceId);
            state.lastClock = clock;
            const fields =
              edit.after === undefined
                ? null
                : syncedFields(edit.table, edit.fields ?? Object.keys(edit.after)).filter(
                    (field) => !(edit.table === 'audit' && field === 'seq'),
                  );
            // An edit of a live record keeps $deleted as it is; a creation sets it with its clock.
            const start = {
              values: edit.fields !== null ? { [DELETED]: false } : {},
              clocks: previous?.clocks ?? {},
            };
            const { clocks } = applyLocalEdit(start, edit.after, fields, clock);
            byId.set(id, {
              id,
              table: edit.table,
              localKey: edit.localKey,
              clocks,
              baseClocks: previous?.baseClocks ?? {},
              rev: previous?.rev ?? null,
            });
            pending.set(id, { docId: id, table: edit.table, clock });
          });
          return docs
            .mutate({ type: 'put', trans, values: [...byId.values()] })
            .then(() => changes.mutate({ type: 'put', trans, values: [...pending.values()] }));
        })
        .then(() => undefined);
    };

    const writeThenRecord = (
      req: DBCoreMutateRequest,
      table: DBCoreTable,
      state: LogState,
    ): Promise<DBCoreMutateResponse> => {
      const name = table.name;
      const primaryKey = table.schema.primaryKey;
      if (req.type === 'add' || req.type === 'put') {
        let values = req.values as Row[];
        if (name === 'audit') {
          values = values.map((row) =>
            typeof row.syncId === 'string'
              ? row
              : { ...row, syncId: `${state.deviceId}.${crypto.randomUUID()}` },
          );
          req = { ...req, values, wantResults: true };
        }
        const keys: unknown[] =
          req.keys ?? values.map((row): unknown => primaryKey.extractKey?.(row) ?? undefined);
        const known = keys.filter((key) => key !== undefined);
        const readBefore =
          req.type === 'put' && known.length === keys.length
            ? table.getMany({ trans: req.trans, keys })
            : Dexie.Promise.resolve([]);
        const write = req;
        return readBefore.then((rows) => {
          const before = rows as (Row | undefined)[];
          return table.mutate(write).then((result) => {
            const edits: Edit[] = [];
            values.forEach((after, index) => {
              if (result.failures[index]) return;
              const localKey = (result.results?.[index] ?? keys[index]) as string | number;
              const docKey = docKeyOf(name, after, localKey);
              if (docKey === null) return;
              const old = before[index];
              const fields = old ? syncedFields(name, changedFields(old, after)) : null;
              if (fields && fields.length === 0) return;
              edits.push({ table: name, localKey, docKey, after, fields });
            });
            return record(write.trans, state, edits).then(() => result);
          });
        });
      }
      const readGone: Promise<{ key: unknown; row: Row }[]> =
        req.type === 'delete'
          ? table
              .getMany({ trans: req.trans, keys: req.keys })
              .then((rows) =>
                (rows as (Row | undefined)[]).flatMap((row, index) =>
                  row ? [{ key: req.keys[index] as unknown, row }] : [],
                ),
              )
          : table
              .query({
                trans: req.trans,
                values: true,
                query: { index: primaryKey, range: req.range },
              })
              .then((found) =>
                (found.result as Row[]).map((row) => ({
                  key: primaryKey.extractKey?.(row) as unknown,
                  row,
                })),
              );
      return readGone.then((gone) =>
        table.mutate(req).then((result) => {
          const edits = gone.flatMap(({ key, row }): Edit[] => {
            const docKey = docKeyOf(name, row, key);
            if (docKey === null) return [];
            return [
              {
                table: name,
                localKey: key as string | number,
                docKey,
                after: undefined,
                fields: null,
              },
            ];
          });
          return record(req.trans, state, edits).then(() => result);
        }),
      );
    };

    return {
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' && stores.some(isSynced)
            ? [...stores, ...BOOKKEEPING.filter((name) => !stores.includes(name))]
            : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!isSynced(name)) return table;
        return {
          ...table,
          mutate(req) {
            if (applying.has(req.trans)) return table.mutate(req);
            return stateFor(req.trans).then((state) =>
              state.enabled ? writeThenRecord(req, table, state) : table.mutate(req),
            );
          },
        };
      },
    };
  },
};
