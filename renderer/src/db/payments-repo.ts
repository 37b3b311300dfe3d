// Payment use cases: record (allocated oldest-first or as chosen), delete, and preview for the form.
import type {
  AllocationRecord,
  InvoiceRecord,
  PaymentMethod,
  PaymentRecord,
} from '../../../shared/domain/records';
import type { FieldIssue } from '../../../shared/domain/validation';
import { ValidationError } from '../../../shared/domain/validation';
import type { OpenInvoice } from '../../../shared/domain/allocation';
import { allocateOldestFirst, checkChosenAllocation } from '../../../shared/domain/allocation';
import { isCalendarDate } from '../../../shared/domain/dates';
import { formatEuros, isCents } from '../../../shared/domain/money';
import type { CuentasDatabase } from './database';
import type { AuditEntryInput } from './audit';
import { writeAudits } from './audit';
import { recomputeInvoice } from './derived-fields';
import { fail, newId, nowInstant, throwIfIssues } from './repo-helpers';
import { planAbsorption, recomputePlansOfClient } from './plan-payments';
import { tablesTouchedBy } from './references';
import { applyRemoval, changedRows, planRemoval, removedRows } from './removal';

export interface AllocationItem {
  invoiceId: string;
  amountCents: number;
}

export type AllocationChoice =
  { mode: 'oldest_first' } | { mode: 'chosen'; items: AllocationItem[] };

export interface PaymentInput {
  clientId: string;
  date: string;
  amountCents: number;
  method: PaymentMethod;
  reference: string;
  note: string;
  allocation: AllocationChoice;
  keepExcessAsCredit: boolean;
}

export interface PaymentPreview {
  allocations: AllocationItem[];
  unallocatedCents: number;
  /** Sum of the client's open (issued, unpaid) invoices before this payment. */
  openOutstandingCents: number;
  /** Problems the form should show; empty when recordPayment would succeed. */
  issues: FieldIssue[];
}

const METHODS: readonly PaymentMethod[] = [
  'transfer',
  'direct_debit',
  'card',
  'cash',
  'cheque',
  'other',
];

function validatePaymentInput(input: PaymentInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!input.clientId) issues.push({ field: 'clientId', code: 'required' });
  if (!isCalendarDate(input.date)) issues.push({ field: 'date', code: 'date_invalid' });
  if (!isCents(input.amountCents)) issues.push({ field: 'amountCents', code: 'amount_invalid' });
  else if (input.amountCents <= 0)
    issues.push({ field: 'amountCents', code: 'amount_not_positive' });
  if (!METHODS.includes(input.method)) issues.push({ field: 'method', code: 'required' });
  return issues;
}

function toOpenInvoice(invoice: InvoiceRecord): OpenInvoice {
  return {
    id: invoice.id,
    clientId: invoice.clientId,
    outstandingCents: invoice.outstandingCents,
    nextDueDate: invoice.nextDueDate,
    issueDate: invoice.issueDate,
    number: invoice.number,
  };
}

async function openInvoicesOf(db: CuentasDatabase, clientId: string): Promise<InvoiceRecord[]> {
  return db.invoices
    .where('clientId')
    .equals(clientId)
    .filter((invoice) => invoice.lifecycle === 'issued' && invoice.outstandingCents > 0)
    .toArray();
}

/** Runs inside a transaction that covers clients and invoices. */
async function planAllocation(db: CuentasDatabase, input: PaymentInput) {
  const client = await db.clients.get(input.clientId);
  if (!client) fail('clientId', 'not_found', { id: input.clientId });
  const open = await openInvoicesOf(db, input.clientId);
  const openInvoices = open.map(toOpenInvoice);
  const openOutstandingCents = open.reduce((sum, invoice) => sum + invoice.outstandingCents, 0);
  const issues: FieldIssue[] = [];
  let result: { allocations: AllocationItem[]; unallocatedCents: number };
  if (input.allocation.mode === 'oldest_first') {
    result = allocateOldestFirst(input.amountCents, openInvoices);
  } else {
    const checked = checkChosenAllocation(input.amountCents, input.allocation.items, openInvoices);
    issues.push(...checked.issues);
    result = checked;
  }
  // Plans: money beyond the invoices first pays a signed plan's interest and extra lines.
  const toPlan =
    issues.length === 0
      ? await planAbsorption(db, input.clientId, result.unallocatedCents, result.allocations)
      : { planId: null, planCents: 0 };
  result = { ...result, unallocatedCents: result.unallocatedCents - toPlan.planCents };
  if (issues.length === 0 && result.unallocatedCents > 0 && !input.keepExcessAsCredit) {
    issues.push({
      field: 'amountCents',
      code: 'payment_exceeds_outstanding',
      params: {
        outstandingCents: input.amountCents - result.unallocatedCents,
        excessCents: result.unallocatedCents,
      },
    });
  }
  return { client, open, openOutstandingCents, issues, ...result, ...toPlan };
}

