// The Panel aggregate (bench `aggregate_ms`: the loader's inputs, collections and day columns made) before → after
// on the sample ledger, in the same run.
// Run: PERF_INVOICES=100000 npx vitest run --config tests/perf/vitest.perf.config.ts
import { expect, it } from 'vitest';
import { generateDemoData } from '../../../../../shared/demo/generate-demo';
import { compactOf } from '../../../../../shared/domain/ledger-read-model';
import { computeDashboard } from '../../../../../renderer/src/features/dashboard/dashboard-figures';
import type { DashboardInputs } from '../../../../../renderer/src/db/ledger-queries';
import { joinCollections } from '../../../../../shared/domain/invoice-collections';
import { computeDashboardBefore as computeBefore } from '../../db/baseline/panel-figures';
import { ledgerDayColumns } from '../../../../../shared/domain/ledger-day-columns';

const SIZE = Number(process.env.PERF_INVOICES ?? 100_000);
const ROUNDS = Number(process.env.PERF_ROUNDS ?? 8);
const TODAY = '2026-11-23';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

it(`computeDashboard at ${SIZE} invoices, before → after`, () => {
  const data = generateDemoData({ invoices: SIZE, today: TODAY });
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
  const before: number[] = [];
  const after: number[] = [];
  // Interleaved, so a busy machine slows both alike.
  for (let i = 0; i < ROUNDS; i += 1) {
    let started = performance.now();
    computeBefore(inputs, TODAY);
    before.push(performance.now() - started);
    started = performance.now();
    computeDashboard(joined, TODAY);
    after.push(performance.now() - started);
  }
  const [b, a] = [median(before), median(after)];
  console.log(
    `computeDashboard at ${SIZE} invoices: before median ${b.toFixed(0)} ms [${before
      .map((t) => t.toFixed(0))
      .join(' ')}], after median ${a.toFixed(0)} ms [${after
      .map((t) => t.toFixed(0))
      .join(' ')}], ×${(b / a).toFixed(1)}`,
  );
});
