// Keeps plans in step with payments: installments paid, completed/broken, and invoices' planId.
import type {
  InstallmentRecord,
  InvoiceRecord,
  PaymentRecord,
  PlanRecord,
  PlanStatus,
} from '../../../shared/domain/records';
import type { CalendarDate } from '../../../shared/domain/dates';
import {
  allocateToInstallments,
  DEFAULT_BREAK_AFTER_DAYS,
  evaluatePlan,
} from '../../../shared/domain/plan-lifecycle';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';

/** Plans that follow payments: signed and not closed. */
export const LIVE_PLAN_STATUSES: readonly PlanStatus[] = ['active', 'broken', 'completed'];

/**
 * What the client has paid toward a plan since it was drafted: the fall in its invoices'
 * outstanding plus the payments' parts applied to the plan itself, minus the down payment
 * (which is paid first and is not an installment).
 */
export function paidTowardInstallments(
  plan: PlanRecord,
  invoices: readonly InvoiceRecord[],
  payments: readonly PaymentRecord[],
): number {
  const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  const fromInvoices = (plan.terms?.invoiceAmounts ?? []).reduce((sum, row) => {
    const now = byId.get(row.invoiceId);
    return sum + (now ? Math.max(0, row.amountCents - now.outstandingCents) : 0);
  }, 0);
  const fromPlan = payments
    .filter((payment) => payment.planId === plan.id)
    .reduce((sum, payment) => sum + (payment.planCents ?? 0), 0);
  return Math.max(0, fromInvoices + fromPlan - plan.downPaymentCents);
}

/** Tables a transaction needs to call recomputePlan. */
export function planTables(db: CuentasDatabase) {
  return [db.plans, db.installments, db.invoices, db.payments, db.audit];
}

/**
 * The installments' paid amounts, derived from what the client paid toward the plan, written in
 * the caller's transaction (sync calls it after a pull: they are never merged as fields).
 */
export async function recomputeInstallments(
  db: CuentasDatabase,
  plan: PlanRecord,
): Promise<{ installments: InstallmentRecord[]; invoices: InvoiceRecord[] }> {
  const [installments, invoices, payments] = await Promise.all([
    db.installments.where('planId').equals(plan.id).toArray(),
    db.invoices.bulkGet(plan.invoiceIds),
    db.payments.where('clientId').equals(plan.clientId).toArray(),
  ]);
  const present = invoices.filter((invoice): invoice is InvoiceRecord => invoice !== undefined);
  const paidTotal = paidTowardInstallments(plan, present, payments);
  const { paid } = allocateToInstallments(
    installments.map((row) => ({ ...row, paidCents: 0 })),
    paidTotal,
  );
  const updated: InstallmentRecord[] = installments.map((row) => ({
    ...row,
    paidCents: paid.get(row.seq) ?? 0,
  }));
  await db.installments.bulkPut(updated);
  return { installments: updated, invoices: present };
}

/**
 * Recomputes a signed plan inside the caller's transaction. Without `today` only payments move
 * it (completed, or back to active when a payment is deleted); with `today` it may also break.
 */
