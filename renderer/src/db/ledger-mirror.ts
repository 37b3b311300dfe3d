// A copy of the ledger's read model kept in memory: the screens open on it instead of reading and
// decoding every row of IndexedDB each time. It follows the stored model by its marker's rev: a
// read that finds the rev moved reads only the rows stamped after it (see ReadyMarker).
import Dexie from 'dexie';
import {
  FIRST_MONEY_KEY,
  isChunk,
  isCurrentMarker,
  isMoneyRow,
  READY_KEY,
  type CompactInvoice,
  type LedgerModelRow,
  type ModelAllocation,
  type ModelPayment,
  type ReadyMarker,
} from '../../../shared/domain/ledger-read-model';
import { readStoredMoney } from '../../../shared/domain/ledger-model-decode';
import type { CuentasDatabase } from './database';
import { clientInvoicesOf } from './mirror-entries';
import { asScreenRead, whenScreensQuiet } from './screen-reads';

/**
 * A client's invoices as the model keeps them (id order), and the header of its row. Read from the
 * mirror, `invoices` is built on first use, and `invoicesOf` (mirror-entries.ts) builds only a part.
 */
export interface MirroredInvoices {
  readonly invoices: readonly CompactInvoice[];
  invoiceCount: number;
  creditCents: number;
}

/** A client's payments and allocations (id order). */
export interface MirroredMoney {
  payments: readonly ModelPayment[];
  allocations: readonly ModelAllocation[];
}

/**
 * One revision of the model, never changed once made: a later revision is a new object, so what
 * was derived from this one (see `derived`) stays true of it. Objects inside are frozen: a screen
 * that would change one would change every other screen's figures. The payments and allocations
 * are read only once a screen asks for them (the Panel): the ledger, Hoy and Clientes need only the
 * invoices, and half the bytes.
 */
export interface LedgerMirror {
  epoch: string;
  rev: number;
  /** By client id, in key order (the order the stored rows are read in). */
  invoices: ReadonlyMap<string, MirroredInvoices>;
  /** By client id, in key order; null until asked for (readMirror with money). */
  money: ReadonlyMap<string, MirroredMoney> | null;
  /**
   * Tables kept whole (the clients, the activities), each once asked for: its records in id order
   * and the marker's rev of the table when read. A write to one raises that rev (tableRevs), and
   * only then is it read again: 5.000 records take a quarter of a second to read.
   */
  tables: ReadonlyMap<WholeTable, { rows: readonly unknown[]; rev: number }>;
  /** What screens derived from this revision, by name (derived()). */
  cache: Map<string, unknown>;
}

/** The tables a caller can ask the mirror to keep whole (the middleware marks their writes). */
export type WholeTable = 'clients' | 'activities';

/** Every table the mirror can keep whole: Hoy, Clientes and the Panel read them. */
export const WHOLE_TABLES: readonly WholeTable[] = ['clients', 'activities'];

/** Which parts a caller needs: the invoices always, the money and whole tables on request. */
interface Wanted {
  money?: boolean;
  tables?: readonly WholeTable[];
}

const mirrors = new WeakMap<CuentasDatabase, LedgerMirror>();
/** The whole read in flight outside any transaction: the warm-up and the first screen share it. */
const wholeReads = new WeakMap<CuentasDatabase, Promise<LedgerMirror | null>>();

function frozen<T extends object>(value: T): T {
  return Object.freeze(value);
}

function moneyOfRow(row: LedgerModelRow): MirroredMoney | null {
  if (!isMoneyRow(row)) return null;
  const money = readStoredMoney(row);
  if (!money) return null;
  for (const payment of money.payments) frozen(payment);
  for (const allocation of money.allocations) frozen(allocation);
  return frozen({ payments: frozen(money.payments), allocations: frozen(money.allocations) });
}

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The revision after `rows` are applied to `base` (null: start empty; money rows are applied only
 * when `money` is a map to apply them to), or null when a row does not unpack (the caller then
 * reads as if there were no model, which rebuilds it).
 */