/** What recordPayment would allocate, without writing anything. */
export async function previewPayment(
  db: CuentasDatabase,
  input: PaymentInput,
): Promise<PaymentPreview> {
  const inputIssues = validatePaymentInput(input);
  if (inputIssues.length > 0) {
    return { allocations: [], unallocatedCents: 0, openOutstandingCents: 0, issues: inputIssues };
  }
  const tables = [db.clients, db.invoices, db.plans, db.installments, db.payments];
  return db.transaction('r', tables, async () => {
    const plan = await planAllocation(db, input);
    return {
      allocations: plan.allocations,
      unallocatedCents: plan.unallocatedCents,
      openOutstandingCents: plan.openOutstandingCents,
      issues: plan.issues,
    };
  });
}

export async function recordPayment(
  db: CuentasDatabase,
  input: PaymentInput,
): Promise<{ payment: PaymentRecord; allocations: AllocationRecord[] }> {
  throwIfIssues(validatePaymentInput(input));
  const tables = [db.clients, db.invoices, db.payments, db.allocations, db.audit];
  const planTables = [db.plans, db.installments];
  return db.transaction('rw', [...tables, ...planTables], async () => {
    const plan = await planAllocation(db, input);
    if (plan.issues.length > 0) throw new ValidationError(plan.issues);
    const at = nowInstant();
    const payment: PaymentRecord = {
      id: newId(),
      clientId: input.clientId,
      date: input.date,
      amountCents: input.amountCents,
      method: input.method,
      reference: input.reference,
      note: input.note,
      unallocatedCents: plan.unallocatedCents,
      createdAt: at,
      ...(plan.planCents > 0 ? { planId: plan.planId, planCents: plan.planCents } : {}),
    };
    const allocations: AllocationRecord[] = plan.allocations
      .filter((item) => item.amountCents > 0)
      .map((item) => ({
        id: newId(),
        paymentId: payment.id,
        invoiceId: item.invoiceId,
        clientId: input.clientId,
        amountCents: item.amountCents,
      }));
    await db.payments.add(payment);
    await db.allocations.bulkAdd(allocations);
    const byId = new Map(plan.open.map((invoice) => [invoice.id, invoice]));
    const audits: AuditEntryInput[] = [
      {
        at,
        entity: 'payment',
        entityId: payment.id,
        action: 'create',
        summary: `Cobro de ${formatEuros(payment.amountCents)} de ${plan.client.name}`,
        before: null,
        after: { payment, allocations },
      },
    ];
    for (const allocation of allocations) {
      const before = byId.get(allocation.invoiceId);
      if (!before)
        fail('allocation', 'allocation_wrong_client', { invoiceId: allocation.invoiceId });
      const after = await recomputeInvoice(db, before, at);
      audits.push(
        invoiceAudit(at, before, after, `Cobro de ${formatEuros(allocation.amountCents)}`),
      );
    }
    await writeAudits(db, audits);
    await recomputePlansOfClient(db, input.clientId, at);
    return { payment, allocations };
  });
}

function invoiceAudit(
  at: string,
  before: InvoiceRecord,
  after: InvoiceRecord,
  what: string,
): AuditEntryInput {
  const pick = (invoice: InvoiceRecord) => ({
    paidCents: invoice.paidCents,
    outstandingCents: invoice.outstandingCents,
    nextDueDate: invoice.nextDueDate,
  });
  return {
    at,
    entity: 'invoice',
    entityId: after.id,
    action: 'update',
    summary: `${what} en factura ${after.number}`,
    before: pick(before),
    after: pick(after),
  };
}

/**
 * Deletes a payment and its allocations; the invoices it paid become outstanding again, and the
 * bank movement it was matched to goes back to "por conciliar" (the reference map, references.ts).
 */
export async function deletePayment(db: CuentasDatabase, id: string): Promise<void> {
  const tables = [db.invoices, db.plans, db.installments, ...tablesTouchedBy('payment', 'delete')];
  await db.transaction('rw', tables, async () => {
    const payment = await db.payments.get(id);
    if (!payment) fail('id', 'not_found', { id });
    const removal = await planRemoval(db, 'payment', [id], 'delete');
    const allocations = removedRows<AllocationRecord>(removal, 'allocations');
    await applyRemoval(db, removal);
    const at = nowInstant();
    const audits: AuditEntryInput[] = [
      {
        at,
        entity: 'payment',
        entityId: id,
        action: 'delete',
        summary: `Cobro de ${formatEuros(payment.amountCents)} eliminado`,
        before: { payment, allocations },
        after: null,
      },
    ];
    for (const { before, after } of changedRows(removal, 'bankMovements')) {
      audits.push({
        at,
        entity: 'bank_movement',
        entityId: String(after.id),
        action: 'update',
        summary: `Movimiento del ${String(after.date)} vuelve a por conciliar (cobro eliminado)`,
        before: { status: before.status, paymentId: before.paymentId },
        after: { status: after.status, paymentId: after.paymentId },
      });
    }
    const invoiceIds = [...new Set(allocations.map((allocation) => allocation.invoiceId))];
    for (const invoiceId of invoiceIds) {
      const before = await db.invoices.get(invoiceId);
      if (!before) continue;
      const after = await recomputeInvoice(db, before, at);
      audits.push(invoiceAudit(at, before, after, 'Anulado un cobro'));
    }
    await writeAudits(db, audits);
    await recomputePlansOfClient(db, payment.clientId, at);
  });
}
