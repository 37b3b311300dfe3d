// A keystroke's search over the demo ledger, before → after, as the screen runs it: each query typed
// one character at a time, each narrowing the previous result (LedgerScreen's `previous`).
// Run: PERF_INVOICES=100000 npx vitest run --config tests/perf/vitest.perf.config.ts ledger-index
import { selfTimes } from '../../../support/cpu-profile';
import { BENCH_QUERIES as QUERIES } from '../../../support/bench-queries';
import { expect, it } from 'vitest';
import { generateDemoData } from '../../../../shared/demo/generate-demo';
import { buildLedgerContext } from '../../../../shared/domain/ledger-state';
import { sortLedgerOrder } from '../../../../shared/domain/ledger-order';
import { EMPTY_FILTER, narrows, type LedgerFilter } from '../../../../shared/domain/ledger-filter';
import * as after from '../../../../shared/domain/ledger-index';
import * as before from './baseline/ledger-index-before';
import { toLedgerRow, type LedgerRow } from '../../../../renderer/src/db/ledger-queries';

const SIZE = Number(process.env.PERF_INVOICES ?? 100_000);
const ROUNDS = Number(process.env.PERF_ROUNDS ?? 5);
const TODAY = '2026-12-01';
function ledgerRows(): LedgerRow[] {
  const data = generateDemoData({ invoices: SIZE, today: TODAY });
  const clients = new Map(data.clients.map((client) => [client.id, client]));
  const ctx = buildLedgerContext({ today: TODAY, plans: [], installments: [], invoices: [] });
  const rows = data.invoices.map((invoice) => {
    const client = clients.get(invoice.clientId);
    const ledgerClient = client && { ...client, creditLimitCents: client.creditLimitCents };
    return toLedgerRow(invoice, ledgerClient, null, ctx);
  });
  return sortLedgerOrder(rows);
}

type Typed = { filter: LedgerFilter; positions: Int32Array } | null;

/** One keystroke as the screen runs it (narrowing the previous result when it can): ms and result. */
function keystroke<I>(
  select: (index: I, filter: LedgerFilter, within: Int32Array | null) => { positions: Int32Array },
  index: I,
  filter: LedgerFilter,
  previous: Typed,
): { ms: number; positions: Int32Array } {
  // CPU time, not the wall clock: on a shared machine the wall clock counts other programs' turns.
  const started = process.cpuUsage();
  const within = previous && narrows(previous.filter, filter) ? previous.positions : null;
  const { positions } = select(index, filter, within);
  const { user, system } = process.cpuUsage(started);
  return { ms: (user + system) / 1000, positions };
}

/** Every keystroke of the twenty queries, before and after in turn (a busy machine slows both). */
function typeAll(rows: readonly LedgerRow[], detail: string[]) {
  const indexes = { before: before.buildLedgerIndex(rows), after: after.buildLedgerIndex(rows) };
  const times = { before: [] as number[], after: [] as number[] };
  for (const query of QUERIES) {
    let last: { before: Typed; after: Typed } = { before: null, after: null };
    for (let length = 1; length <= query.length; length += 1) {
      const filter = { ...EMPTY_FILTER, search: query.slice(0, length) };
      const old = keystroke(before.selectRows, indexes.before, filter, last.before);
      const fresh = keystroke(after.selectRows, indexes.after, filter, last.after);
      expect(fresh.positions).toEqual(old.positions);
      times.before.push(old.ms);
      times.after.push(fresh.ms);
      detail.push(
        `'${filter.search}' → ${fresh.positions.length}: ${old.ms.toFixed(1)} → ${fresh.ms.toFixed(1)} ms`,
      );
      last = {
        before: { filter, positions: old.positions },
        after: { filter, positions: fresh.positions },
      };
    }
  }
  return times;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

it(`a keystroke's search at ${SIZE} invoices, before → after`, async () => {
  const rows = ledgerRows();
  const figures = { before: [] as number[], after: [] as number[] };
  const detail: string[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const times = typeAll(rows, detail);
    figures.before.push(...times.before);
    figures.after.push(...times.after);
  }
  if (process.env.PERF_PROFILE === '1') {
    const index = after.buildLedgerIndex(rows);
    const profile = await selfTimes(() => {
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const query of QUERIES) {
          let last: Typed = null;
          for (let length = 1; length <= query.length; length += 1) {
            const filter = { ...EMPTY_FILTER, search: query.slice(0, length) };
            last = { filter, ...keystroke(after.selectRows, index, filter, last) };
          }
        }
      }
    });
    console.log(`after, self time:\n${profile}`);
  }
  if (process.env.PERF_DETAIL === '1') console.log(detail.slice(-97).join('\n'));
  for (const name of ['before', 'after'] as const) {
    const times = figures[name];
    console.log(
      `${name}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, ` +
        `max ${Math.max(...times).toFixed(1)} ms, total ${times.reduce((a, b) => a + b, 0).toFixed(0)} ms ` +
        `over ${times.length} keystrokes (CPU time)`,
    );
  }
});