function applyRows(
  base: Pick<LedgerMirror, 'invoices' | 'tables'> | null,
  money: ReadonlyMap<string, MirroredMoney> | null,
  marker: ReadyMarker,
  rows: readonly LedgerModelRow[],
): LedgerMirror | null {
  const invoices = new Map(base?.invoices);
  const payments = money ? new Map(money) : null;
  let newInvoiceKey = false;
  let newMoneyKey = false;
  for (const row of rows) {
    if (isChunk(row)) {
      const read = clientInvoicesOf(row);
      if (!read) return null;
      newInvoiceKey ||= !invoices.has(row.clientId);
      invoices.set(row.clientId, read);
    } else if (payments && isMoneyRow(row)) {
      const read = moneyOfRow(row);
      if (!read) return null;
      newMoneyKey ||= !payments.has(row.owner);
      payments.set(row.owner, read);
    }
  }
  // A client new to this revision goes to its place: readers expect key order.
  return {
    epoch: marker.epoch ?? '',
    rev: marker.rev ?? 0,
    invoices: newInvoiceKey ? new Map([...invoices].sort(byKey)) : invoices,
    money: payments && newMoneyKey ? new Map([...payments].sort(byKey)) : payments,
    tables: base?.tables ?? new Map(),
    cache: new Map(),
  };
}

/** `mirror` without the clients whose rows are no longer among the stored `keys`. */
function withoutGone(mirror: LedgerMirror, keys: readonly unknown[]): LedgerMirror {
  const invoiceKeys = new Set<string>();
  const moneyKeys = new Set<string>();
  for (const key of keys) {
    if (typeof key === 'string') invoiceKeys.add(key);
    else if (Array.isArray(key) && typeof key[0] === 'string') moneyKeys.add(key[0]);
  }
  const gone = (map: ReadonlyMap<string, unknown>, present: Set<string>) =>
    [...map.keys()].some((key) => !present.has(key));
  const invoicesGone = gone(mirror.invoices, invoiceKeys);
  const moneyGone = mirror.money !== null && gone(mirror.money, moneyKeys);
  if (!invoicesGone && !moneyGone) return mirror;
  const kept = <T>(map: ReadonlyMap<string, T>, present: Set<string>) =>
    new Map([...map].filter(([key]) => present.has(key)));
  return {
    ...mirror,
    invoices: invoicesGone ? kept(mirror.invoices, invoiceKeys) : mirror.invoices,
    money: mirror.money && moneyGone ? kept(mirror.money, moneyKeys) : mirror.money,
    cache: new Map(),
  };
}

/**
 * Keeps `next` (merged with the parts the kept copy of the same revision has and it lacks) unless
 * a newer revision of the same build is kept; the caller gets what it read, merged.
 */
function keep(db: CuentasDatabase, next: LedgerMirror): LedgerMirror {
  const known = mirrors.get(db);
  if (known && known.epoch === next.epoch) {
    if (known.rev > next.rev) return next;
    if (known.rev === next.rev) {
      const merged: LedgerMirror = {
        ...next,
        money: next.money ?? known.money,
        tables: new Map([...known.tables, ...next.tables]),
        // What was derived from this revision stays true of it.
        cache: known.cache,
      };
      mirrors.set(db, merged);
      return merged;
    }
  }
  mirrors.set(db, next);
  return next;
}

const sameBuild = (mirror: LedgerMirror | undefined, marker: ReadyMarker) =>
  mirror !== undefined && mirror.epoch === marker.epoch;

const tableRevOf = (marker: ReadyMarker, name: WholeTable) => marker.tableRevs?.[name] ?? 0;

/** The wanted tables `mirror` lacks, or holds as of an earlier write to them than `marker` says. */
const staleTables = (mirror: LedgerMirror | null, wanted: Wanted, marker: ReadyMarker) =>
  (wanted.tables ?? []).filter(
    (name) => mirror?.tables.get(name)?.rev !== tableRevOf(marker, name),
  );

/** Whether `mirror` holds what is wanted, current as of `marker` (its rev not behind). */
const has = (mirror: LedgerMirror, wanted: Wanted, marker: ReadyMarker) =>
  (!wanted.money || mirror.money !== null) && staleTables(mirror, wanted, marker).length === 0;

