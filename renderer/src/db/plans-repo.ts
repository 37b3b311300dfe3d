// Payment-plan use cases: draft, edit, sign and activate, keep signed PDFs, cancel, refresh status.
import type {
  InstallmentRecord,
  InvoiceRecord,
  Language,
  PlanExtraLine,
  PlanFrequency,
  PlanRecord,
  PlanSignatory,
} from '../../../shared/domain/records';
import type { CalendarDate } from '../../../shared/domain/dates';
import { formatEuros } from '../../../shared/domain/money';
import { composePlan } from '../../../shared/domain/plan-draft';
import { canTransition } from '../../../shared/domain/plan-lifecycle';
import { ValidationError, type FieldIssue } from '../../../shared/domain/validation';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { fail, newId, nowInstant, throwIfIssues } from './repo-helpers';
import { planTables, recomputePlan } from './plan-payments';

export interface PlanDraftInput {
  clientId: string;
  invoiceIds: string[];
  extraLines: PlanExtraLine[];
  downPaymentCents: number;
  downPaymentDate: CalendarDate | null;
  installments: number;
  frequency: PlanFrequency;
  firstDueDate: string;
  annualInterestPercent: number;
  breakAfterDays: number;
  place: string;
  language: Language;
  creditorSignatory: PlanSignatory;
  debtorSignatory: PlanSignatory;
  /** Edited installments; null for the generated schedule. */
  schedule: { dueDate: string; amountCents: number }[] | null;
}

/** An invoice can join a plan when issued, still owed, of this client and in no signed plan. */
export function invoiceFitsPlan(invoice: InvoiceRecord, clientId: string, planId: string | null) {
  return (
    invoice.clientId === clientId &&
    invoice.lifecycle === 'issued' &&
    invoice.outstandingCents > 0 &&
    (invoice.planId === null || invoice.planId === planId)
  );
}

async function checkedInvoices(
  db: CuentasDatabase,
  input: PlanDraftInput,
  planId: string | null,
): Promise<InvoiceRecord[]> {
  if (input.invoiceIds.length === 0) fail('invoiceIds', 'required');
  const found = await db.invoices.bulkGet(input.invoiceIds);
  const issues: FieldIssue[] = [];
  const invoices: InvoiceRecord[] = [];
  found.forEach((invoice, index) => {
    if (!invoice || !invoiceFitsPlan(invoice, input.clientId, planId)) {
      issues.push({ field: `invoiceIds.${index}`, code: 'plan_invoice_unavailable' });
    } else invoices.push(invoice);
  });
  throwIfIssues(issues);
  return invoices.sort((a, b) => a.issueDate.localeCompare(b.issueDate));
}

function nextReference(existing: readonly PlanRecord[], today: CalendarDate): string {
  const year = today.slice(0, 4);
  const used = existing
    .map((plan) => plan.terms?.reference ?? '')
    .filter((reference) => reference.startsWith(`PP-${year}-`))
    .map((reference) => Number(reference.slice(8)))
    .filter(Number.isFinite);
  return `PP-${year}-${String(Math.max(0, ...used) + 1).padStart(4, '0')}`;
}

