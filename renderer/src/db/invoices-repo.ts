// Invoice use cases: create, update (derived fields recomputed), delete and write off.
import type { DueRecord, InvoiceRecord } from '../../../shared/domain/records';
import { computeInvoiceAmounts, validateInvoiceInput } from '../../../shared/domain/invoice';
import { formatEuros } from '../../../shared/domain/money';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { sumAllocatedToInvoice, withDerivedFields } from './derived-fields';
import { fail, newId, nowInstant, throwIfIssues } from './repo-helpers';
import { tablesTouchedBy } from './references';
import { applyRemoval, planRemoval } from './removal';

export interface InvoiceInput {
  clientId: string;
  number: string;
  issueDate: string;
  description: string;
  taxableBaseCents: number;
  vatRatePercent: number;
  withholdingRatePercent: number;
  dues: DueRecord[];
  lifecycle?: 'draft' | 'issued';
}

function sortedDues(dues: readonly DueRecord[]): DueRecord[] {
  return dues
    .map((due) => ({ dueDate: due.dueDate, amountCents: due.amountCents }))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/** Validates and computes the stored amounts; derived payment fields are filled by the caller. */
function prepare(input: InvoiceInput) {
  const clean = { ...input, number: input.number.trim(), dues: sortedDues(input.dues) };
  throwIfIssues(validateInvoiceInput(clean));
  const amounts = computeInvoiceAmounts(clean);
  return { clean, amounts };
}

async function assertClientExists(db: CuentasDatabase, clientId: string) {
  const client = await db.clients.get(clientId);
  if (!client) fail('clientId', 'not_found', { id: clientId });
}

async function assertNumberFree(
  db: CuentasDatabase,
  clientId: string,
  num: string,
  exceptId: string | null,
) {
  const other = await db.invoices.where('[clientId+number]').equals([clientId, num]).first();
  if (other && other.id !== exceptId) fail('number', 'invoice_number_taken', { number: num });
}

export async function createInvoice(
  db: CuentasDatabase,
  input: InvoiceInput,
): Promise<InvoiceRecord> {
  const { clean, amounts } = prepare(input);
  return db.transaction('rw', [db.clients, db.invoices, db.audit], async () => {
    await assertClientExists(db, clean.clientId);
    await assertNumberFree(db, clean.clientId, clean.number, null);
    const at = nowInstant();
    const base: InvoiceRecord = {
      id: newId(),
      clientId: clean.clientId,
      number: clean.number,
      issueDate: clean.issueDate,
      description: clean.description,
      taxableBaseCents: clean.taxableBaseCents,
      vatRatePercent: clean.vatRatePercent,
      withholdingRatePercent: clean.withholdingRatePercent,
      ...amounts,
      dues: clean.dues,
      lifecycle: clean.lifecycle ?? 'issued',
      paidCents: 0,
      outstandingCents: amounts.payableCents,
      nextDueDate: null,
      disputedCents: 0,
      planId: null,
      createdAt: at,
      updatedAt: at,
    };
    const invoice = withDerivedFields(base, 0, at);
    await db.invoices.add(invoice);
    await writeAudit(db, {
      at,
      entity: 'invoice',
      entityId: invoice.id,
      action: 'create',
      summary: `Factura ${invoice.number} por ${formatEuros(invoice.payableCents)}`,
      before: null,
      after: invoice,
    });
    return invoice;
  });
}

export async function updateInvoice(
  db: CuentasDatabase,
  id: string,
  input: InvoiceInput,
): Promise<InvoiceRecord> {
  const { clean, amounts } = prepare(input);
  return db.transaction('rw', [db.clients, db.invoices, db.allocations, db.audit], async () => {
    const before = await db.invoices.get(id);
    if (!before) fail('id', 'not_found', { id });
    await assertClientExists(db, clean.clientId);
    await assertNumberFree(db, clean.clientId, clean.number, id);
    const paid = await sumAllocatedToInvoice(db, id);
    if (paid > 0 && clean.clientId !== before.clientId) {
      fail('clientId', 'allocation_wrong_client', { paidCents: paid });
    }
    if (paid > 0 && clean.lifecycle === 'draft') fail('lifecycle', 'invoice_has_payments');
    if (amounts.payableCents < paid) {
      // Payments already allocated would exceed the new amount: unallocate them first.
      fail('taxableBaseCents', 'payable_below_paid', {
        paidCents: paid,
        payableCents: amounts.payableCents,
      });
    }
    const at = nowInstant();
    const edited: InvoiceRecord = {
      ...before,
      clientId: clean.clientId,
      number: clean.number,
      issueDate: clean.issueDate,
      description: clean.description,
      taxableBaseCents: clean.taxableBaseCents,
      vatRatePercent: clean.vatRatePercent,
      withholdingRatePercent: clean.withholdingRatePercent,
      ...amounts,
      dues: clean.dues,
      lifecycle:
        before.lifecycle === 'written_off' ? 'written_off' : (clean.lifecycle ?? before.lifecycle),
    };
    const invoice = withDerivedFields(edited, paid, at);
    await db.invoices.put(invoice);
    await writeAudit(db, {
      at,
      entity: 'invoice',
      entityId: id,
      action: 'update',
      summary: `Factura ${invoice.number} modificada`,
      before,
      after: invoice,
    });
    return invoice;
  });
}

/**
 * Deletes an invoice with no payments, credit notes or plan; its disputes go with it and the
 * contact history, promises and letters stop naming it (the reference map, references.ts).
 */
export async function deleteInvoice(db: CuentasDatabase, id: string): Promise<void> {
  await db.transaction('rw', tablesTouchedBy('invoice', 'delete'), async () => {
    const before = await db.invoices.get(id);
    if (!before) fail('id', 'not_found', { id });
    await applyRemoval(db, await planRemoval(db, 'invoice', [id], 'delete'));
    await writeAudit(db, {
      entity: 'invoice',
      entityId: id,
      action: 'delete',
      summary: `Factura ${before.number} eliminada`,
      before,
      after: null,
    });
  });
}

/** Marks an invoice as incobrable: it leaves the receivables but keeps its payments. */
export async function writeOffInvoice(db: CuentasDatabase, id: string): Promise<InvoiceRecord> {
  return db.transaction('rw', [db.invoices, db.allocations, db.audit], async () => {
    const before = await db.invoices.get(id);
    if (!before) fail('id', 'not_found', { id });
    const at = nowInstant();
    const paid = await sumAllocatedToInvoice(db, id);
    const invoice = withDerivedFields({ ...before, lifecycle: 'written_off' }, paid, at);
    await db.invoices.put(invoice);
    await writeAudit(db, {
      at,
      entity: 'invoice',
      entityId: id,
      action: 'update',
      summary: `Factura ${before.number} declarada incobrable (${formatEuros(before.outstandingCents)})`,
      before,
      after: invoice,
    });
    return invoice;
  });
}
