// Hoy's worklist from data already loaded: pure, so a Node test can time it and hold it to the old code.
import type { LegalEventRecord, PlanRecord } from '../../../shared/domain/records';
import { invoiceState, type InvoiceState } from '../../../shared/domain/ledger-state';
import type { CompactInvoice } from '../../../shared/domain/ledger-read-model';
import { buildWorklist, type Worklist, type WorklistClient } from '../../../shared/domain/worklist';
import type { DunningSettings } from '../../../shared/domain/dunning';
import {
  invoicePrescriptions,
  type InvoicePrescription,
} from '../../../shared/domain/claim-prescription';
import { lastDueDateToWarn } from '../../../shared/domain/prescription';
import type { CalendarDate } from '../../../shared/domain/dates';
import { evaluatePromises, group, isOpen, lastContact, riskFromStates } from './collections-data';
import { warningMonthsOf } from './legal-repo';
import type { WorklistData } from './worklist-data';
import { stateContext, type StateFacts } from './ledger-queries';
import type { ReturnedDebitRow } from './returned-debits-repo';

export interface WorklistInputs {
  /** Clients with their open invoices (compact rows), promises, contacts; stored risk summaries. */
  data: WorklistData;
  settings: DunningSettings;
  /** Active plans, their installments and open promises (ledger-state.ts). */
  facts: StateFacts;
  returned: ReadonlyMap<string, readonly ReturnedDebitRow[]>;
  /** Every legal event and plan: steps and signed plans interrupt prescription. */
  legalEvents: readonly LegalEventRecord[];
  plans: readonly PlanRecord[];
  /**
   * The createdAt of invoices a client-wide legal step may concern (`createdAtNeeded` says which
   * clients): the compact rows do not keep it.
   */
  createdAtOf: ReadonlyMap<string, string>;
}

export interface WorklistResult {
  worklist: Worklist;
  settings: DunningSettings;
  clientCount: number;
}

/**
 * Only an invoice due on or before this day can be near its prescription today: Hoy computes
 * prescriptions for those alone (none, in most ledgers).
 */
function mayWarn(
  invoices: readonly CompactInvoice[],
  lastDue: CalendarDate,
): (CompactInvoice & { createdAt?: string })[] {
  const out: CompactInvoice[] = [];
  for (const invoice of invoices) {
    if (invoice.nextDueDate !== null && invoice.nextDueDate <= lastDue) out.push(invoice);
  }
  return out;
}

/** The clients whose invoices' createdAt decides whether a client-wide legal step covers them. */
export function createdAtNeeded(
  data: WorklistData,
  legalEvents: readonly LegalEventRecord[],
  settings: DunningSettings,
  today: CalendarDate,
): string[] {
  const clientWide = new Set(
    legalEvents
      .filter((event) => event.invoiceIds.length === 0 && event.createdAt !== undefined)
      .map((event) => event.clientId),
  );
  if (clientWide.size === 0) return [];
  const lastDue = lastDueDateToWarn(today, warningMonthsOf(settings));
  return data.clients
    .filter((row) => clientWide.has(row.client.id) && mayWarn(row.invoices, lastDue).length > 0)
    .map((row) => row.client.id);
}

export function computeWorklist(inputs: WorklistInputs, today: CalendarDate): WorklistResult {
  const { data, settings, facts, returned } = inputs;
  const all = data.clients;
  const ctx = stateContext(facts, openInvoicesOf(all), today);
  const planClient = new Map(facts.plans.map((plan) => [plan.id, plan.clientId]));
  const installmentsByClient = group(
    facts.installments.filter((row) => planClient.has(row.planId)),
    (row) => planClient.get(row.planId) ?? '',
  );
  const lastDue = lastDueDateToWarn(today, warningMonthsOf(settings));
  const eventsOf = group(inputs.legalEvents, (row) => row.clientId);
  const plansOf = group(inputs.plans, (row) => row.clientId);
  const clients: WorklistClient[] = all.map((row) => {
    const id = row.client.id;
    // Each invoice's state once: the risk grade, the items and the totals all read it.
    const states = row.invoices.map((invoice) => invoiceState(invoice, ctx));
    const promises = evaluatePromises(row, today, settings.promiseGraceDays);
    const risk = riskFromStates(row, promises, states, data.histories.get(id));
    const nearing = mayWarn(row.invoices, lastDue);
    const prescriptions: InvoicePrescription[] =
      nearing.length === 0
        ? []
        : invoicePrescriptions(
            withCreatedAt(nearing, inputs.createdAtOf),
            {
              legalEvents: eventsOf.get(id) ?? [],
              dunningEvents: row.dunningEvents,
              plans: plansOf.get(id) ?? [],
              levels: settings.levels,
            },
            today,
            warningMonthsOf(settings),
          );
    let brokenPromises = 0;
    for (const { evaluation } of promises) if (evaluation.state === 'broken') brokenPromises += 1;
    return {
      id,
      name: row.client.name,
      pausedUntil: row.client.pausedUntil ?? null,
      risk: risk.grade,
      brokenPromises,
      ...openOnly(row.invoices, states),
      dunningHistory: row.dunningEvents,
      openFollowUps: row.activities.filter(
        (activity) => activity.followUpDate !== null && !activity.followUpDone,
      ),
      promises,
      installments: installmentsByClient.get(id) ?? [],
      lastContactDate: lastContact(row),
      prescriptions,
      returnedDebits: returned.get(id) ?? [],
    };
  });
  return {
    worklist: buildWorklist({ clients, today, levels: settings.levels, state: ctx }),
    settings,
    clientCount: all.length,
  };
}

/** The worklist counts open invoices only (loadWorklistData reads no other: kept as a guard). */
function openOnly(
  invoices: CompactInvoice[],
  states: InvoiceState[],
): { invoices: CompactInvoice[]; states: InvoiceState[] } {
  if (invoices.every(isOpen)) return { invoices, states };
  const kept = { invoices: [] as CompactInvoice[], states: [] as InvoiceState[] };
  invoices.forEach((invoice, index) => {
    const state = states[index];
    if (!isOpen(invoice) || !state) return;
    kept.invoices.push(invoice);
    kept.states.push(state);
  });
  return kept;
}

function* openInvoicesOf(all: WorklistData['clients']): Iterable<CompactInvoice> {
  for (const row of all) yield* row.invoices;
}

function withCreatedAt(
  invoices: (CompactInvoice & { createdAt?: string })[],
  createdAtOf: ReadonlyMap<string, string>,
): (CompactInvoice & { createdAt?: string })[] {
  if (createdAtOf.size === 0) return invoices;
  return invoices.map((invoice) => {
    const createdAt = invoice.createdAt ?? createdAtOf.get(invoice.id);
    return createdAt === undefined ? invoice : { ...invoice, createdAt };
  });
}
