// Hoy's computation (getWorklist after its reads) before → after on the demo ledger, same run.
// Run: PERF_INVOICES=100000 npx vitest run --config tests/perf/vitest.perf.config.ts worklist-figures
// PERF_SPICE=1 adds promises, plans, dunning and legal steps; PERF_PROFILE=1 prints where the new
// code spends its time (self ms per function, from a V8 CPU profile).
import { selfTimes } from '../../../support/cpu-profile';
import { expect, it } from 'vitest';
import { computeWorklist } from '../../../../renderer/src/db/worklist-figures';
import { computeWorklistBefore } from './baseline/hoy-worklist';
import { hoyInputs } from './worklist-inputs';

const SIZE = Number(process.env.PERF_INVOICES ?? 100_000);
const ROUNDS = Number(process.env.PERF_ROUNDS ?? 8);
const SPICE = Number(process.env.PERF_SPICE ?? 0);
const TODAY = '2026-12-01';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

it(`Hoy's computation at ${SIZE} invoices, before → after`, async () => {
  const inputs = hoyInputs({ invoices: SIZE, today: TODAY, seed: 20_240_611, spice: SPICE });
  const after = computeWorklist(inputs, TODAY);
  expect(after).toEqual(computeWorklistBefore(inputs, TODAY));
  const open = inputs.data.clients.reduce((sum, row) => sum + row.invoices.length, 0);
  console.log(`${open} open invoices, ${after.worklist.items.length} items`);
  const wall = { before: [] as number[], after: [] as number[] };
  // CPU time of the process too: on a shared machine the wall clock counts other programs' turns.
  const cpu = { before: [] as number[], after: [] as number[] };
  const time = (run: () => void, into: 'before' | 'after') => {
    const [started, used] = [performance.now(), process.cpuUsage()];
    run();
    wall[into].push(performance.now() - started);
    const { user, system } = process.cpuUsage(used);
    cpu[into].push((user + system) / 1000);
  };
  // Interleaved, so a busy machine slows both alike.
  for (let i = 0; i < ROUNDS; i += 1) {
    time(() => computeWorklistBefore(inputs, TODAY), 'before');
    time(() => computeWorklist(inputs, TODAY), 'after');
  }
  const list = (values: number[]) => values.map((t) => t.toFixed(0)).join(' ');
  for (const [name, runs] of [
    ['wall', wall],
    ['cpu', cpu],
  ] as const) {
    const [b, a] = [median(runs.before), median(runs.after)];
    const [bMin, aMin] = [Math.min(...runs.before), Math.min(...runs.after)];
    console.log(
      `Hoy's computation at ${SIZE} invoices (${name}): before median ${b.toFixed(0)} ms ` +
        `[${list(runs.before)}], after median ${a.toFixed(0)} ms [${list(runs.after)}], ` +
        `×${(b / a).toFixed(1)} (fastest runs ${bMin.toFixed(0)} → ${aMin.toFixed(0)} ms, ×${(bMin / aMin).toFixed(1)})`,
    );
  }
  if (process.env.PERF_PROFILE === '1') {
    console.log(`after, self time:\n${await selfTimes(() => computeWorklist(inputs, TODAY))}`);
    console.log(
      `before, self time:\n${await selfTimes(() => computeWorklistBefore(inputs, TODAY))}`,
    );
  }
});
