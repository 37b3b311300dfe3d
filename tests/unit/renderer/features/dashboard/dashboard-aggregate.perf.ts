// The Panel aggregate (bench `aggregate_ms`: the loader's inputs, collections and day columns made) before → after
// on the sample ledger, in the same run; and the loader's join and day columns of a revision, from
// scratch and after a one-client write (issue 14, panel4).
// Run: PERF_INVOICES=100000 npx vitest run --config tests/perf/vitest.perf.config.ts (with
// NODE_OPTIONS=--expose-gc each timing starts after a full collection: at a million rows a collection
// takes seconds, and would fall on whichever run comes after the other's garbage)
import { expect, it } from 'vitest';
import { generateDemoData } from '../../../../../shared/demo/generate-demo';
import { compactOf } from '../../../../../shared/domain/ledger-read-model';
import { computeDashboard } from '../../../../../renderer/src/features/dashboard/dashboard-figures';
import type { DashboardInputs } from '../../../../../renderer/src/db/ledger-queries';
import { joinCollections } from '../../../../../shared/domain/invoice-collections';
import { computeDashboardBefore as computeBefore } from '../../db/baseline/panel-figures';
import {
  ledgerDayColumns,
  type LedgerDayColumns,
} from '../../../../../shared/domain/ledger-day-columns';
import type {
  LedgerMirror,
  MirroredInvoices,
  MirroredMoney,
} from '../../../../../renderer/src/db/ledger-mirror';
import { panelJoinOf } from '../../../../../renderer/src/db/panel-pieces';
import { panelColumnsBefore } from '../../db/baseline/panel-columns';

const SIZE = Number(process.env.PERF_INVOICES ?? 100_000);
const ROUNDS = Number(process.env.PERF_ROUNDS ?? 8);
const TODAY = '2026-11-23';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

let sample: ReturnType<typeof generateDemoData> | null = null;
/** The sample ledger, generated once for every test of the run (a million takes a while). */
function sampleData(): ReturnType<typeof generateDemoData> {
  sample ??= generateDemoData({ invoices: SIZE, today: TODAY });
  return sample;
}

/** A full collection when Node runs with --expose-gc: each timing then pays only for its own garbage. */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

/**
 * Rounds of `before` and `after` interleaved, so a busy machine slows both alike (`between` after
 * each round, untimed); a line of medians.
 */
function compared(
  label: string,
  before: () => void,
  after: () => void,
  between: () => void = () => undefined,
): string {
  const times = { before: [] as number[], after: [] as number[] };
  const timed = (run: () => void, into: number[]) => {
    collectGarbage();
    const started = performance.now();
    run();
    into.push(performance.now() - started);
  };
  for (let i = 0; i < ROUNDS; i += 1) {
    timed(before, times.before);
    timed(after, times.after);
    between();
  }
  const [b, a] = [median(times.before), median(times.after)];
  const list = (values: number[]) => values.map((t) => t.toFixed(0)).join(' ');
  return `${label}: before median ${b.toFixed(0)} ms [${list(times.before)}], after median ${a.toFixed(0)} ms [${list(times.after)}], ×${(b / a).toFixed(1)}`;
}

it(`computeDashboard at ${SIZE} invoices, before → after`, () => {
  const data = sampleData();
  const inputs: DashboardInputs = {
    invoices: data.invoices.map(compactOf).sort((a, b) => (a.id < b.id ? -1 : 1)),
    clients: data.clients.map((c) => ({
      id: c.id,
      name: c.name,
      taxId: c.taxId,
      creditLimitCents: c.creditLimitCents,
    })),
    allocations: data.allocations
      .map((a) => ({ invoiceId: a.invoiceId, paymentId: a.paymentId, amountCents: a.amountCents }))
      .sort((a, b) => (a.invoiceId < b.invoiceId ? -1 : 1)),
    payments: data.payments.map((p) => ({ id: p.id, date: p.date, amountCents: p.amountCents })),
    installments: [],
    promises: [],
    facts: { plans: [], installments: [], promises: [] },
  };
  // As the Panel's loader gives them: each invoice's collections joined as the model is read.
  const joinStarted = performance.now();
  const collections = joinCollections(inputs.invoices, inputs.allocations, inputs.payments);
  console.log(
    `the join by id over the whole ledger: ${(performance.now() - joinStarted).toFixed(0)} ms`,
  );
  // And the day columns, made once per revision of the ledger (panel-histories.ts), not per call.
  const columnsStarted = performance.now();
  const dayColumns = ledgerDayColumns(inputs.invoices, collections, inputs.payments);
  console.log(
    `the day columns, once per revision: ${(performance.now() - columnsStarted).toFixed(0)} ms`,
  );
  const joined: DashboardInputs = { ...inputs, collections, dayColumns };
  expect(computeDashboard(joined, TODAY)).toEqual(computeBefore(inputs, TODAY));
  console.log(
    compared(
      `computeDashboard at ${SIZE} invoices`,
      () => computeBefore(inputs, TODAY),
      () => computeDashboard(joined, TODAY),
    ),
  );
});

