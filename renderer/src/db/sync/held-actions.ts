// What the user chooses in "Conflictos de sincronización" for a record set aside by a unique key:
// keep this device's, keep the other device's, or (two invoices with one number) renumber one.
import type { CuentasDatabase } from '../database';
import type { AuditEntity } from '../../../../shared/domain/records';
import { maxClock, tickClock } from '../../../../shared/sync/clock';
import { DELETED } from '../../../../shared/sync/merge';
import { writeAudit } from '../audit';
import { deleteInvoice, updateInvoice } from '../invoices-repo';
import { fail } from '../repo-helpers';
import { SYNC_CHANGES, SYNC_DOCS, SYNC_META } from './change-log';
import { adoptHeld, heldTable } from './held';
import type { SyncChangeRecord, SyncDocRecord, SyncHeldRecord, SyncMetaRecord } from './records';

type Row = Record<string, unknown>;

const ENTITY: Readonly<Record<string, AuditEntity>> = {
  mandates: 'client',
  invoices: 'invoice',
};

async function openHeld(
  db: CuentasDatabase,
  id: string,
  kind: SyncHeldRecord['kind'],
): Promise<SyncHeldRecord> {
  const held = await heldTable(db).get(id);
  if (!held || held.kind !== kind || held.resolvedAt !== null) fail('id', 'not_found', { id });
  return held;
}

/** The audit row's entity: a mandate's client, an invoice itself. */
function entityIdOf(held: SyncHeldRecord): string {
  const { clientId } = held.record;
  return held.table === 'mandates' && typeof clientId === 'string' ? clientId : held.keptKey;
}

function labelOf(held: SyncHeldRecord): string {
  const { reference, number } = held.record;
  return typeof reference === 'string' ? reference : typeof number === 'string' ? number : held.key;
}

/** Keeps this device's record: the other device's, set aside here, is deleted on every device. */
export async function keepThisDevices(db: CuentasDatabase, id: string): Promise<void> {
  const held = await openHeld(db, id, 'held');
  const device = await db.table<SyncMetaRecord, string>(SYNC_META).get('device');
  const deviceId = device?.key === 'device' ? device.value.deviceId : 'local';
  const clocks = held.state?.clocks ?? {};
  const latest = Object.values(clocks).reduce<string | null>(maxClock, null);
  const clock = tickClock(latest, Date.now(), deviceId);
  const tables = [db.table(SYNC_DOCS), db.table(SYNC_CHANGES), heldTable(db), db.audit];
  await db.transaction('rw', tables, async () => {
    // A tombstone of the other device's record, pushed like any local delete.
    await db.table<SyncDocRecord, string>(SYNC_DOCS).put({
      id: held.id,
      table: held.table,
      localKey: held.key,
      clocks: { ...clocks, [DELETED]: clock },
      baseClocks: clocks,
      rev: held.rev,
    });
    await db
      .table<SyncChangeRecord, string>(SYNC_CHANGES)
      .put({ docId: held.id, table: held.table, clock });
    await heldTable(db).put({
      ...held,
      resolvedAt: new Date().toISOString(),
      resolution: 'kept_here',
    });
    await writeAudit(db, {
      entity: ENTITY[held.table] ?? 'setting',
      entityId: entityIdOf(held),
      action: 'delete',
      summary: `Sincronización: se queda el registro de este equipo (${labelOf(held)}); se descarta el del otro`,
      before: held.record,
      after: null,
    });
  });
}

/** Keeps the other device's record: this device's is deleted, the other's takes its place. */
export async function keepOtherDevices(db: CuentasDatabase, id: string): Promise<void> {
  const held = await openHeld(db, id, 'held');
  const target = db.table<Row, string | number>(held.table);
  const tables = [target, db.table(SYNC_DOCS), heldTable(db), db.audit];
  await db.transaction('rw', tables, async (tx) => {
    const mine = await target.get(held.keptKey);
    // This device's record goes as a local change (a tombstone for the server)…
    if (mine) await target.delete(held.keptKey);
    await writeAudit(db, {
      entity: ENTITY[held.table] ?? 'setting',
      entityId: entityIdOf(held),
      action: 'update',
      summary: `Sincronización: se queda el registro del otro equipo (${labelOf(held)})`,
      before: mine ?? null,
      after: held.record,
    });
    // …and the other device's is stored as pulled, with its sync state.
    await adoptHeld(db, tx, held, held.record);
    await heldTable(db).put({
      ...held,
      resolvedAt: new Date().toISOString(),
      resolution: 'kept_other',
    });
  });
}

function pairOf(held: SyncHeldRecord, invoiceId: string): void {
  if (invoiceId !== held.key && invoiceId !== held.keptKey) fail('invoiceId', 'not_found');
}

/** Two invoices with one number: one of them was entered twice and goes (if nothing is paid). */
export async function deleteDuplicateInvoice(
  db: CuentasDatabase,
  id: string,
  invoiceId: string,
): Promise<void> {
  const held = await openHeld(db, id, 'same_number');
  pairOf(held, invoiceId);
  await deleteInvoice(db, invoiceId);
  await heldTable(db).put({
    ...held,
    resolvedAt: new Date().toISOString(),
    resolution: 'kept_other',
  });
}

/** Two invoices with one number: both are real sales, one takes a new number. */
export async function renumberDuplicateInvoice(
  db: CuentasDatabase,
  id: string,
  invoiceId: string,
  number: string,
): Promise<void> {
  const held = await openHeld(db, id, 'same_number');
  pairOf(held, invoiceId);
  const invoice = await db.invoices.get(invoiceId);
  if (!invoice) fail('invoiceId', 'not_found', { id: invoiceId });
  await updateInvoice(db, invoiceId, {
    clientId: invoice.clientId,
    number,
    issueDate: invoice.issueDate,
    description: invoice.description,
    taxableBaseCents: invoice.taxableBaseCents,
    vatRatePercent: invoice.vatRatePercent,
    withholdingRatePercent: invoice.withholdingRatePercent,
    dues: invoice.dues.map((due) => ({ dueDate: due.dueDate, amountCents: due.amountCents })),
    lifecycle: invoice.lifecycle === 'draft' ? 'draft' : 'issued',
  });
  await heldTable(db).put({
    ...held,
    resolvedAt: new Date().toISOString(),
    resolution: 'renumbered',
  });
}
