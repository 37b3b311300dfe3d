// The one way money enters the ledger: validate, allocate, write, link the movement, re-derive, audit.
import type {
  AllocationRecord,
  InvoiceRecord,
  PaymentMethod,
  PaymentRecord,
} from '../../../../shared/domain/records';
import type { FieldIssue } from '../../../../shared/domain/validation';
import { ValidationError } from '../../../../shared/domain/validation';
import type { OpenInvoice } from '../../../../shared/domain/allocation';
import { allocateOldestFirst, checkChosenAllocation } from '../../../../shared/domain/allocation';
import { isCalendarDate } from '../../../../shared/domain/dates';
import { formatEuros, isCents } from '../../../../shared/domain/money';
import type { CuentasDatabase } from '../database';
import type { AuditEntryInput } from '../audit';
import { writeAudits } from '../audit';
import { recomputeInvoice } from '../derived-fields';
import { fail, newId, nowInstant, throwIfIssues } from '../repo-helpers';
import { planAbsorption, recomputePlansOfClient } from '../plan-payments';

export interface AllocationItem {
  invoiceId: string;
  amountCents: number;
}

/**
 * oldest_first: the client's open invoices, oldest due first. chosen: amounts per invoice.
 * targets: these invoices and these plans' invoices oldest first, then the plans' interest and
 * extra lines; at least one target unless the client owes nothing (then it is a credit).
 */
export type AllocationChoice =
  | { mode: 'oldest_first' }
  | { mode: 'chosen'; items: AllocationItem[] }
  | { mode: 'targets'; invoiceIds: string[]; planIds: string[] };

/** Where the money came from: only changes the audit words and which checks apply. */
export type MoneySource = 'hand' | 'bank_movement' | 'direct_debit' | 'plan_installment';

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

