// Read helpers for the plans screens (wrapped in useLiveQuery); they never write.
import type {
  ClientRecord,
  InstallmentRecord,
  InvoiceRecord,
  PlanDocumentRecord,
  PlanRecord,
} from '../../../shared/domain/records';
import type { CalendarDate } from '../../../shared/domain/dates';
import {
  DEFAULT_BREAK_AFTER_DAYS,
  evaluatePlan,
  type PlanEvaluation,
} from '../../../shared/domain/plan-lifecycle';
import type { CuentasDatabase } from './database';
import { invoiceFitsPlan } from './plans-repo';
import { paymentsOfInvoices } from './claim-queries';
import type { DatedPayment } from '../../../shared/domain/claim-amounts';

export interface PlanListRow {
  plan: PlanRecord;
  clientName: string;
  evaluation: PlanEvaluation;
  installmentCount: number;
}

export type PlanDocumentInfo = Omit<PlanDocumentRecord, 'bytes'> & { size: number };

export interface PlanDetail {
  plan: PlanRecord;
  client: ClientRecord | undefined;
  invoices: InvoiceRecord[];
  installments: InstallmentRecord[];
  documents: PlanDocumentInfo[];
  evaluation: PlanEvaluation;
}

function evaluate(plan: PlanRecord, installments: InstallmentRecord[], today: CalendarDate) {
  return evaluatePlan(
    plan.status,
    installments,
    today,
    plan.terms?.breakAfterDays ?? DEFAULT_BREAK_AFTER_DAYS,
  );
}

/** Every plan, newest first, with how it stands today. */
export async function listPlans(db: CuentasDatabase, today: CalendarDate): Promise<PlanListRow[]> {
  const [plans, installments] = await Promise.all([db.plans.toArray(), db.installments.toArray()]);
  // Only the clients with a plan: a ledger of 50.000 clients has a handful of plans.
  const clientIds = [...new Set(plans.map((plan) => plan.clientId))];
  const clients = await db.clients.bulkGet(clientIds);
  const names = new Map<string, string>();
  clientIds.forEach((id, index) => names.set(id, clients[index]?.name ?? ''));
  const byPlan = new Map<string, InstallmentRecord[]>();
  for (const row of installments) {
    const rows = byPlan.get(row.planId);
    if (rows) rows.push(row);
    else byPlan.set(row.planId, [row]);
  }
  return plans
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((plan) => {
      const rows = byPlan.get(plan.id) ?? [];
      return {
        plan,
        clientName: names.get(plan.clientId) ?? '',
        evaluation: evaluate(plan, rows, today),
        installmentCount: rows.length,
      };
    });
}

export async function getPlanDetail(
  db: CuentasDatabase,
  planId: string,
  today: CalendarDate,
): Promise<PlanDetail | null> {
  const plan = await db.plans.get(planId);
  if (!plan) return null;
  const [client, invoices, installments, documents] = await Promise.all([
    db.clients.get(plan.clientId),
    db.invoices.bulkGet(plan.invoiceIds),
    db.installments.where('planId').equals(planId).sortBy('seq'),
    db.planDocuments.where('planId').equals(planId).toArray(),
  ]);
  return {
    plan,
    client,
    invoices: invoices.filter((invoice): invoice is InvoiceRecord => invoice !== undefined),
    installments,
    documents: documents
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(({ bytes, ...info }) => ({ ...info, size: bytes.byteLength })),
    evaluation: evaluate(plan, installments, today),
  };
}

/** The stored bytes of a plan's document, exactly as kept. */
export async function getPlanDocumentBytes(
  db: CuentasDatabase,
  documentId: string,
): Promise<PlanDocumentRecord | undefined> {
  return db.planDocuments.get(documentId);
}

/** A client's invoices that may go into a (new or this draft) plan, oldest first. */
export async function listInvoicesForPlan(
  db: CuentasDatabase,
  clientId: string,
  planId: string | null = null,
): Promise<(InvoiceRecord & { payments: DatedPayment[] })[]> {
  const invoices = (await db.invoices.where('clientId').equals(clientId).toArray())
    .filter((invoice) => invoiceFitsPlan(invoice, clientId, planId))
    .sort((a, b) => a.issueDate.localeCompare(b.issueDate));
  // The dated payments of each invoice: late charges are counted per due and per payment.
  const payments = await paymentsOfInvoices(
    db,
    invoices.map((invoice) => invoice.id),
  );
  return invoices.map((invoice) => ({ ...invoice, payments: payments.get(invoice.id) ?? [] }));
}

/** Installments of signed plans still owed, by date: for Hoy and reminders. */
export async function listOpenInstallments(
  db: CuentasDatabase,
): Promise<{ installment: InstallmentRecord; plan: PlanRecord; clientName: string }[]> {
  const plans = await db.plans.where('status').anyOf('active', 'broken').toArray();
  const clients = await db.clients.bulkGet(plans.map((plan) => plan.clientId));
  const rows = [];
  for (const [index, plan] of plans.entries()) {
    const installments = await db.installments.where('planId').equals(plan.id).toArray();
    for (const installment of installments) {
      if (installment.paidCents < installment.amountCents) {
        rows.push({ installment, plan, clientName: clients[index]?.name ?? '' });
      }
    }
  }
  return rows.sort((a, b) => a.installment.dueDate.localeCompare(b.installment.dueDate));
}
