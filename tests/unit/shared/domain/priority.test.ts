import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { priorityOf } from '../../../../shared/domain/priority';

const grade = fc.constantFrom('A' as const, 'B' as const, 'C' as const, 'D' as const, 'E' as const);

describe('priorityOf', () => {
  it('more money, more days, worse risk or more broken promises never lower the priority', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: -10, max: 2000 }),
        grade,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 500 }),
        (amountCents, daysOverdue, risk, brokenPromises, moreCents, moreDays) => {
          const score = priorityOf({ amountCents, daysOverdue, risk, brokenPromises }).score;
          const richer = priorityOf({
            amountCents: amountCents + moreCents,
            daysOverdue,
            risk,
            brokenPromises,
          });
          const older = priorityOf({
            amountCents,
            daysOverdue: daysOverdue + moreDays,
            risk,
            brokenPromises,
          });
          expect(richer.score).toBeGreaterThanOrEqual(score);
          expect(older.score).toBeGreaterThanOrEqual(score);
        },
      ),
    );
  });

  it('a small debt left long enough outranks a big fresh one, so it never disappears', () => {
    const bigFresh = priorityOf({
      amountCents: 5_000_000,
      daysOverdue: 2,
      risk: 'A',
      brokenPromises: 0,
    });
    const smallOld = priorityOf({
      amountCents: 5_000,
      daysOverdue: 400,
      risk: 'A',
      brokenPromises: 0,
    });
    expect(smallOld.score).toBeGreaterThan(bigFresh.score);
  });

  it('an overdue debt outranks the same amount not yet due', () => {
    const due = priorityOf({ amountCents: 100_000, daysOverdue: 1, risk: 'B', brokenPromises: 0 });
    const notDue = priorityOf({
      amountCents: 100_000,
      daysOverdue: -3,
      risk: 'B',
      brokenPromises: 0,
    });
    expect(due.score - notDue.score).toBeGreaterThanOrEqual(10);
  });

  it('a broken promise lifts the priority of a client by 15 points', () => {
    const kept = priorityOf({
      amountCents: 100_000,
      daysOverdue: 20,
      risk: 'C',
      brokenPromises: 0,
    });
    const broken = priorityOf({
      amountCents: 100_000,
      daysOverdue: 20,
      risk: 'C',
      brokenPromises: 1,
    });
    expect(broken.score - kept.score).toBeCloseTo(15, 5);
  });
});
