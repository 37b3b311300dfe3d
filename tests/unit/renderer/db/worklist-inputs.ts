// Hoy's inputs as getWorklist reads them, built from the demo generator and then seasoned with what
// the demo lacks (promises, dunning history, plans, legal steps, returned receipts, old claims,
// paused clients), so the old and new computations meet every branch.
import { generateDemoData } from '../../../../shared/demo/generate-demo';
import { mulberry32 } from '../../../../shared/demo/prng';
import { addDays, addMonthsClamped } from '../../../../shared/domain/dates';
import { DEFAULT_DUNNING_SETTINGS, type DunningSettings } from '../../../../shared/domain/dunning';
import { compactOf, type CompactInvoice } from '../../../../shared/domain/ledger-read-model';
import type {
  ClientHistoryRecord,
  DunningEventRecord,
  InstallmentRecord,
  LegalEventRecord,
  PlanRecord,
  PromiseRecord,
  PromiseStatus,
} from '../../../../shared/domain/records';
import { group, isOpen } from '../../../../renderer/src/db/collections-data';
import type { ReturnedDebitRow } from '../../../../renderer/src/db/returned-debits-repo';
import type { WorklistInputs } from '../../../../renderer/src/db/worklist-figures';

export interface HoyOptions {
  invoices: number;
  today: string;
  seed: number;
  /** 0: the demo as generated; 1: extras on many clients. */
  spice: number;
  warningMonths?: number;
}

const PROMISE_STATUSES: readonly PromiseStatus[] = ['open', 'open', 'kept', 'broken', 'cancelled'];
const LEGAL_KINDS = ['masc_attempt', 'demand', 'acknowledgment', 'monitorio'] as const;