/** The sample as the mirror holds it: each client's invoices and money, in key order. */
function sampleMirror(): LedgerMirror {
  const data = sampleData();
  const byKey = <T>(rows: T[], keyOf: (row: T) => string) => {
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return [...groups].sort(([a], [b]) => (a < b ? -1 : 1));
  };
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  const invoices = new Map<string, MirroredInvoices>(
    byKey(data.invoices.map(compactOf), (invoice) => invoice.clientId).map(([key, rows]) => [
      key,
      { invoices: rows.sort(byId), invoiceCount: rows.length, creditCents: 0 },
    ]),
  );
  const payments = new Map(byKey(data.payments, (payment) => payment.clientId));
  const money = new Map<string, MirroredMoney>(
    byKey(data.allocations, (allocation) => allocation.clientId).map(([key, rows]) => [
      key,
      {
        payments: (payments.get(key) ?? [])
          .map((p) => ({ id: p.id, date: p.date, amountCents: p.amountCents }))
          .sort(byId),
        allocations: rows
          .map((a) => ({
            id: a.id,
            invoiceId: a.invoiceId,
            paymentId: a.paymentId,
            amountCents: a.amountCents,
          }))
          .sort(byId),
      },
    ]),
  );
  for (const [key, rows] of payments) {
    if (!money.has(key))
      money.set(key, {
        payments: rows
          .map((p) => ({ id: p.id, date: p.date, amountCents: p.amountCents }))
          .sort(byId),
        allocations: [],
      });
  }
  return {
    epoch: 'perf',
    rev: 0,
    invoices,
    money: new Map([...money].sort(([a], [b]) => (a < b ? -1 : 1))),
    tables: new Map(),
    cache: new Map(),
  };
}

/** The mirror's rows as the loader joins them. */
const rowsOf = (mirror: LedgerMirror) => ({
  invoiceRows: [...mirror.invoices].map(([clientId, entry]) => ({
    clientId,
    invoices: entry.invoices,
  })),
  moneyRows: [...(mirror.money ?? [])].map(([owner, entry]) => ({ owner, ...entry })),
});

/** `mirror` with every entry a new object: nothing derived from it before is known. */
const unseen = (mirror: LedgerMirror): LedgerMirror => ({
  ...mirror,
  invoices: new Map([...mirror.invoices].map(([key, entry]) => [key, { ...entry }])),
  money: new Map([...(mirror.money ?? [])].map(([key, entry]) => [key, { ...entry }])),
  cache: new Map(),
});

/** The next revision after a payment of one client (its money row rewritten), the rest as it was. */
function afterOnePayment(mirror: LedgerMirror, round: number): LedgerMirror {
  const money = new Map(mirror.money);
  const keys = [...money.keys()];
  const key = keys[(round * 7919) % keys.length] as string;
  const entry = money.get(key) as MirroredMoney;
  const payment = { id: `zz-perf-${round}`, date: TODAY, amountCents: 1_00 };
  money.set(key, { payments: [...entry.payments, payment], allocations: entry.allocations });
  return { ...mirror, rev: mirror.rev + 1, money, cache: new Map() };
}

/** The columns' fields that differ, compared number by number (toEqual takes minutes at a million). */
function differingColumns(got: LedgerDayColumns, expected: LedgerDayColumns): string[] {
  const fields = (columns: LedgerDayColumns): Map<string, ArrayLike<number>> => {
    const { collections, starts, days, cents, openCents, open, paymentDays } = columns;
    const { issueDays, settledDays, lastCollectionDays } = columns;
    return new Map<string, ArrayLike<number>>([
      ...Object.entries({ starts, days, cents, openCents, open, paymentDays }),
      ...Object.entries({ issueDays, settledDays, lastCollectionDays }),
      ['collections.starts', collections.starts],
      ['collections.days', collections.days],
      ['collections.cents', collections.cents],
    ]);
  };
  const expectedFields = fields(expected);
  const differing = [...fields(got)].filter(([name, values]) => {
    const other = expectedFields.get(name);
    if (!other || other.length !== values.length) return true;
    for (let i = 0; i < values.length; i += 1) if (!Object.is(values[i], other[i])) return true;
    return false;
  });
  return [...differing.map(([name]) => name), ...(got.count === expected.count ? [] : ['count'])];
}

it(
  `the Panel's join and day columns at ${SIZE} invoices, before → after`,
  { timeout: 3_600_000 },
  () => {
    let mirror = sampleMirror();
    const whole = panelColumnsBefore(rowsOf(mirror));
    expect(differingColumns(panelJoinOf(mirror).dayColumns, whole.dayColumns)).toEqual([]);
    expect(whole.dayColumns.collections.days.length).toBeGreaterThan(0);
    let round = 0;
    const next = () => {
      round += 1;
      mirror = afterOnePayment(mirror, round);
      return mirror;
    };
    const written = next();
    const wholeWritten = panelColumnsBefore(rowsOf(written)).dayColumns;
    expect(differingColumns(panelJoinOf(written).dayColumns, wholeWritten)).toEqual([]);
    // Each round a new revision after one client's payment: before, the whole again; after, one client.
    let pending = next();
    console.log(
      compared(
        `columns after a one-client write at ${SIZE} invoices`,
        () => panelColumnsBefore(rowsOf(pending)),
        () => panelJoinOf(pending),
        () => {
          pending = next();
        },
      ),
    );
    console.log(
      compared(
        `columns from scratch at ${SIZE} invoices`,
        () => panelColumnsBefore(rowsOf(unseen(mirror))),
        () => panelJoinOf(unseen(mirror)),
      ),
    );
  },
);
