// Invoice life use cases: cancel (anular) and reopen (reabrir); each one transaction with its audit.
import type { InvoiceRecord } from '../../../../shared/domain/records';
import type { CalendarDate } from '../../../../shared/domain/dates';
import { todayLocal } from '../../../../shared/domain/dates';
import { checkCancel, checkReopen } from '../../../../shared/domain/invoice-life';
import { formatEuros } from '../../../../shared/domain/money';
import type { CuentasDatabase } from '../database';
import { writeAudit } from '../audit';
import { recomputeDisputed, recomputeInvoice } from '../derived-fields';
import { fail, nowInstant, throwIfIssues } from '../repo-helpers';

/**
 * Anula an issued invoice: it leaves every figure (outstanding 0, no due, no ageing, no chasing)
 * but stays in the history with its number. Refused while payments are applied or it is in a plan.
 */
export async function cancelInvoice(
  db: CuentasDatabase,
  id: string,
  options: { date?: CalendarDate } = {},
): Promise<InvoiceRecord> {
  const tables = [db.invoices, db.allocations, db.creditNotes, db.disputes, db.audit];
  return db.transaction('rw', tables, async () => {
    const before = await db.invoices.get(id);
    if (!before) fail('id', 'not_found', { id });
    const allocations = await db.allocations.where('invoiceId').equals(id).count();
    throwIfIssues(checkCancel(before, allocations));
    const at = nowInstant();
    const closed: InvoiceRecord = {
      ...before,
      lifecycle: 'cancelled',
      closedDate: options.date ?? todayLocal(),
    };
    const recomputed = await recomputeInvoice(db, closed, at, { credits: true });
    const invoice = await recomputeDisputed(db, recomputed, at);
    await writeAudit(db, {
      at,
      entity: 'invoice',
      entityId: id,
      action: 'update',
      summary: `Factura ${before.number} anulada (${formatEuros(before.payableCents)})`,
      before,
      after: invoice,
    });
    return invoice;
  });
}

/** Back to issued from incobrable or anulada: every derived figure is recomputed. */
export async function reopenInvoice(db: CuentasDatabase, id: string): Promise<InvoiceRecord> {
  const tables = [db.invoices, db.allocations, db.creditNotes, db.disputes, db.audit];
  return db.transaction('rw', tables, async () => {
    const before = await db.invoices.get(id);
    if (!before) fail('id', 'not_found', { id });
    throwIfIssues(checkReopen(before));
    const at = nowInstant();
    const open: InvoiceRecord = { ...before, lifecycle: 'issued', closedDate: null };
    const recomputed = await recomputeInvoice(db, open, at, { credits: true });
    const invoice = await recomputeDisputed(db, recomputed, at);
    await writeAudit(db, {
      at,
      entity: 'invoice',
      entityId: id,
      action: 'update',
      summary: `Factura ${before.number} reabierta (pendiente ${formatEuros(invoice.outstandingCents)})`,
      before,
      after: invoice,
    });
    return invoice;
  });
}
