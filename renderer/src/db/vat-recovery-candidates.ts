// The whole ledger's VAT list reads only the open invoices whose VAT can need attention today.
import Dexie from 'dexie';
import type { CalendarDate } from '../../../shared/domain/dates';
import type { ClientRecord, InvoiceRecord, LegalEventRecord } from '../../../shared/domain/records';
import {
  canNeedVatAttention,
  vatAttentionBounds,
} from '../../../shared/domain/vat-recovery-candidates';
import type { VatRecoverySettings } from '../../../shared/domain/vat-recovery-status';
import type { CuentasDatabase } from './database';
import { loadOpenCompactInvoices } from './ledger-read-model';
import { readMirror } from './ledger-mirror';

/** Index of the invoices with a corrective invoice recorded (schema v6); others have no key there. */
export const VAT_STARTED_INDEX = 'vatRecovery.correctiveInvoiceDate';

export interface VatCandidates {
  /** Whole records, in the order the full read gave them: issued then written off, by index key. */
  invoices: InvoiceRecord[];
  clients: ClientRecord[];
  legalEvents: LegalEventRecord[];
}

/** The full read's order: `[lifecycle+nextDueDate]` index order, issued before written off. */
function byOpenIndex(a: InvoiceRecord, b: InvoiceRecord): number {
  if (a.lifecycle !== b.lifecycle) return a.lifecycle === 'issued' ? -1 : 1;
  const dueA = a.nextDueDate ?? '';
  const dueB = b.nextDueDate ?? '';
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Issued or written off and not settled: the set the full read took from the index. */
function isOpen(invoice: InvoiceRecord): boolean {
  return (
    (invoice.lifecycle === 'issued' || invoice.lifecycle === 'written_off') &&
    invoice.nextDueDate !== null &&
    invoice.nextDueDate !== undefined
  );
}

/**
 * The candidates' whole records. They follow from the model's revision and the bounds, so with the
 * model in memory one read serves every caller of that revision (Hoy's card and the Panel's list):
 * a write to any invoice moves the revision. Frozen: shared, read only.
 */
async function readWanted(
  db: CuentasDatabase,
  wanted: readonly string[],
  boundsKey: string,
): Promise<(InvoiceRecord | undefined)[]> {
  const mirror = await readMirror(db);
  if (!mirror) return db.invoices.bulkGet([...wanted]);
  const key = `vatCandidates:${boundsKey}`;
  const cached = mirror.cache.get(key) as
    { wanted: readonly string[]; read: Promise<(InvoiceRecord | undefined)[]> } | undefined;
  const same =
    cached !== undefined &&
    cached.wanted.length === wanted.length &&
    cached.wanted.every((id, index) => id === wanted[index]);
  if (cached && same) return cached.read;
  const read = db.invoices.bulkGet([...wanted]).then((rows) => {
    for (const row of rows) if (row) Object.freeze(row);
    return rows;
  });
  mirror.cache.set(key, { wanted, read });
  // A failed read is not kept: the next caller reads again.
  read.catch(() => mirror.cache.delete(key));
  return read;
}

/**
 * A superset of the open invoices for which `vatNeedsAttention` can be true today, read whole:
 * - issued with money outstanding: the read model's columns say which can (canNeedVatAttention);
 * - every one with a corrective invoice recorded (its steps and later payments need attention
 *   whatever the dates), through the v6 index on `vatRecovery` (the repository keeps earlier ones
 *   in `vatRecoveryHistory` only while a latest one is set, so the index finds every such invoice);
 * - written off: few, read through `[lifecycle+nextDueDate]` as before.
 * Clients are read for these invoices only; legal events (a short table) all.
 */
export async function loadVatCandidates(
  db: CuentasDatabase,
  settings: VatRecoverySettings,
  today: CalendarDate,
): Promise<VatCandidates> {
  const bounds = vatAttentionBounds(settings, today);
  const [open, started, writtenOff, legalEvents] = await Promise.all([
    loadOpenCompactInvoices(db),
    db.invoices.orderBy(VAT_STARTED_INDEX).toArray(),
    db.invoices
      .where('[lifecycle+nextDueDate]')
      .between(['written_off', Dexie.minKey], ['written_off', Dexie.maxKey])
      .toArray(),
    db.legalEvents.toArray(),
  ]);
  const byId = new Map<string, InvoiceRecord>();
  for (const invoice of [...started, ...writtenOff]) {
    if (isOpen(invoice)) byId.set(invoice.id, invoice);
  }
  const wanted = open
    .filter((invoice) => !byId.has(invoice.id) && canNeedVatAttention(invoice, bounds))
    .map((invoice) => invoice.id);
  for (const invoice of await readWanted(db, wanted, JSON.stringify(bounds))) {
    // Read in another transaction than the model: keep only what is still open.
    if (invoice && isOpen(invoice)) byId.set(invoice.id, invoice);
  }
  const invoices = [...byId.values()].sort(byOpenIndex);
  const clientIds = [...new Set(invoices.map((invoice) => invoice.clientId))].sort();
  const clients = (await db.clients.bulkGet(clientIds)).filter(
    (client): client is ClientRecord => client !== undefined,
  );
  return { invoices, clients, legalEvents };
}