/**
 * The model as of the marker read first in the current (or a new read) transaction: the kept
 * revision with only the rows stamped after it, or every row of what is missing.
 */
function readCurrent(db: CuentasDatabase, wanted: Wanted): Promise<LedgerMirror | null> {
  // Whole tables only when asked for: a caller's own transaction may not cover the others.
  const scope = [db.ledgerChunks, ...(wanted.tables ?? []).map((name) => db.table(name))];
  return db.transaction('r', scope, async () => {
    const marker = await db.ledgerChunks.get(READY_KEY);
    if (!isCurrentMarker(marker)) return null;
    const known = mirrors.get(db);
    const base = known && sameBuild(known, marker) && known.rev <= (marker.rev ?? 0) ? known : null;
    // Once read, the money is followed; a whole read of it when first wanted.
    const moneyWhole = (wanted.money || base?.money != null) && !base?.money;
    // A wanted table written since it was read (or never read) is read whole; a caller that does
    // not ask carries the others as they were, their rev telling when they are stale.
    const stale = staleTables(base, wanted, marker);
    // Rows are written and deleted only with the marker's rev raised: at the same rev, none was.
    const moved = base !== null && base.rev < (marker.rev ?? 0);
    const [changed, keys, invoiceRows, moneyRows, tableRows] = await Promise.all([
      moved ? db.ledgerChunks.where('rev').above(base.rev).toArray() : [],
      // A write deletes a client's row once it holds nothing: what is gone is no longer a key.
      moved ? db.ledgerChunks.toCollection().primaryKeys() : [],
      base
        ? []
        : db.ledgerChunks
            .where(':id')
            .below([...FIRST_MONEY_KEY])
            .toArray(),
      moneyWhole
        ? db.ledgerChunks
            .where(':id')
            .aboveOrEqual([...FIRST_MONEY_KEY])
            .toArray()
        : [],
      Promise.all(stale.map((name) => db.table(name).toArray())),
    ]);
    let next = applyRows(base, base?.money ?? (moneyWhole ? new Map() : null), marker, [
      ...invoiceRows,
      ...moneyRows,
    ]);
    // The changes after the whole money read: a money row both read whole and changed is the same.
    if (next && changed.length > 0) next = applyRows(next, next.money, marker, changed);
    if (next && moved) next = withoutGone(next, keys);
    if (next && stale.length > 0) {
      const tables = new Map(next.tables);
      stale.forEach((name, index) => {
        const rows = tableRows[index] ?? [];
        for (const row of rows) frozen(row as object);
        tables.set(name, { rows: frozen(rows), rev: tableRevOf(marker, name) });
      });
      next = { ...next, tables };
    }
    return next ? keep(db, next) : null;
  });
}

/**
 * The model as of now, from memory when its rev has not moved. Null when there is no complete
 * model (the caller reads the tables, which starts a rebuild) or inside a read-write transaction
 * (what it has written may still be undone: the caller reads the stored rows itself). Inside a
 * read transaction every read is made in it (the screen's figures agree); outside, a whole read
 * is shared by every caller. `money`: the payments and allocations are wanted too.
 */
export async function readMirror(
  db: CuentasDatabase,
  wanted: Wanted = {},
): Promise<LedgerMirror | null> {
  const transaction = Dexie.currentTransaction;
  if (transaction?.mode === 'readwrite') return null;
  const marker = await db.ledgerChunks.get(READY_KEY);
  if (!isCurrentMarker(marker)) {
    mirrors.delete(db);
    return null;
  }
  const known = mirrors.get(db);
  if (
    known &&
    sameBuild(known, marker) &&
    known.rev >= (marker.rev ?? 0) &&
    has(known, wanted, marker)
  ) {
    return known;
  }
  // Only the changes: small, read by each caller in its own transaction.
  if (transaction || (known && sameBuild(known, marker) && has(known, wanted, marker))) {
    return readCurrent(db, wanted);
  }
  // One whole read at a time, whatever each caller wants besides: then what is missing, if any.
  const inFlight = wholeReads.get(db);
  if (inFlight) {
    await inFlight.catch(() => undefined);
    return readMirror(db, wanted);
  }
  const whole = readCurrent(db, wanted).finally(() => wholeReads.delete(db));
  wholeReads.set(db, whole);
  const read = await whole;
  // A whole read that started before this marker was written may be older: read what it lacks.
  if (read && sameBuild(read, marker) && read.rev < (marker.rev ?? 0)) {
    return readCurrent(db, wanted);
  }
  return read;
}

