// Hoy's computation as it was before the speed-up (issue 14): getWorklist after its reads, with
// the prescriptions of every open invoice and three invoiceState calls per invoice. A test oracle.
import type { CompactInvoice } from '../../../../../shared/domain/ledger-read-model';
import type { InvoiceRecord } from '../../../../../shared/domain/records';
import {
  buildLedgerContext,
  invoiceState,
  totalsOf,
  type LedgerStateContext,
} from '../../../../../shared/domain/ledger-state';
import {
  invoicePrescriptions,
  type InvoicePrescription,
} from '../../../../../shared/domain/claim-prescription';
import {
  assessRisk,
  type RiskAssessment,
  type RiskInput,
  type SettledInvoiceHistory,
} from '../../../../../shared/domain/risk';
import type { DunningSettings } from '../../../../../shared/domain/dunning';
import { DEFAULT_WARNING_MONTHS } from '../../../../../shared/domain/prescription';
import {
  evaluatePromises,
  group,
  isOpen,
  lastContact,
  type ClientData,
  type EvaluatedPromise,
} from '../../../../../renderer/src/db/collections-data';
import type { WorklistInputs } from '../../../../../renderer/src/db/worklist-figures';
import { buildWorklist, type Worklist, type WorklistClient } from './worklist';

function settledHistory(data: ClientData<CompactInvoice>): SettledInvoiceHistory[] {
  const dateOf = new Map(data.payments.map((payment) => [payment.id, payment.date]));
  const byInvoice = group(data.allocations, (row) => row.invoiceId);
  const history: SettledInvoiceHistory[] = [];
  for (const invoice of data.invoices) {
    if (invoice.lifecycle !== 'issued' || invoice.outstandingCents > 0) continue;
    const dates = (byInvoice.get(invoice.id) ?? []).map((row) => dateOf.get(row.paymentId) ?? '');
    const lastDue = invoice.dues.at(-1)?.dueDate;
    const paidDate = dates.filter(Boolean).sort().at(-1);
    if (lastDue && paidDate) history.push({ dueDate: lastDue, paidDate });
  }
  return history;
}

function riskOf(
  data: ClientData<CompactInvoice>,
  promises: EvaluatedPromise[],
  ctx: LedgerStateContext,
  settledTotals?: RiskInput['settledTotals'],
): RiskAssessment {
  const totals = totalsOf(data.invoices, ctx);
  return assessRisk({
    settled: settledHistory(data),
    ...(settledTotals ? { settledTotals } : {}),
    openOverdueDays: data.invoices
      .map((invoice) => invoiceState(invoice, ctx).daysOverdue)
      .filter((days) => days > 0),
    brokenPromises: promises.filter(({ evaluation }) => evaluation.state === 'broken').length,
    overdueCents: totals.overdueCents,
    exposureCents: totals.outstandingCents,
    creditLimitCents: data.client.creditLimitCents,
  });
}

function withCreatedAt(
  invoices: readonly (CompactInvoice & Partial<Pick<InvoiceRecord, 'createdAt'>>)[],
  createdAtOf: ReadonlyMap<string, string>,
): (CompactInvoice & Partial<Pick<InvoiceRecord, 'createdAt'>>)[] {
  if (createdAtOf.size === 0) return [...invoices];
  return invoices.map((invoice) => {
    const createdAt = invoice.createdAt ?? createdAtOf.get(invoice.id);
    return createdAt === undefined ? invoice : { ...invoice, createdAt };
  });
}

function prescriptionsByClient(
  inputs: WorklistInputs,
  today: string,
): Map<string, InvoicePrescription[]> {
  const { settings } = inputs;
  const months = settings.prescriptionWarningMonths ?? DEFAULT_WARNING_MONTHS;
  const eventsOf = group(inputs.legalEvents, (row) => row.clientId);
  const plansOf = group(inputs.plans, (row) => row.clientId);
  const map = new Map<string, InvoicePrescription[]>();
  for (const data of inputs.data.clients) {
    const id = data.client.id;
    map.set(
      id,
      invoicePrescriptions(
        withCreatedAt(data.invoices, inputs.createdAtOf),
        {
          legalEvents: eventsOf.get(id) ?? [],
          dunningEvents: data.dunningEvents,
          plans: plansOf.get(id) ?? [],
          levels: settings.levels,
        },
        today,
        months,
      ),
    );
  }
  return map;
}

export function computeWorklistBefore(
  inputs: WorklistInputs,
  today: string,
): { worklist: Worklist; settings: DunningSettings; clientCount: number } {
  const { data, settings, facts, returned } = inputs;
  const all = data.clients;
  const { plans, installments } = facts;
  const ctx = buildLedgerContext({
    today,
    ...facts,
    invoices: all.flatMap((row) => row.invoices),
  });
  const planClient = new Map(plans.map((plan) => [plan.id, plan.clientId]));
  const installmentsByClient = group(
    installments.filter((row) => planClient.has(row.planId)),
    (row) => planClient.get(row.planId) ?? '',
  );
  const prescriptions = prescriptionsByClient(inputs, today);
  const clients: WorklistClient[] = all.map((row) => {
    const promises = evaluatePromises(row, today, settings.promiseGraceDays);
    const risk = riskOf(row, promises, ctx, data.histories.get(row.client.id));
    return {
      id: row.client.id,
      name: row.client.name,
      pausedUntil: row.client.pausedUntil ?? null,
      risk: risk.grade,
      brokenPromises: promises.filter(({ evaluation }) => evaluation.state === 'broken').length,
      invoices: row.invoices.filter(isOpen),
      dunningHistory: row.dunningEvents,
      openFollowUps: row.activities.filter(
        (activity) => activity.followUpDate !== null && !activity.followUpDone,
      ),
      promises,
      installments: installmentsByClient.get(row.client.id) ?? [],
      lastContactDate: lastContact(row),
      prescriptions: prescriptions.get(row.client.id) ?? [],
      returnedDebits: [...(returned.get(row.client.id) ?? [])],
    };
  });
  return {
    worklist: buildWorklist({ clients, today, levels: settings.levels, state: ctx }),
    settings,
    clientCount: all.length,
  };
}
