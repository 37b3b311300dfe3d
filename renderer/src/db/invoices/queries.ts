// Reads for one invoice's detail: the record, its client's name and its credit notes.
import type { CreditNoteRecord, InvoiceRecord } from '../../../../shared/domain/records';
import type { CuentasDatabase } from '../database';
import { listCreditNotes } from './credit-notes';

export interface InvoiceDetail {
  invoice: InvoiceRecord;
  clientName: string;
  creditNotes: CreditNoteRecord[];
}

export async function getInvoice(
  db: CuentasDatabase,
  invoiceId: string,
): Promise<InvoiceRecord | null> {
  return (await db.invoices.get(invoiceId)) ?? null;
}

export async function getInvoiceDetail(
  db: CuentasDatabase,
  invoiceId: string,
): Promise<InvoiceDetail | null> {
  const invoice = await db.invoices.get(invoiceId);
  if (!invoice) return null;
  const [client, creditNotes] = await Promise.all([
    db.clients.get(invoice.clientId),
    listCreditNotes(db, invoiceId),
  ]);
  return { invoice, clientName: client?.name ?? '', creditNotes };
}

/** Credit notes of one client's invoices, by invoice id (for the client page). */
export async function creditedByInvoice(
  db: CuentasDatabase,
  clientId: string,
): Promise<Map<string, number>> {
  const notes = await db.creditNotes.where('clientId').equals(clientId).toArray();
  const sums = new Map<string, number>();
  for (const note of notes)
    sums.set(note.invoiceId, (sums.get(note.invoiceId) ?? 0) + note.amountCents);
  return sums;
}
