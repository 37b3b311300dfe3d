// Dispute use cases: open one on an invoice (its amount leaves dunning) and resolve it.
import type {
  DisputeReason,
  DisputeRecord,
  DueRecord,
  InvoiceRecord,
} from '../../../shared/domain/records';
import type { FieldIssue } from '../../../shared/domain/validation';
import { isCalendarDate } from '../../../shared/domain/dates';
import { formatEuros, isCents } from '../../../shared/domain/money';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { recomputeDisputed, recomputeInvoice } from './derived-fields';
import { fail, newId, nowInstant, throwIfIssues } from './repo-helpers';
import { addCreditNote } from './invoices/credit-notes';

export const DISPUTE_REASONS: readonly DisputeReason[] = [
  'price',
  'quality',
  'not_received',
  'duplicate',
  'other',
];

export interface DisputeInput {
  invoiceId: string;
  reason: DisputeReason;
  amountCents: number;
  openedDate: string;
  note: string;
}

/** A credit note is a document with its own number: `resolveDisputeByCreditNote` issues it. */
export type DisputeResolution = 'write_off' | 'resumed';

function disputeIssues(input: DisputeInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!DISPUTE_REASONS.includes(input.reason)) issues.push({ field: 'reason', code: 'required' });
  if (!isCents(input.amountCents)) issues.push({ field: 'amountCents', code: 'amount_invalid' });
  else if (input.amountCents <= 0) {
    issues.push({ field: 'amountCents', code: 'amount_not_positive' });
  }
  if (!isCalendarDate(input.openedDate)) issues.push({ field: 'openedDate', code: 'date_invalid' });
  return issues;
}

export async function openDispute(
  db: CuentasDatabase,
  input: DisputeInput,
): Promise<DisputeRecord> {
  throwIfIssues(disputeIssues(input));
  return db.transaction('rw', [db.invoices, db.disputes, db.audit], async () => {
    const invoice = await db.invoices.get(input.invoiceId);
    if (!invoice) fail('invoiceId', 'not_found', { id: input.invoiceId });
    const room = invoice.outstandingCents - invoice.disputedCents;
    if (input.amountCents > room) {
      fail('amountCents', 'out_of_range', { min: '0,01 €', max: formatEuros(Math.max(0, room)) });
    }
    const dispute: DisputeRecord = {
      id: newId(),
      invoiceId: invoice.id,
      clientId: invoice.clientId,
      reason: input.reason,
      amountCents: input.amountCents,
      openedDate: input.openedDate,
      status: 'open',
      resolution: null,
      note: input.note.trim(),
      createdAt: nowInstant(),
    };
    await db.disputes.add(dispute);
    await recomputeDisputed(db, invoice, dispute.createdAt);
    await writeAudit(db, {
      entity: 'dispute',
      entityId: dispute.id,
      action: 'create',
      summary: `Disputa de ${formatEuros(dispute.amountCents)} en ${invoice.number}`,
      before: null,
      after: dispute,
    });
    return dispute;
  });
}

/** Takes `amount` off the latest dues first: what a credit note or write-off no longer asks for. */
function reduceDues(dues: readonly DueRecord[], amountCents: number): DueRecord[] {
  let left = amountCents;
  const reversed = [...dues].reverse().map((due) => {
    const cut = Math.min(left, due.amountCents);
    left -= cut;
    return { ...due, amountCents: due.amountCents - cut };
  });
  return reversed.reverse().filter((due, index) => due.amountCents > 0 || index === 0);
}

/**
 * Resumed: the amount returns to dunning. Write-off: the invoice stops asking for the disputed
 * amount (payable and the latest dues go down by it; the issued total is kept).
 */
export async function resolveDispute(
  db: CuentasDatabase,
  disputeId: string,
  resolution: DisputeResolution,
): Promise<void> {
  await db.transaction('rw', [db.invoices, db.disputes, db.allocations, db.audit], async () => {
    const before = await db.disputes.get(disputeId);
    if (!before) fail('disputeId', 'not_found', { id: disputeId });
    if (before.status !== 'open') fail('disputeId', 'not_found', { id: disputeId });
    const invoice = await db.invoices.get(before.invoiceId);
    if (!invoice) fail('invoiceId', 'not_found', { id: before.invoiceId });
    const after: DisputeRecord = { ...before, status: 'resolved', resolution };
    await db.disputes.put(after);
    const at = nowInstant();
    let next: InvoiceRecord = invoice;
    if (resolution !== 'resumed') {
      const cut = Math.min(before.amountCents, invoice.outstandingCents);
      next = await recomputeInvoice(
        db,
        {
          ...invoice,
          payableCents: invoice.payableCents - cut,
          dues: reduceDues(invoice.dues, cut),
        },
        at,
      );
    }
    await recomputeDisputed(db, next, at);
    await writeAudit(db, {
      entity: 'dispute',
      entityId: disputeId,
      action: 'update',
      summary: `Disputa resuelta (${resolution}) en ${invoice.number}`,
      before,
      after,
    });
  });
}

/** The credit note that settles a dispute: its number and date come from the seller's series. */
export interface DisputeCreditNote {
  number: string;
  date: string;
  amountCents: number;
  reason: string;
}

/**
 * Settles a dispute with a real credit note (factura rectificativa), in one transaction: the note
 * lowers what the invoice owes the way every credit note does, and the dispute is resolved.
 */
export async function resolveDisputeByCreditNote(
  db: CuentasDatabase,
  disputeId: string,
  credit: DisputeCreditNote,
): Promise<DisputeRecord> {
  const tables = [db.invoices, db.allocations, db.creditNotes, db.disputes, db.audit];
  return db.transaction('rw', tables, async () => {
    const before = await db.disputes.get(disputeId);
    if (!before || before.status !== 'open') fail('disputeId', 'not_found', { id: disputeId });
    const invoice = await db.invoices.get(before.invoiceId);
    if (!invoice) fail('invoiceId', 'not_found', { id: before.invoiceId });
    const at = nowInstant();
    // Resolved first, so the note's re-derivation of disputedCents no longer counts this dispute.
    const after: DisputeRecord = { ...before, status: 'resolved', resolution: 'credit_note' };
    await db.disputes.put(after);
    await addCreditNote(db, invoice, { invoiceId: invoice.id, ...credit }, at);
    await writeAudit(db, {
      at,
      entity: 'dispute',
      entityId: disputeId,
      action: 'update',
      summary: `Disputa resuelta con la rectificativa ${credit.number.trim()} en ${invoice.number}`,
      before,
      after,
    });
    return after;
  });
}
