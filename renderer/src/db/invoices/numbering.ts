// Invoice numbers per series across all clients: the next number to propose, and who else has one.
import type { CalendarDate } from '../../../../shared/domain/dates';
import { nextInvoiceNumber, seriesForNext } from '../../../../shared/domain/invoice-number';
import type { CuentasDatabase } from '../database';

/** How many of the latest invoices (by issue date) decide which one was written last. */
const LATEST_WINDOW = 20;

/**
 * The next number of the series the user wrote last: the latest invoice by issue date (the one
 * recorded last among those of that date), then the highest number of its series plus one.
 */
export async function proposeInvoiceNumber(
  db: CuentasDatabase,
  today: CalendarDate,
): Promise<string> {
  const recent = await db.invoices.orderBy('issueDate').reverse().limit(LATEST_WINDOW).toArray();
  const top = recent[0];
  const latest = top
    ? recent
        .filter((invoice) => invoice.issueDate === top.issueDate)
        .reduce((a, b) => (b.createdAt > a.createdAt ? b : a)).number
    : null;
  const { series } = seriesForNext(latest, today);
  const taken =
    series === ''
      ? await db.invoices.orderBy('number').keys()
      : await db.invoices.where('number').startsWith(series).keys();
  return nextInvoiceNumber({ latest, taken: taken.map(String), today });
}

/** Other clients' invoices with this number (the same number in a series is a warning). */
export async function invoicesWithNumberElsewhere(
  db: CuentasDatabase,
  number: string,
  clientId: string,
): Promise<{ invoiceId: string; clientName: string }[]> {
  const num = number.trim();
  if (num === '') return [];
  const same = await db.invoices.where('number').equals(num).toArray();
  const others = same.filter((invoice) => invoice.clientId !== clientId);
  const clients = await db.clients.bulkGet([...new Set(others.map((row) => row.clientId))]);
  const nameOf = new Map(clients.flatMap((client) => (client ? [[client.id, client.name]] : [])));
  return others.map((invoice) => ({
    invoiceId: invoice.id,
    clientName: nameOf.get(invoice.clientId) ?? '',
  }));
}