function buildRecords(
  input: PlanDraftInput,
  invoices: InvoiceRecord[],
  base: { id: string; reference: string; createdAt: string; at: string; today?: CalendarDate },
): { plan: PlanRecord; installments: InstallmentRecord[] } {
  const composed = composePlan({
    invoicesCents: invoices.reduce((sum, invoice) => sum + invoice.outstandingCents, 0),
    extraLines: input.extraLines,
    downPaymentCents: input.downPaymentCents,
    installments: input.installments,
    frequency: input.frequency,
    firstDueDate: input.firstDueDate,
    annualInterestPercent: input.annualInterestPercent,
    breakAfterDays: input.breakAfterDays,
    edits: input.schedule,
    ...(base.today !== undefined ? { today: base.today } : {}),
  });
  const issues = [...composed.issues];
  if (input.place.trim() === '') issues.push({ field: 'place', code: 'required' });
  if (input.debtorSignatory.name.trim() === '') {
    issues.push({ field: 'debtorSignatory.name', code: 'required' });
  }
  if (input.creditorSignatory.name.trim() === '') {
    issues.push({ field: 'creditorSignatory.name', code: 'required' });
  }
  // The agreement says on what authority each person signs: never leave it blank.
  if (input.creditorSignatory.capacity.trim() === '') {
    issues.push({ field: 'creditorSignatory.capacity', code: 'required' });
  }
  if (input.debtorSignatory.capacity.trim() === '') {
    issues.push({ field: 'debtorSignatory.capacity', code: 'required' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  const plan: PlanRecord = {
    id: base.id,
    clientId: input.clientId,
    invoiceIds: invoices.map((invoice) => invoice.id),
    status: 'draft',
    totalCents: composed.debtCents,
    downPaymentCents: input.downPaymentCents,
    frequency: input.frequency,
    annualInterestPercent: input.annualInterestPercent,
    signedDate: null,
    createdAt: base.createdAt,
    updatedAt: base.at,
    terms: {
      reference: base.reference,
      invoiceAmounts: invoices.map((invoice) => ({
        invoiceId: invoice.id,
        number: invoice.number,
        issueDate: invoice.issueDate,
        amountCents: invoice.outstandingCents,
      })),
      extraLines: input.extraLines.map((line) => ({ ...line, label: line.label.trim() })),
      breakAfterDays: input.breakAfterDays,
      downPaymentDate: input.downPaymentCents > 0 ? input.downPaymentDate : null,
      firstDueDate: input.firstDueDate,
      place: input.place.trim(),
      language: input.language,
      creditorSignatory: input.creditorSignatory,
      debtorSignatory: input.debtorSignatory,
    },
    brokenDate: null,
    completedDate: null,
  };
  const installments = composed.rows.map((row, index) => ({
    id: newId(),
    planId: base.id,
    seq: index + 1,
    dueDate: row.dueDate,
    amountCents: row.amountCents,
    principalCents: row.principalCents,
    interestCents: row.interestCents,
    paidCents: 0,
  }));
  return { plan, installments };
}

export async function createPlanDraft(
  db: CuentasDatabase,
  input: PlanDraftInput,
  today: CalendarDate,
): Promise<PlanRecord> {
  return db.transaction(
    'rw',
    [db.clients, db.invoices, db.plans, db.installments, db.audit],
    async () => {
      const client = await db.clients.get(input.clientId);
      if (!client) fail('clientId', 'not_found', { id: input.clientId });
      const invoices = await checkedInvoices(db, input, null);
      const at = nowInstant();
      const reference = nextReference(await db.plans.toArray(), today);
      const { plan, installments } = buildRecords(input, invoices, {
        id: newId(),
        reference,
        createdAt: at,
        at,
        today,
      });
      await db.plans.add(plan);
      await db.installments.bulkAdd(installments);
      await writeAudit(db, {
        at,
        entity: 'plan',
        entityId: plan.id,
        action: 'create',
        summary: `Borrador de plan ${reference} para ${client.name}: ${formatEuros(plan.totalCents)}`,
        before: null,
        after: { plan, installments },
      });
      return plan;
    },
  );
}

export async function updatePlanDraft(
  db: CuentasDatabase,
  planId: string,
  input: PlanDraftInput,
  today?: CalendarDate,
): Promise<PlanRecord> {
  return db.transaction('rw', [db.invoices, db.plans, db.installments, db.audit], async () => {
    const before = await db.plans.get(planId);
    if (!before) fail('planId', 'not_found', { id: planId });
    if (before.status !== 'draft') fail('status', 'plan_wrong_status');
    const invoices = await checkedInvoices(db, { ...input, clientId: before.clientId }, planId);
    const at = nowInstant();
    const { plan, installments } = buildRecords({ ...input, clientId: before.clientId }, invoices, {
      id: planId,
      reference: before.terms?.reference ?? planId.slice(0, 8),
      createdAt: before.createdAt,
      at,
      ...(today !== undefined ? { today } : {}),
    });
    await db.installments.where('planId').equals(planId).delete();
    await db.plans.put(plan);
    await db.installments.bulkAdd(installments);
    await writeAudit(db, {
      at,
      entity: 'plan',
      entityId: planId,
      action: 'update',
      summary: `Borrador de plan ${plan.terms?.reference ?? ''} modificado`,
      before,
      after: { plan, installments },
    });
    return plan;
  });
}

/** Cancels a draft or a signed plan; a signed plan's invoices go back to normal collection. */
export async function cancelPlan(db: CuentasDatabase, planId: string): Promise<void> {
  await db.transaction('rw', [db.plans, db.invoices, db.audit], async () => {
    const plan = await db.plans.get(planId);
    if (!plan) fail('planId', 'not_found', { id: planId });
    if (!canTransition(plan.status, 'cancelled')) fail('status', 'plan_wrong_status');
    const at = nowInstant();
    await db.plans.put({ ...plan, status: 'cancelled', updatedAt: at });
    const invoices = await db.invoices.bulkGet(plan.invoiceIds);
    for (const invoice of invoices) {
      if (invoice?.planId === planId)
        await db.invoices.put({ ...invoice, planId: null, updatedAt: at });
    }
    await writeAudit(db, {
      at,
      entity: 'plan',
      entityId: planId,
      action: 'update',
      summary: `Plan ${plan.terms?.reference ?? ''} anulado`,
      before: { status: plan.status },
      after: { status: 'cancelled' },
    });
  });
}

/** Re-evaluates every signed plan on `today`; returns the plans that have just broken. */
export async function refreshPlans(
  db: CuentasDatabase,
  today: CalendarDate,
): Promise<PlanRecord[]> {
  return db.transaction('rw', planTables(db), async () => {
    const live = await db.plans.where('status').anyOf('active', 'broken').toArray();
    const broken: PlanRecord[] = [];
    const at = nowInstant();
    for (const plan of live) {
      const after = await recomputePlan(db, plan.id, at, today);
      if (after && after.status === 'broken' && plan.status !== 'broken') broken.push(after);
    }
    return broken;
  });
}
