// Invoice use cases: create, update (derived fields recomputed, effects told), delete and write off.
// Cancel, reopen and credit notes live in ./invoices/.
import type { DueRecord, InvoiceRecord } from '../../../shared/domain/records';
import type { CalendarDate } from '../../../shared/domain/dates';
import { todayLocal } from '../../../shared/domain/dates';
import {
  checkWriteOff,
  describeInvoiceEdit,
  type InvoiceEditEffect,
} from '../../../shared/domain/invoice-life';
import { computeInvoiceAmounts, validateInvoiceInput } from '../../../shared/domain/invoice';
import { formatEuros } from '../../../shared/domain/money';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { sumAllocatedToInvoice, sumCreditedToInvoice, withDerivedFields } from './derived-fields';
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

/** The invoice as an edit would leave it, checked against what is paid and credited. */
async function editedInvoice(db: CuentasDatabase, id: string, input: InvoiceInput) {
  const { clean, amounts } = prepare(input);
  const before = await db.invoices.get(id);
  if (!before) fail('id', 'not_found', { id });
  await assertClientExists(db, clean.clientId);
  await assertNumberFree(db, clean.clientId, clean.number, id);
  const paid = await sumAllocatedToInvoice(db, id);
  const credited = await sumCreditedToInvoice(db, id);
  if ((paid > 0 || credited > 0) && clean.clientId !== before.clientId) {
    fail('clientId', 'allocation_wrong_client', { paidCents: paid });
  }
  if ((paid > 0 || credited > 0) && clean.lifecycle === 'draft') {
    fail('lifecycle', 'invoice_has_payments');
  }
  // Safe rule: an edit never leaves money without a debt to sit on. Payments and credit notes
  // already applied must be deleted (or the payments reassigned) before lowering the amount.
  if (amounts.payableCents < paid + credited) {
    if (credited === 0) {
      fail('taxableBaseCents', 'payable_below_paid', {
        paidCents: paid,
        payableCents: amounts.payableCents,
      });
    }
    fail('taxableBaseCents', 'payable_below_settled', {
      paidCents: paid,
      creditedCents: credited,
      settledCents: paid + credited,
    });
  }
  // Written-off and cancelled invoices keep their state through an edit; reopening is explicit.
  const keepsState = before.lifecycle === 'written_off' || before.lifecycle === 'cancelled';
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
    lifecycle: keepsState ? before.lifecycle : (clean.lifecycle ?? before.lifecycle),
  };
  const effects = describeInvoiceEdit(before, edited, paid, credited);
  return { before, edited, paid, credited, effects };
}

/** What saving this edit would change (payments, credits, plan), for the form's warning. */
export async function previewInvoiceEdit(
  db: CuentasDatabase,
  id: string,
  input: InvoiceInput,
): Promise<InvoiceEditEffect[]> {
  return db.transaction(
    'r',
    [db.clients, db.invoices, db.allocations, db.creditNotes],
    async () => (await editedInvoice(db, id, input)).effects,
  );
}

function effectSummary(effects: readonly InvoiceEditEffect[]): string {
  const change = effects.find((effect) => effect.code === 'outstanding_changes');
  return change && change.code === 'outstanding_changes'
    ? `; pendiente ${formatEuros(change.fromCents)} → ${formatEuros(change.toCents)}`
    : '';
}

export async function updateInvoice(
  db: CuentasDatabase,
  id: string,
  input: InvoiceInput,
): Promise<InvoiceRecord> {
  const tables = [db.clients, db.invoices, db.allocations, db.creditNotes, db.audit];
  return db.transaction('rw', tables, async () => {
    const { before, edited, paid, credited, effects } = await editedInvoice(db, id, input);
    const at = nowInstant();
    const invoice = withDerivedFields(edited, paid, at, credited);
    await db.invoices.put(invoice);
    await writeAudit(db, {
      at,
      entity: 'invoice',
      entityId: id,
      action: 'update',
      summary: `Factura ${invoice.number} modificada${effectSummary(effects)}`,
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

/**
 * Marks an invoice as incobrable: it leaves chasing (worklist, letters, ageing) but keeps its
 * payments, its outstanding and its place in reports; `date` is the day it was written off.
 */
export async function writeOffInvoice(
  db: CuentasDatabase,
  id: string,
  options: { date?: CalendarDate } = {},
): Promise<InvoiceRecord> {
  return db.transaction('rw', [db.invoices, db.allocations, db.audit], async () => {
    const before = await db.invoices.get(id);
    if (!before) fail('id', 'not_found', { id });
    throwIfIssues(checkWriteOff(before));
    const at = nowInstant();
    const paid = await sumAllocatedToInvoice(db, id);
    const closedDate = options.date ?? todayLocal();
    const invoice = withDerivedFields(
      { ...before, lifecycle: 'written_off', closedDate },
      paid,
      at,
    );
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