/**
 * Reads the model into memory ahead of the first screen that needs it: the invoices, then the
 * clients and activities (Hoy, Clientes and the Panel read them whole), then the payments (the
 * Panel's first open would read them), each after the screens' own reads (screen-reads.ts).
 * Errors are the screen's to show: the model read, or null.
 */
export async function warmLedgerMirror(db: CuentasDatabase): Promise<LedgerMirror | null> {
  try {
    if (!(await readMirror(db))) return null;
    // Each step once the screens have what they asked for: the small tables, then the payments.
    await whenScreensQuiet();
    await readMirror(db, { tables: WHOLE_TABLES });
    await whenScreensQuiet();
    return await readMirror(db, { money: true, tables: WHOLE_TABLES });
  } catch {
    return null;
  }
}

/**
 * What `compute` makes of this revision, made once per revision. A revision covers every table a
 * screen reads (a promise, a plan or a setting written is a new revision too: ledger-read-model.ts),
 * so `compute` may read any of them; not the derived ones (the risk summaries), which follow from
 * the model's own tables.
 */
export function derived<T>(mirror: LedgerMirror, name: string, compute: () => T): T {
  if (mirror.cache.has(name)) return mirror.cache.get(name) as T;
  const value = compute();
  mirror.cache.set(name, value);
  return value;
}

/**
 * `derived` for what takes reading (more tables, a summary): the answer kept as a promise, so
 * callers at once share one computation; forgotten when it fails, for the next caller to retry.
 */
export function derivedAsync<T>(
  mirror: LedgerMirror,
  name: string,
  compute: () => Promise<T>,
): Promise<T> {
  const kept = mirror.cache.get(name) as Promise<T> | undefined;
  if (kept) return kept;
  const value = asScreenRead(compute());
  mirror.cache.set(name, value);
  value.catch(() => {
    if (mirror.cache.get(name) === value) mirror.cache.delete(name);
  });
  return value;
}

/**
 * What `compute` reads and makes, kept for the current revision (`derivedAsync`); made every time
 * when there is no model in memory (or inside a read-write transaction). `wanted`: what `compute`
 * will ask the mirror for besides the invoices, read with them when the model is not in memory.
 */
export async function keptForRevision<T>(
  db: CuentasDatabase,
  name: string,
  compute: () => Promise<T>,
  wanted: Wanted = {},
): Promise<T> {
  const mirror = await readMirror(db, wanted);
  return mirror ? derivedAsync(mirror, name, compute) : compute();
}

/** The mirror's payments and allocations (read with `{ money: true }`). */
export function mirroredMoney(mirror: LedgerMirror): ReadonlyMap<string, MirroredMoney> {
  if (!mirror.money) throw new Error('The ledger mirror was read without its payments');
  return mirror.money;
}

/** A table the mirror keeps whole, id order (read with `{ tables: [name] }`). */
export function mirroredTable<T>(mirror: LedgerMirror, name: WholeTable): readonly T[] {
  const table = mirror.tables.get(name);
  if (!table) throw new Error(`The ledger mirror was read without the table ${name}`);
  return table.rows as readonly T[];
}

/** Every client's invoices in key order, one array (made once per revision; do not change it). */
export function mirroredInvoiceList(mirror: LedgerMirror): readonly CompactInvoice[] {
  return derived(mirror, 'invoices', () => {
    const all: CompactInvoice[] = [];
    for (const entry of mirror.invoices.values()) {
      for (const invoice of entry.invoices) all.push(invoice);
    }
    return all;
  });
}
