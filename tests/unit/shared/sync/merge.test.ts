import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DELETED,
  applyLocalEdit,
  changedFields,
  mergeRemote,
  mergeStates,
  recordOf,
} from '../../../../shared/sync/merge';
import type { RecordState } from '../../../../shared/sync/merge';
import { formatClock, tickClock, compareClocks } from '../../../../shared/sync/clock';

const FIELDS = ['name', 'email', 'amountCents', 'notes', DELETED];

const clockArb = fc
  .record({
    ms: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_020 }),
    counter: fc.integer({ min: 0, max: 3 }),
    deviceId: fc.constantFrom('A', 'B', 'C'),
  })
  .map(formatClock);

const valueArb = fc.oneof(
  fc.constantFrom('Ana', 'Luis', ''),
  fc.integer({ min: 0, max: 5 }),
  fc.constant(null),
  fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
);

/** A version of a record: some fields with a clock, most with a value (absent = removed by that edit). */
const stateArb: fc.Arbitrary<RecordState> = fc
  .array(
    fc.record({
      field: fc.constantFrom(...FIELDS),
      clock: clockArb,
      value: fc.option(valueArb, { nil: undefined }),
    }),
    { maxLength: 6 },
  )
  .map((edits) => {
    const state: RecordState = { values: {}, clocks: {} };
    for (const edit of edits) {
      const value = edit.field === DELETED ? edit.value === null : edit.value;
      state.clocks[edit.field] = edit.clock;
      if (value === undefined) delete state.values[edit.field];
      else state.values[edit.field] = value;
    }
    return state;
  });

describe('field-by-field merge', () => {
  it('is commutative: both devices reach the same record whatever the order', () => {
    fc.assert(
      fc.property(stateArb, stateArb, (a, b) => {
        expect(mergeStates(a, b)).toEqual(mergeStates(b, a));
      }),
    );
  });

  it('is idempotent: merging what is already merged changes nothing', () => {
    fc.assert(
      fc.property(stateArb, stateArb, (a, b) => {
        const once = mergeStates(a, b);
        expect(mergeStates(a, a)).toEqual(mergeStates(a, { values: {}, clocks: {} }));
        expect(mergeStates(once, b)).toEqual(once);
        expect(mergeStates(once, once)).toEqual(once);
      }),
    );
  });

  it('is associative: three devices converge whichever pairs sync first', () => {
    fc.assert(
      fc.property(stateArb, stateArb, stateArb, (a, b, c) => {
        expect(mergeStates(mergeStates(a, b), c)).toEqual(mergeStates(a, mergeStates(b, c)));
      }),
    );
  });

  it('loses nothing: every field keeps the latest edit of either side', () => {
    fc.assert(
      fc.property(stateArb, stateArb, (a, b) => {
        const merged = mergeStates(a, b);
        for (const side of [a, b]) {
          for (const [field, clock] of Object.entries(side.clocks)) {
            const kept = merged.clocks[field];
            expect(kept).toBeDefined();
            expect(compareClocks(kept!, clock)).toBeGreaterThanOrEqual(0);
            if (kept === clock && side.values[field] !== undefined) {
              // The winner's value is one of the sides' values for that clock.
              const other = side === a ? b : a;
              const candidates = [
                side.values[field],
                other.clocks[field] === clock ? other.values[field] : undefined,
              ];
              expect(candidates).toContainEqual(merged.values[field]);
            }
          }
        }
      }),
    );
  });

  it('keeps the later edit of each field and lists the field both sides changed', () => {
    const base = applyLocalEdit(
      { values: {}, clocks: {} },
      { id: 'c1', name: 'Ana', email: 'ana@x.es' },
      null,
      formatClock({ ms: 1000, counter: 0, deviceId: 'A' }),
    );
    const onA = applyLocalEdit(
      base,
      { id: 'c1', name: 'Ana García', email: 'ana@x.es' },
      ['name'],
      formatClock({ ms: 2000, counter: 0, deviceId: 'A' }),
    );
    const onB1 = applyLocalEdit(
      base,
      { id: 'c1', name: 'Ana G.', email: 'ana@x.es' },
      ['name'],
      formatClock({ ms: 3000, counter: 0, deviceId: 'B' }),
    );
    const onB = applyLocalEdit(
      onB1,
      { id: 'c1', name: 'Ana G.', email: 'ana@b.es' },
      ['email'],
      formatClock({ ms: 3500, counter: 0, deviceId: 'B' }),
    );
    const { merged, conflicts } = mergeRemote(base.clocks, onA, onB);
    expect(recordOf(merged)).toEqual({ id: 'c1', name: 'Ana G.', email: 'ana@b.es' });
    expect(conflicts).toEqual([
      expect.objectContaining({
        field: 'name',
        localValue: 'Ana García',
        remoteValue: 'Ana G.',
        winner: 'remote',
      }),
    ]);
  });

  it('a delete wins over an earlier edit on the other device, and a tombstone reads as no record', () => {
    const created = applyLocalEdit(
      { values: {}, clocks: {} },
      { id: 'p1', amountCents: 100 },
      null,
      formatClock({ ms: 1, counter: 0, deviceId: 'A' }),
    );
    const edited = applyLocalEdit(
      created,
      { id: 'p1', amountCents: 200 },
      ['amountCents'],
      formatClock({ ms: 2, counter: 0, deviceId: 'A' }),
    );
    const deleted = applyLocalEdit(
      created,
      undefined,
      null,
      formatClock({ ms: 3, counter: 0, deviceId: 'B' }),
    );
    expect(recordOf(mergeStates(edited, deleted))).toBeUndefined();
    expect(recordOf(mergeStates(deleted, edited))).toBeUndefined();
    expect(recordOf(edited)).toEqual({ id: 'p1', amountCents: 200 });
  });

  it('lists only the fields whose values changed', () => {
    expect(changedFields({ a: 1, b: [1, 2], c: 'x' }, { a: 1, b: [1, 3], d: true })).toEqual([
      'b',
      'c',
      'd',
    ]);
    expect(changedFields(undefined, { a: 1 })).toEqual(['a']);
  });
});

describe('hybrid clocks', () => {
  it('a device’s clock always moves forward, even when the wall clock goes back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 30 }),
        (times) => {
          let last: string | null = null;
          for (const now of times) {
            const next = tickClock(last, now, 'dev');
            if (last) expect(compareClocks(next, last)).toBeGreaterThan(0);
            last = next;
          }
        },
      ),
    );
  });
});