export interface ReceiveMoneyInput extends PaymentInput {
  source: MoneySource;
  /** The bank movement this money is (status becomes matched, paymentId set); same amount. */
  movementId?: string | null;
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

const SOURCE_WORDS: Record<MoneySource, string> = {
  hand: 'apuntado a mano',
  bank_movement: 'conciliado del extracto',
  direct_debit: 'cobrado por recibo domiciliado',
  plan_installment: 'plazo de un plan de pagos',
};

/** Every table a receipt reads or writes (recomputeInvoice may read credit notes and disputes). */
export function moneyTables(db: CuentasDatabase) {
  return [
    db.clients,
    db.invoices,
    db.payments,
    db.allocations,
    db.audit,
    db.plans,
    db.installments,
    db.bankMovements,
    db.creditNotes,
    db.disputes,
  ];
}

export function validatePaymentInput(input: PaymentInput): FieldIssue[] {
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

/** The chosen invoices plus the chosen plans' invoices, among the client's open ones. */
async function targetInvoices(
  db: CuentasDatabase,
  clientId: string,
  open: readonly OpenInvoice[],
  invoiceIds: readonly string[],
  planIds: readonly string[],
): Promise<{ invoices: OpenInvoice[]; issues: FieldIssue[] }> {
  const issues: FieldIssue[] = [];
  const wanted = new Set(invoiceIds);
  for (const planId of planIds) {
    const plan = await db.plans.get(planId);
    if (!plan || plan.clientId !== clientId) {
      issues.push({ field: 'allocation', code: 'allocation_wrong_client', params: { planId } });
      continue;
    }
    for (const id of plan.invoiceIds) wanted.add(id);
  }
  // A chosen invoice that is already paid is skipped (the money then goes to the rest or credit).
  return { invoices: open.filter((invoice) => wanted.has(invoice.id)), issues };
}

/** Runs inside a transaction that covers the money tables. */
async function planAllocation(db: CuentasDatabase, input: PaymentInput) {
  const client = await db.clients.get(input.clientId);
  if (!client) fail('clientId', 'not_found', { id: input.clientId });
  const open = await openInvoicesOf(db, input.clientId);
  const openInvoices = open.map(toOpenInvoice);
  const openOutstandingCents = open.reduce((sum, invoice) => sum + invoice.outstandingCents, 0);
  const issues: FieldIssue[] = [];
  let result: { allocations: AllocationItem[]; unallocatedCents: number };
  let onlyPlanIds: readonly string[] | undefined;
  if (input.allocation.mode === 'oldest_first') {
    result = allocateOldestFirst(input.amountCents, openInvoices);
  } else if (input.allocation.mode === 'chosen') {
    const checked = checkChosenAllocation(input.amountCents, input.allocation.items, openInvoices);
    issues.push(...checked.issues);
    result = checked;
  } else {
    const { invoiceIds, planIds } = input.allocation;
    const targets = await targetInvoices(db, input.clientId, openInvoices, invoiceIds, planIds);
    issues.push(...targets.issues);
    if (
      invoiceIds.length + planIds.length === 0 &&
      (await owesAnything(db, input.clientId, open))
    ) {
      issues.push({ field: 'allocation', code: 'nothing_chosen' });
    }
    result = allocateOldestFirst(input.amountCents, targets.invoices);
    onlyPlanIds = planIds;
  }
  // Plans: money beyond the invoices first pays a signed plan's interest and extra lines.
  const toPlan =
    issues.length === 0
      ? await planAbsorption(
          db,
          input.clientId,
          result.unallocatedCents,
          result.allocations,
          onlyPlanIds,
        )
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

/** Open invoices or a live plan with installments still owed: then a receipt must say what it pays. */
async function owesAnything(
  db: CuentasDatabase,
  clientId: string,
  open: readonly InvoiceRecord[],
): Promise<boolean> {
  if (open.length > 0) return true;
  const plans = await db.plans.where('clientId').equals(clientId).toArray();
  for (const plan of plans.filter((row) => row.status === 'active' || row.status === 'broken')) {
    const rows = await db.installments.where('planId').equals(plan.id).toArray();
    if (rows.some((row) => row.paidCents < row.amountCents)) return true;
  }
  return false;
}

/** What receiveMoney would allocate, without writing anything. */
export async function previewReceipt(
  db: CuentasDatabase,
  input: PaymentInput,
): Promise<PaymentPreview> {
  const inputIssues = validatePaymentInput(input);
  if (inputIssues.length > 0) {
    return { allocations: [], unallocatedCents: 0, openOutstandingCents: 0, issues: inputIssues };
  }
  return db.transaction('r', moneyTables(db), async () => {
    const plan = await planAllocation(db, input);
    return {
      allocations: plan.allocations,
      unallocatedCents: plan.unallocatedCents,
      openOutstandingCents: plan.openOutstandingCents,
      issues: plan.issues,
    };
  });
}

/**
 * Records money received, from any source, in one transaction: the payment and its allocations,
 * the bank movement's link when there is one, the invoices' and plans' derived fields, the audit.
 */
export async function receiveMoney(
  db: CuentasDatabase,
  input: ReceiveMoneyInput,
): Promise<{ payment: PaymentRecord; allocations: AllocationRecord[] }> {
  throwIfIssues(validatePaymentInput(input));
  return db.transaction('rw', moneyTables(db), async () => {
    const movementId = input.movementId ?? null;
    const movement = movementId ? await db.bankMovements.get(movementId) : undefined;
    if (movementId) {
      if (!movement) fail('movementId', 'not_found', { id: movementId });
      if (movement.status !== 'unmatched' || movement.paymentId !== null) {
        fail('movementId', 'movement_already_linked', { id: movementId });
      }
      if (movement.amountCents !== input.amountCents) {
        fail('amountCents', 'amount_mismatch', {
          expected: movement.amountCents,
          actual: input.amountCents,
        });
      }
    }
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
    if (movement)
      await db.bankMovements.put({ ...movement, status: 'matched', paymentId: payment.id });
    const byId = new Map(plan.open.map((invoice) => [invoice.id, invoice]));
    const audits: AuditEntryInput[] = [
      {
        at,
        entity: 'payment',
        entityId: payment.id,
        action: 'create',
        summary: `Cobro de ${formatEuros(payment.amountCents)} de ${plan.client.name} (${SOURCE_WORDS[input.source]})`,
        before: null,
        after: { payment, allocations, movementId },
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

/**
 * The bank movement is a payment already recorded (by hand, say): link them, record nothing new.
 * A payment links to at most one movement and a movement to at most one payment.
 */
export async function linkMovementToPayment(
  db: CuentasDatabase,
  movementId: string,
  paymentId: string,
): Promise<void> {
  await db.transaction('rw', [db.bankMovements, db.payments, db.audit], async () => {
    const movement = await db.bankMovements.get(movementId);
    if (!movement) fail('movementId', 'not_found', { id: movementId });
    if (movement.status !== 'unmatched' || movement.paymentId !== null || movement.amountCents <= 0)
      fail('movementId', 'movement_already_linked', { id: movementId });
    const payment = await db.payments.get(paymentId);
    if (!payment) fail('paymentId', 'not_found', { id: paymentId });
    const other = await db.bankMovements.where('paymentId').equals(paymentId).first();
    if (other) fail('paymentId', 'payment_already_linked', { id: paymentId });
    if (payment.amountCents !== movement.amountCents) {
      fail('amountCents', 'amount_mismatch', {
        expected: movement.amountCents,
        actual: payment.amountCents,
      });
    }
    const after = { ...movement, status: 'matched' as const, paymentId };
    await db.bankMovements.put(after);
    await writeAudits(db, [
      {
        entity: 'payment',
        entityId: paymentId,
        action: 'update',
        summary: `Movimiento del ${movement.date} vinculado al cobro ya apuntado de ${formatEuros(payment.amountCents)}`,
        before: { movementId: null },
        after: { movementId },
      },
    ]);
  });
}

export function invoiceAudit(
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
