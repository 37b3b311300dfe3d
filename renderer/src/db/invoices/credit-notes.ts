// Credit notes (facturas rectificativas): create and delete, each re-deriving the invoice it credits.
import type { CreditNoteRecord, InvoiceRecord } from '../../../../shared/domain/records';
import { checkCreditNote, type CreditNoteInput } from '../../../../shared/domain/invoice-life';
import { formatEuros } from '../../../../shared/domain/money';
import type { CuentasDatabase } from '../database';
import { writeAudit } from '../audit';
import { recomputeDisputed, recomputeInvoice } from '../derived-fields';
import { fail, newId, nowInstant, throwIfIssues } from '../repo-helpers';

export type { CreditNoteInput };

/** Credit note numbers are the seller's own series: unique per client, like invoice numbers. */
async function assertCreditNumberFree(db: CuentasDatabase, clientId: string, num: string) {
  const same = await db.creditNotes
    .where('clientId')
    .equals(clientId)
    .filter((note) => note.number === num)
    .first();
  if (same) fail('number', 'credit_number_taken', { number: num });
}

/** Writes the note and re-derives its invoice; call inside a rw transaction over the tables below. */
export async function addCreditNote(
  db: CuentasDatabase,
  invoice: InvoiceRecord,
  input: CreditNoteInput,
  at: string,
): Promise<{ note: CreditNoteRecord; invoice: InvoiceRecord }> {
  const clean = { ...input, number: input.number.trim(), reason: input.reason.trim() };
  throwIfIssues(checkCreditNote(invoice, clean));
  await assertCreditNumberFree(db, invoice.clientId, clean.number);
  const note: CreditNoteRecord = {
    id: newId(),
    invoiceId: invoice.id,
    clientId: invoice.clientId,
    number: clean.number,
    date: clean.date,
    amountCents: clean.amountCents,
    reason: clean.reason,
    source: clean.source ?? 'manual',
    createdAt: at,
  };
  await db.creditNotes.add(note);
  const recomputed = await recomputeInvoice(db, invoice, at, { credits: true });
  // A credit often settles a disputed part: the disputed amount never exceeds what is owed.
  const after = await recomputeDisputed(db, recomputed, at);
  await writeAudit(db, {
    at,
    entity: 'credit_note',
    entityId: note.id,
    action: 'create',
    summary: `Rectificativa ${note.number} de ${formatEuros(note.amountCents)} a la factura ${invoice.number}`,
    before: null,
    after: note,
  });
  await writeAudit(db, {
    at,
    entity: 'invoice',
    entityId: invoice.id,
    action: 'update',
    summary: `Factura ${invoice.number}: rectificativa ${note.number}, pendiente ${formatEuros(after.outstandingCents)}`,
    before: invoice,
    after,
  });
  return { note, invoice: after };
}

/** Total or partial credit note on one invoice: never more than is owed; reduces its dues oldest first. */
export async function createCreditNote(
  db: CuentasDatabase,
  input: CreditNoteInput,
): Promise<{ note: CreditNoteRecord; invoice: InvoiceRecord }> {
  const tables = [db.invoices, db.allocations, db.creditNotes, db.disputes, db.audit];
  return db.transaction('rw', tables, async () => {
    const invoice = await db.invoices.get(input.invoiceId);
    if (!invoice) fail('invoiceId', 'not_found', { id: input.invoiceId });
    return addCreditNote(db, invoice, input, nowInstant());
  });
}

/** Removes a credit note: its invoice owes the amount again. */
export async function deleteCreditNote(db: CuentasDatabase, id: string): Promise<InvoiceRecord> {
  const tables = [db.invoices, db.allocations, db.creditNotes, db.disputes, db.audit];
  return db.transaction('rw', tables, async () => {
    const note = await db.creditNotes.get(id);
    if (!note) fail('id', 'not_found', { id });
    const invoice = await db.invoices.get(note.invoiceId);
    if (!invoice) fail('invoiceId', 'not_found', { id: note.invoiceId });
    const at = nowInstant();
    await db.creditNotes.delete(id);
    const recomputed = await recomputeInvoice(db, invoice, at, { credits: true });
    const after = await recomputeDisputed(db, recomputed, at);
    await writeAudit(db, {
      at,
      entity: 'credit_note',
      entityId: id,
      action: 'delete',
      summary: `Rectificativa ${note.number} eliminada de la factura ${invoice.number}`,
      before: note,
      after: null,
    });
    await writeAudit(db, {
      at,
      entity: 'invoice',
      entityId: invoice.id,
      action: 'update',
      summary: `Factura ${invoice.number}: sin la rectificativa ${note.number}, pendiente ${formatEuros(after.outstandingCents)}`,
      before: invoice,
      after,
    });
    return after;
  });
}

/** An invoice's credit notes, oldest first (for live queries). */
export async function listCreditNotes(
  db: CuentasDatabase,
  invoiceId: string,
): Promise<CreditNoteRecord[]> {
  const notes = await db.creditNotes.where('invoiceId').equals(invoiceId).toArray();
  return notes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
