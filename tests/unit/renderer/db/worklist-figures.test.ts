// Hoy's computation was rewritten for speed (issue 14: one invoice state per invoice, prescriptions
// only for claims that can be near them, day numbers in the dunning ladder). Its figures and order
// must not move: on seeded ledgers it gives exactly what the code before the change gave (kept as
// an oracle in ./baseline).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeWorklist,
  computeWorklistInSlices,
} from '../../../../renderer/src/db/worklist-figures';
import { addDays } from '../../../../shared/domain/dates';
import { computeWorklistBefore } from './baseline/hoy-worklist';
import { hoyInputs } from './worklist-inputs';

describe("Hoy's worklist, before and after the speed-up", () => {
  it('the demo ledger as generated: the same items, order and totals', () => {
    const inputs = hoyInputs({ invoices: 3_000, today: '2026-11-30', seed: 7, spice: 0 });
    const after = computeWorklist(inputs, '2026-11-30');
    expect(after.worklist.items.length).toBeGreaterThan(100);
    expect(after).toEqual(computeWorklistBefore(inputs, '2026-11-30'));
  });

  it('seeded ledgers with promises, plans, dunning, legal steps, old claims and pauses', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: -400, max: 400 }),
        fc.constantFrom(undefined, 0, 1, 6, 12),
        (seed, offset, warningMonths) => {
          const today = addDays('2026-11-30', offset);
          const inputs = hoyInputs({
            invoices: 400,
            today,
            seed,
            spice: 1,
            ...(warningMonths === undefined ? {} : { warningMonths }),
          });
          const after = computeWorklist(inputs, today);
          for (const item of after.worklist.items) kinds.add(item.kind);
          expect(after).toEqual(computeWorklistBefore(inputs, today));
        },
      ),
      { numRuns: 60 },
    );
    // The runs reached every kind of row the list has, so each branch was compared.
    expect([...kinds].sort()).toEqual(
      [
        'debit_returned',
        'due_soon',
        'follow_up',
        'installment_due',
        'installment_missed',
        'overdue',
        'prescription_warning',
        'promise_broken',
        'promise_due',
        'promise_pending',
      ].sort(),
    );
  });

  it('made in slices (the warm-up), the very list made in one go', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 40 }),
        async (seed, sliceClients) => {
          const inputs = hoyInputs({ invoices: 300, today: '2026-11-30', seed, spice: 1 });
          let slices = 0;
          const between = () => Promise.resolve(void (slices += 1));
          const sliced = await computeWorklistInSlices(inputs, '2026-11-30', between, sliceClients);
          expect(slices).toBe(Math.ceil(inputs.data.clients.length / sliceClients));
          expect(sliced).toEqual(computeWorklist(inputs, '2026-11-30'));
        },
      ),
      { numRuns: 25 },
    );
  });
});
