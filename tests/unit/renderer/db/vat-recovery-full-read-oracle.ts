// TEST ORACLE, not app code: the whole-ledger VAT list as it was before issue 14 (every open invoice
// read whole, every client and legal event), kept to prove the candidates' read gives the same rows.
import Dexie from 'dexie';
import type { CalendarDate } from '../../../../shared/domain/dates';
import { invoiceVatStatus, vatNeedsAttention } from '../../../../shared/domain/vat-recovery-status';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { getVatRecoverySettings, type VatRow } from '../../../../renderer/src/db/vat-recovery-repo';

function openInvoicesOf(db: CuentasDatabase, lifecycle: 'issued' | 'written_off') {
  return db.invoices
    .where('[lifecycle+nextDueDate]')
    .between([lifecycle, Dexie.minKey], [lifecycle, Dexie.maxKey])
    .toArray();
}

/** The old `listVatRecovery(db, today)` without a client: every row of the open set. */
export async function fullReadVatRows(db: CuentasDatabase, today: CalendarDate): Promise<VatRow[]> {
  const [settings, invoices, clients, events] = await Promise.all([
    getVatRecoverySettings(db),
    Promise.all([openInvoicesOf(db, 'issued'), openInvoicesOf(db, 'written_off')]).then(
      ([issued, writtenOff]) => [...issued, ...writtenOff],
    ),
    db.clients.toArray(),
    db.legalEvents.toArray(),
  ]);
  const clientById = new Map(clients.map((client) => [client.id, client]));
  const eventsOf = new Map<string, typeof events>();
  for (const event of events) {
    const list = eventsOf.get(event.clientId) ?? [];
    list.push(event);
    eventsOf.set(event.clientId, list);
  }
  const rows: VatRow[] = [];
  for (const invoice of invoices) {
    const client = clientById.get(invoice.clientId);
    if (!client) continue;
    const started = invoice.vatRecovery != null;
    const live = invoice.lifecycle === 'issued' || invoice.lifecycle === 'written_off';
    if (!started && (!live || invoice.outstandingCents <= 0 || invoice.vatCents <= 0)) continue;
    const status = invoiceVatStatus({
      invoice,
      client,
      settings,
      legalEvents: eventsOf.get(invoice.clientId) ?? [],
      today,
    });
    rows.push({ status, invoice, client });
  }
  return rows.sort((a, b) => a.invoice.issueDate.localeCompare(b.invoice.issueDate));
}

/** What the Panel, Hoy and the notifications showed of it: the rows that need attention. */
export async function fullReadAttentionRows(
  db: CuentasDatabase,
  today: CalendarDate,
): Promise<VatRow[]> {
  return (await fullReadVatRows(db, today)).filter((row) => vatNeedsAttention(row.status, today));
}
