// Records two devices made with the same unique key: the pull never stops on them. The same bank
// file imported on both keeps one copy everywhere (its links folded in, a transfer booked twice
// taken back); another device's mandate with a reference taken here waits aside for the user.
import type { Table, Transaction } from 'dexie';
import type { CuentasDatabase } from '../database';
import type {
  BankMovementRecord,
  ClientRecord,
  InvoiceRecord,
} from '../../../../shared/domain/records';
import { mergeStates, recordOf } from '../../../../shared/sync/merge';
import type { RecordState } from '../../../../shared/sync/merge';
import { docIdOf } from '../../../../shared/sync/tables';
import { writeAudit } from '../audit';
import { deletePayment } from '../payments-repo';
import { linkMovementToPayment } from '../payments/receive-money';
import { SYNC_DOCS, markSyncApply, unmarkSyncApply } from './change-log';
import type { SyncDocRecord, SyncHeldRecord } from './records';

export const SYNC_HELD = 'syncHeld';

type Row = Record<string, unknown>;
type Key = string | number;

export function heldTable(db: CuentasDatabase): Table<SyncHeldRecord, string> {
  return db.table(SYNC_HELD);
}

export function hasHeldTable(db: CuentasDatabase): boolean {
  return db.tables.some((table) => table.name === SYNC_HELD);
}