export async function recomputePlan(
  db: CuentasDatabase,
  planId: string,
  at: string,
  today: CalendarDate | null,
): Promise<PlanRecord | undefined> {
  const plan = await db.plans.get(planId);
  if (!plan || !LIVE_PLAN_STATUSES.includes(plan.status)) return plan;
  const { installments: updated, invoices: present } = await recomputeInstallments(db, plan);

  const breakAfter = plan.terms?.breakAfterDays ?? DEFAULT_BREAK_AFTER_DAYS;
  // Without a today nothing can break: evaluate as of a day before any installment.
  const startStatus: PlanStatus = plan.brokenDate ? 'broken' : 'active';
  const evaluation = evaluatePlan(startStatus, updated, today ?? '0001-01-01', breakAfter);
  if (evaluation.status === plan.status) return plan;

  const next: PlanRecord = {
    ...plan,
    status: evaluation.status,
    updatedAt: at,
    brokenDate:
      evaluation.status === 'broken'
        ? (plan.brokenDate ?? today ?? null)
        : (plan.brokenDate ?? null),
    completedDate: evaluation.status === 'completed' ? (today ?? at.slice(0, 10)) : null,
  };
  await db.plans.put(next);
  // A broken plan gives its invoices back to dunning; an active or completed one keeps them.
  const planIdOnInvoices = next.status === 'broken' ? null : plan.id;
  for (const invoice of present) {
    if (
      invoice.planId !== planIdOnInvoices &&
      (invoice.planId === plan.id || invoice.planId === null)
    ) {
      await db.invoices.put({ ...invoice, planId: planIdOnInvoices, updatedAt: at });
    }
  }
  await writeAudit(db, {
    at,
    entity: 'plan',
    entityId: plan.id,
    action: 'update',
    summary: `Plan ${plan.terms?.reference ?? plan.id}: ${plan.status} → ${next.status}`,
    before: { status: plan.status },
    after: { status: next.status, accelerated: evaluation.accelerated },
  });
  return next;
}

/** Recomputes every signed plan of a client (after a payment is recorded or deleted). */
export async function recomputePlansOfClient(
  db: CuentasDatabase,
  clientId: string,
  at: string,
): Promise<void> {
  const plans = await db.plans.where('clientId').equals(clientId).toArray();
  for (const plan of plans) {
    if (LIVE_PLAN_STATUSES.includes(plan.status)) await recomputePlan(db, plan.id, at, null);
  }
}

/**
 * How much of a payment's excess (beyond the invoices) a plan can take: its interest and extra
 * lines, i.e. what the installments will still ask for beyond the plan invoices' outstanding
 * once this payment's allocations are applied. With onlyPlanIds, only those plans.
 */
export async function planAbsorption(
  db: CuentasDatabase,
  clientId: string,
  excessCents: number,
  allocations: readonly { invoiceId: string; amountCents: number }[],
  onlyPlanIds?: readonly string[],
): Promise<{ planId: string | null; planCents: number }> {
  if (excessCents <= 0) return { planId: null, planCents: 0 };
  const allocated = new Map<string, number>();
  for (const item of allocations) {
    allocated.set(item.invoiceId, (allocated.get(item.invoiceId) ?? 0) + item.amountCents);
  }
  const [plans, payments] = await Promise.all([
    db.plans.where('clientId').equals(clientId).toArray(),
    db.payments.where('clientId').equals(clientId).toArray(),
  ]);
  const live = plans.filter((row) => row.status === 'active' || row.status === 'broken');
  // A receipt chosen for given plans pays only those plans' interest and extra lines.
  const wanted = onlyPlanIds && onlyPlanIds.length > 0 ? new Set(onlyPlanIds) : null;
  for (const plan of live.filter((row) => !wanted || wanted.has(row.id))) {
    const installments = await db.installments.where('planId').equals(plan.id).toArray();
    const invoices = (await db.invoices.bulkGet(plan.invoiceIds)).flatMap((invoice) =>
      invoice
        ? [
            {
              ...invoice,
              outstandingCents: Math.max(
                0,
                invoice.outstandingCents - (allocated.get(invoice.id) ?? 0),
              ),
            },
          ]
        : [],
    );
    const paidAfter = paidTowardInstallments(plan, invoices, payments);
    const owedOnPlan = Math.max(
      0,
      installments.reduce((sum, row) => sum + row.amountCents, 0) - paidAfter,
    );
    const owedOnInvoices = invoices.reduce((sum, row) => sum + row.outstandingCents, 0);
    const room = Math.max(0, owedOnPlan - owedOnInvoices);
    if (room > 0) return { planId: plan.id, planCents: Math.min(room, excessCents) };
  }
  return { planId: null, planCents: 0 };
}