export function hoyInputs(options: HoyOptions): WorklistInputs {
  const { today, spice } = options;
  const rng = mulberry32(options.seed);
  const demo = generateDemoData({ invoices: options.invoices, today, seed: options.seed });
  const createdAtOf = new Map<string, string>();
  const compact: CompactInvoice[] = [];
  for (const record of demo.invoices) {
    const invoice = compactOf(record);
    // Some claims pushed back about five years: near, inside or past their prescription.
    if (isOpen(invoice) && invoice.nextDueDate !== null && rng.chance(0.08 * spice)) {
      const back = -rng.int(52, 64) * 1;
      const shift = (date: string) => addDays(addMonthsClamped(date, back), rng.int(-3, 3));
      invoice.dues = invoice.dues.map((due) => ({ ...due, dueDate: shift(due.dueDate) }));
      invoice.nextDueDate =
        invoice.dues.reduce<string | null>(
          (min, due) => (min === null || due.dueDate < min ? due.dueDate : min),
          null,
        ) ?? null;
    }
    compact.push(invoice);
    if (rng.chance(0.9)) createdAtOf.set(invoice.id, record.createdAt);
  }
  const open = compact.filter(isOpen).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const invoicesOf = group(open, (row) => row.clientId);
  const clients = demo.clients.map((client) =>
    rng.chance(0.03 * spice) ? { ...client, pausedUntil: addDays(today, rng.int(-5, 10)) } : client,
  );
  if (spice > 0)
    for (const client of clients)
      if (rng.chance(0.2)) client.creditLimitCents = rng.int(0, 5) * 50_000;

  const promises: PromiseRecord[] = [];
  const dunningEvents: DunningEventRecord[] = [];
  const legalEvents: LegalEventRecord[] = [];
  const plans: PlanRecord[] = [];
  const installments: InstallmentRecord[] = [];
  const returned = new Map<string, ReturnedDebitRow[]>();
  const histories = new Map<string, ClientHistoryRecord>();
  let n = 0;
  const id = (prefix: string) => `${prefix}-${String((n += 1)).padStart(6, '0')}`;
  const day = (min: number, max: number) => addDays(today, rng.int(min, max));
  for (const client of clients) {
    const mine = invoicesOf.get(client.id) ?? [];
    const some = () => mine.filter(() => rng.chance(0.4)).map((row) => row.id);
    if (rng.chance(0.5)) {
      const settledCount = rng.int(0, 30);
      const lateCount = rng.int(0, settledCount);
      histories.set(client.id, {
        clientId: client.id,
        settledCount,
        lateCount,
        daysLateSum: lateCount * rng.int(0, 40),
      });
    }
    if (rng.chance(0.15 * spice)) {
      for (let k = rng.int(1, 2); k > 0; k -= 1) {
        const createdAt = `${day(-60, -1)}T10:00:00.000Z`;
        promises.push({
          id: id('prom'),
          clientId: client.id,
          invoiceIds: rng.chance(0.5) ? some() : [],
          amountCents: rng.int(1, 400) * 1_000,
          promisedDate: day(-20, 15),
          activityId: null,
          status: rng.pick(PROMISE_STATUSES),
          createdAt,
        });
      }
    }
    if (rng.chance(0.25 * spice)) {
      for (let k = rng.int(1, 3); k > 0; k -= 1) {
        dunningEvents.push({
          id: id('dun'),
          clientId: client.id,
          invoiceIds: some(),
          level: rng.int(0, 4),
          date: day(-400, 0),
          channel: 'email',
          amountCents: 0,
          interestCents: 0,
          compensationCents: 0,
          activityId: null,
          createdAt: `${today}T08:00:00.000Z`,
        });
      }
    }
    if (rng.chance(0.1 * spice)) {
      const clientWide = rng.chance(0.5);
      legalEvents.push({
        id: id('legal'),
        clientId: client.id,
        invoiceIds: clientWide ? [] : some(),
        kind: rng.pick(LEGAL_KINDS),
        date: day(-2200, 0),
        channel: 'burofax',
        answer: '',
        note: '',
        createdAt: `${day(-2200, 0)}T12:00:00.000Z`,
      });
    }
    if (mine.length > 1 && rng.chance(0.06 * spice)) {
      const planId = id('plan');
      const covered = mine.filter(() => rng.chance(0.5));
      const active = rng.chance(0.7);
      for (const invoice of covered) if (active) invoice.planId = planId;
      plans.push({
        id: planId,
        clientId: client.id,
        invoiceIds: covered.map((row) => row.id),
        status: active ? 'active' : 'broken',
        totalCents: 0,
        downPaymentCents: 0,
        frequency: 'monthly',
        annualInterestPercent: 0,
        signedDate: rng.chance(0.7) ? day(-2000, -1) : null,
        createdAt: `${today}T08:00:00.000Z`,
        updatedAt: `${today}T08:00:00.000Z`,
      });
      for (let seq = 1; seq <= 4; seq += 1) {
        const amountCents = rng.int(1, 50) * 1_000;
        installments.push({
          id: id('inst'),
          planId,
          seq,
          dueDate: day(-90 + seq * 30, -80 + seq * 30),
          amountCents,
          principalCents: amountCents,
          interestCents: 0,
          paidCents: rng.chance(0.4) ? amountCents : rng.chance(0.3) ? amountCents / 2 : 0,
        });
      }
    }
    if (rng.chance(0.04 * spice)) {
      const planInstallment = installments.at(-1);
      returned.set(client.id, [
        {
          movementId: id('mov'),
          date: day(-30, 0),
          amountCents: rng.int(1, 90) * 1_000,
          installmentId: rng.chance(0.5) ? (planInstallment?.id ?? null) : null,
          represent: rng.pick(['ready', 'requested', null] as const),
        },
      ]);
    }
  }
  const promised = new Set(promises.map((row) => row.clientId));
  const by = <T extends { clientId: string }>(rows: T[]) => group(rows, (row) => row.clientId);
  const [alloc, pay, act, prom, ev] = [
    by(demo.allocations.filter((row) => promised.has(row.clientId))),
    by(demo.payments.filter((row) => promised.has(row.clientId))),
    by(demo.activities),
    by(promises),
    by(dunningEvents),
  ];
  const activePlans = plans.filter((plan) => plan.status === 'active');
  const settings: DunningSettings = {
    ...DEFAULT_DUNNING_SETTINGS,
    ...(options.warningMonths === undefined
      ? {}
      : { prescriptionWarningMonths: options.warningMonths }),
  };
  return {
    data: {
      clients: clients.map((client) => ({
        client,
        invoices: invoicesOf.get(client.id) ?? [],
        allocations: alloc.get(client.id) ?? [],
        payments: pay.get(client.id) ?? [],
        activities: act.get(client.id) ?? [],
        promises: prom.get(client.id) ?? [],
        dunningEvents: ev.get(client.id) ?? [],
      })),
      histories,
    },
    settings,
    facts: {
      plans: activePlans.map(({ id: planId, clientId, status, invoiceIds }) => ({
        id: planId,
        clientId,
        status,
        invoiceIds,
      })),
      installments: installments.filter((row) =>
        activePlans.some((plan) => plan.id === row.planId),
      ),
      promises: promises
        .filter((row) => row.status === 'open')
        .map(({ status, invoiceIds }) => ({ status, invoiceIds })),
    },
    returned,
    legalEvents,
    plans,
    createdAtOf,
  };
}