function isKeyPart(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** The first unique index whose key in `record` another row of the table already has. */
export async function findClash(
  target: Table<Row, Key>,
  record: Row,
  key: Key,
): Promise<{ index: string; otherKey: Key } | null> {
  for (const index of target.schema.indexes) {
    if (!index.unique || index.multi) continue;
    const path = index.keyPath;
    const value = Array.isArray(path)
      ? path.map((part) => record[part])
      : typeof path === 'string'
        ? record[path]
        : undefined;
    const valid = Array.isArray(value) ? value.every(isKeyPart) : isKeyPart(value);
    if (!valid) continue;
    const keys = await target
      .where(index.name)
      .equals(value as string | number | (string | number)[])
      .primaryKeys();
    const otherKey = keys.find((found) => found !== key);
    if (otherKey !== undefined) return { index: index.name, otherKey };
  }
  return null;
}

function entry(
  fields: Pick<SyncHeldRecord, 'id' | 'kind' | 'table' | 'index' | 'key' | 'keptKey' | 'source'> &
    Partial<SyncHeldRecord>,
): SyncHeldRecord {
  return {
    record: {},
    state: null,
    rev: null,
    gone: false,
    tookBack: null,
    at: new Date().toISOString(),
    resolvedAt: null,
    resolution: null,
    ...fields,
  };
}

/** Inside the pull's transaction: another device's record, whose key is taken here, goes aside. */
export async function setAsideRemote(
  db: CuentasDatabase,
  docId: string,
  table: string,
  key: string,
  clash: { index: string; otherKey: Key },
  merge: boolean,
  state: RecordState,
  record: Row,
  rev: string | null,
): Promise<void> {
  await heldTable(db).put(
    entry({
      id: docId,
      kind: merge ? 'merged' : 'held',
      table,
      index: clash.index,
      key,
      keptKey: String(clash.otherKey),
      source: 'remote',
      record,
      state,
      rev,
    }),
  );
}

/**
 * Inside the pull's transaction: the other device's copy of the same fact wins (the smaller id),
 * so this device's copy is kept here for its links and deleted as a local change (a tombstone).
 */
export async function setAsideLocal(
  db: CuentasDatabase,
  tx: Transaction,
  target: Table<Row, Key>,
  clash: { index: string; otherKey: Key },
  keptKey: string,
): Promise<void> {
  const row = await target.get(clash.otherKey);
  if (!row) return;
  await heldTable(db).put(
    entry({
      id: docIdOf(target.name, String(clash.otherKey)),
      kind: 'merged',
      table: target.name,
      index: clash.index,
      key: String(clash.otherKey),
      keptKey,
      source: 'local',
      record: row,
    }),
  );
  unmarkSyncApply(tx);
  await target.delete(clash.otherKey);
  markSyncApply(tx);
}

/** A later version of a record kept aside: merged into what is kept. */
export async function updateHeld(
  db: CuentasDatabase,
  held: SyncHeldRecord,
  remote: RecordState,
  rev: string | null,
): Promise<void> {
  const state = held.state ? mergeStates(held.state, remote) : remote;
  const record = recordOf(state);
  await heldTable(db).put({
    ...held,
    state,
    rev,
    record: record ?? held.record,
    gone: record === undefined,
  });
}

/** After pulled invoices are stored: another invoice of the same client and number is listed. */
export async function noteSameNumbers(
  db: CuentasDatabase,
  invoices: readonly Row[],
): Promise<void> {
  const pairs = invoices.flatMap((invoice) =>
    typeof invoice.clientId === 'string' && typeof invoice.number === 'string'
      ? [[invoice.clientId, invoice.number] as [string, string]]
      : [],
  );
  if (pairs.length === 0) return;
  const found = await db.invoices.where('[clientId+number]').anyOf(pairs).toArray();
  const byPair = new Map<string, string[]>();
  for (const row of found) {
    const pair = JSON.stringify([row.clientId, row.number]);
    byPair.set(pair, [...(byPair.get(pair) ?? []), row.id]);
  }
  for (const invoice of invoices) {
    const ids = byPair.get(JSON.stringify([invoice.clientId, invoice.number])) ?? [];
    for (const other of ids) {
      if (other === invoice.id || typeof invoice.id !== 'string') continue;
      const pairId = `number:${[invoice.id, other].sort().join('+')}`;
      if (await heldTable(db).get(pairId)) continue;
      await heldTable(db).put(
        entry({
          id: pairId,
          kind: 'same_number',
          table: 'invoices',
          index: '[clientId+number]',
          key: invoice.id,
          keptKey: other,
          source: 'remote',
          record: invoice,
        }),
      );
    }
  }
}

async function resolve(
  db: CuentasDatabase,
  held: SyncHeldRecord,
  resolution: NonNullable<SyncHeldRecord['resolution']>,
  extra: Partial<SyncHeldRecord> = {},
): Promise<void> {
  await heldTable(db).put({ ...held, ...extra, resolvedAt: new Date().toISOString(), resolution });
}

/**
 * Stores the other device's record as pulled, with its sync state: it is no longer aside. Runs
 * inside the caller's transaction `tx` (over the record's table and syncDocs).
 */
export async function adoptHeld(
  db: CuentasDatabase,
  tx: Transaction,
  held: SyncHeldRecord,
  record: Row,
): Promise<void> {
  markSyncApply(tx);
  await db.table<Row, Key>(held.table).put(record);
  const clocks = held.state?.clocks ?? {};
  await db.table<SyncDocRecord, string>(SYNC_DOCS).put({
    id: held.id,
    table: held.table,
    localKey: held.key,
    clocks,
    baseClocks: clocks,
    rev: held.rev,
  });
}

/** Puts another device's record aside no more: stored as pulled, with its sync state. */
async function release(db: CuentasDatabase, held: SyncHeldRecord, record: Row): Promise<void> {
  const target = db.table<Row, Key>(held.table);
  await db.transaction('rw', [target, db.table(SYNC_DOCS), heldTable(db)], (tx) =>
    adoptHeld(db, tx, held, record),
  );
}

/** The statement's movements that point at the copy set aside point at the copy kept. */
async function repointMovements(db: CuentasDatabase, held: SyncHeldRecord): Promise<void> {
  const fingerprint = held.record.fingerprint;
  if (typeof fingerprint !== 'string') return;
  const kept = await db.bankStatements.where('fingerprint').equals(fingerprint).first();
  if (!kept || kept.id === held.key) return;
  const moved = await db.bankMovements.where('statementId').equals(held.key).primaryKeys();
  if (moved.length === 0) return;
  await db.transaction('rw', [db.bankMovements, db.audit], async () => {
    for (const id of moved) await db.bankMovements.update(id, { statementId: kept.id });
    await writeAudit(db, {
      entity: 'bank_movement',
      entityId: `statement:${kept.id}`,
      action: 'update',
      summary: `Sincronización: el extracto ${kept.fileName} se importó en dos equipos; se guarda una vez`,
      before: { statementId: held.key },
      after: { statementId: kept.id, movements: moved.length },
    });
  });
}

/**
 * The movement set aside and the one kept are the same transfer: one payment at most. A payment
 * linked to the copy set aside links to the kept one when it has none; when the kept one already
 * has its own, the other payment booked the same transfer twice and is taken back.
 */
async function foldMovement(db: CuentasDatabase, held: SyncHeldRecord): Promise<boolean> {
  const moved = held.record as Partial<BankMovementRecord>;
  if (typeof moved.fingerprint !== 'string') return true;
  const kept = await db.bankMovements.where('fingerprint').equals(moved.fingerprint).first();
  const paymentId = moved.paymentId ?? null;
  if (!kept || kept.id === held.key || !paymentId || kept.paymentId === paymentId) return true;
  const payment = await db.payments.get(paymentId);
  if (!payment) {
    // Deleted here already (known), or not pulled yet: then the next pull settles it.
    return (await db.table<SyncDocRecord, string>(SYNC_DOCS).get(docIdOf('payments', paymentId)))
      ? true
      : false;
  }
  if (await db.bankMovements.where('paymentId').equals(paymentId).first()) return true;
  if (kept.paymentId === null) {
    if (kept.status === 'unmatched' && kept.amountCents === payment.amountCents) {
      await linkMovementToPayment(db, kept.id, paymentId);
    }
    return true;
  }
  await deletePayment(db, paymentId);
  await resolve(db, held, 'merged', {
    tookBack: {
      paymentId,
      amountCents: payment.amountCents,
      clientId: payment.clientId,
    },
  });
  return false;
}

async function settleOne(db: CuentasDatabase, held: SyncHeldRecord): Promise<void> {
  switch (held.kind) {
    case 'merged':
      if (held.table === 'bankStatements') {
        await repointMovements(db, held);
        if (!held.resolvedAt) await resolve(db, held, 'merged');
        return;
      }
      if (held.table === 'bankMovements') {
        if (await foldMovement(db, held)) await resolve(db, held, 'merged');
        return;
      }
      await resolve(db, held, 'merged');
      return;
    case 'held': {
      if (held.gone) {
        await resolve(db, held, 'kept_here');
        return;
      }
      const target = db.table<Row, Key>(held.table);
      if (await findClash(target, held.record, held.key)) return;
      await release(db, held, held.record);
      await resolve(db, held, 'released');
      return;
    }
    case 'same_number': {
      const [a, b] = await db.invoices.bulkGet([held.key, held.keptKey]);
      if (!a || !b || a.clientId !== b.clientId || a.number !== b.number) {
        await resolve(db, held, 'renumbered');
      }
      return;
    }
  }
}

/**
 * After a pull: records set aside are released when their key is free again, the same bank file's
 * copies are folded into one, and invoice pairs no longer sharing a number leave the list.
 */
export async function settleHeld(db: CuentasDatabase): Promise<void> {
  if (!hasHeldTable(db)) return;
  const open = await heldTable(db)
    .filter((row) => row.resolvedAt === null || row.table === 'bankStatements')
    .toArray();
  // Statements first: their movements then point at the copy kept.
  open.sort(
    (a, b) => (a.table === 'bankStatements' ? 0 : 1) - (b.table === 'bankStatements' ? 0 : 1),
  );
  for (const held of open) await settleOne(db, held);
}

/** The duplicates list, newest first (resolved ones stay listed, as facts of what sync did). */
export async function listHeld(db: CuentasDatabase): Promise<SyncHeldRecord[]> {
  if (!hasHeldTable(db)) return [];
  return heldTable(db).orderBy('at').reverse().toArray();
}

/** The two invoices of a 'same_number' entry, as they are now. */
export async function heldInvoices(
  db: CuentasDatabase,
  held: SyncHeldRecord,
): Promise<InvoiceRecord[]> {
  const rows = await db.invoices.bulkGet([held.key, held.keptKey]);
  return rows.filter((row): row is InvoiceRecord => row !== undefined);
}

/** A 'same_number' entry as the list shows it: its two invoices now, and their client. */
export interface HeldSameNumber {
  invoices: InvoiceRecord[];
  /** The client's name as stored, else its tax id; null when the client is gone. */
  clientLabel: string | null;
}

/** The two invoices of a 'same_number' entry and the client they share (read as it is now). */
export async function heldSameNumber(
  db: CuentasDatabase,
  held: SyncHeldRecord,
): Promise<HeldSameNumber> {
  const invoices = await heldInvoices(db, held);
  const clientId =
    invoices[0]?.clientId ??
    (typeof held.record.clientId === 'string' ? held.record.clientId : null);
  const client: ClientRecord | undefined = clientId ? await db.clients.get(clientId) : undefined;
  const clientLabel = client ? client.name.trim() || client.taxId.trim() || null : null;
  return { invoices, clientLabel };
}
