// Reads for one invoice's detail: the record, its client's name, its credit notes and its state.
import type { CreditNoteRecord, InvoiceRecord } from '../../../../shared/domain/records';
import type { CalendarDate } from '../../../../shared/domain/dates';
import { invoiceState, type InvoiceState } from '../../../../shared/domain/ledger-state';
import type { CuentasDatabase } from '../database';
import { loadStateFacts, stateContext } from '../ledger-queries';
import { listCreditNotes } from './credit-notes';

export interface InvoiceDetail {
  invoice: InvoiceRecord;
  clientName: string;
  creditNotes: CreditNoteRecord[];
  /** Derived the same way as the ledger row, so the dialog and the ledger never disagree. */
  state: InvoiceState;
}

/** The invoice's state, with its plan's invoices in the context (a plan's lateness spans them all). */
async function stateOf(
  db: CuentasDatabase,
  invoice: InvoiceRecord,
  today: CalendarDate,
): Promise<InvoiceState> {
  const facts = await loadStateFacts(db);
  const plan = facts.plans.find((candidate) => candidate.id === invoice.planId);
  const planInvoices = plan
    ? (await db.invoices.bulkGet([...plan.invoiceIds])).filter(
        (record): record is InvoiceRecord => record !== undefined,
      )
    : [];
  const ctx = stateContext(facts, [invoice, ...planInvoices], today);
  return invoiceState(invoice, ctx);
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
  today: CalendarDate,
): Promise<InvoiceDetail | null> {
  const invoice = await db.invoices.get(invoiceId);
  if (!invoice) return null;
  const [client, creditNotes, state] = await Promise.all([
    db.clients.get(invoice.clientId),
    listCreditNotes(db, invoiceId),
    stateOf(db, invoice, today),
  ]);
  return { invoice, clientName: client?.name ?? '', creditNotes, state };
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
