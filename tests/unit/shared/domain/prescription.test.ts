import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lastDueDateToWarn, prescriptionStatus } from '../../../../shared/domain/prescription';
import { addDays, toCalendarDate } from '../../../../shared/domain/dates';

describe('prescription of a debt', () => {
  it('runs five years from the due date, counted date to date', () => {
    const status = prescriptionStatus({ dueDate: '2021-03-15', interruptions: [] }, '2024-01-01');
    expect(status).toMatchObject({
      deadline: '2026-03-15',
      state: 'running',
      lastInterruption: null,
    });
  });

  it('warns in the months before the deadline and expires the day after it', () => {
    const dues = { dueDate: '2021-03-15', interruptions: [] };
    expect(prescriptionStatus(dues, '2025-09-14').state).toBe('running');
    expect(prescriptionStatus(dues, '2025-09-15').state).toBe('warning');
    expect(prescriptionStatus(dues, '2026-03-15')).toMatchObject({ state: 'warning', daysLeft: 0 });
    expect(prescriptionStatus(dues, '2026-03-16')).toMatchObject({
      state: 'expired',
      daysLeft: -1,
    });
  });

  it('restarts the whole period with every demand or acknowledgment recorded in time', () => {
    const status = prescriptionStatus(
      { dueDate: '2020-01-31', interruptions: ['2024-06-10', '2022-02-01'] },
      '2026-11-23',
    );
    expect(status).toMatchObject({
      startsOn: '2024-06-10',
      deadline: '2029-06-10',
      lastInterruption: '2024-06-10',
      state: 'running',
    });
  });

  it('does not revive an expired claim with a demand sent after the deadline', () => {
    const status = prescriptionStatus(
      { dueDate: '2019-05-01', interruptions: ['2025-01-10'] },
      '2026-11-23',
    );
    expect(status).toMatchObject({
      deadline: '2024-05-01',
      state: 'expired',
      lastInterruption: null,
    });
  });

  it('ignores interruptions dated in the future', () => {
    const status = prescriptionStatus(
      { dueDate: '2022-01-10', interruptions: ['2027-01-01'] },
      '2026-11-23',
    );
    expect(status.deadline).toBe('2027-01-10');
  });

  it('ends a period started on 29 February on 28 February five years later', () => {
    expect(
      prescriptionStatus({ dueDate: '2024-02-29', interruptions: [] }, '2025-01-01').deadline,
    ).toBe('2029-02-28');
  });

  it('never ends before five years after the last interruption that counted', () => {
    const day = fc.integer({ min: 0, max: 4000 });
    fc.assert(
      fc.property(day, fc.array(day, { maxLength: 5 }), (dueOffset, offsets) => {
        const origin = toCalendarDate(2015, 1, 1);
        const dueDate = addDays(origin, dueOffset);
        const interruptions = offsets.map((offset) => addDays(origin, offset));
        const status = prescriptionStatus({ dueDate, interruptions }, '2030-01-01');
        const start = status.lastInterruption ?? dueDate;
        expect(status.startsOn).toBe(start);
        expect(status.deadline > addDays(start, 5 * 365 - 1)).toBe(true);
      }),
    );
  });

  it('no claim due after lastDueDateToWarn is in its warning window, whatever interrupted it', () => {
    const dayArb = (min: number, max: number) =>
      fc.integer({ min, max }).map((offset) => addDays('2026-02-28', offset));
    fc.assert(
      fc.property(
        dayArb(-2300, -1500),
        fc.array(dayArb(-2300, 0), { maxLength: 3 }),
        dayArb(-400, 400),
        fc.integer({ min: 0, max: 24 }),
        (dueDate, interruptions, today, months) => {
          const last = lastDueDateToWarn(today, months);
          const status = prescriptionStatus({ dueDate, interruptions }, today, months);
          if (dueDate > last) expect(status.state).not.toBe('warning');
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('lastDueDateToWarn is tight: due that day, a claim has reached its window; a day later, not', () => {
    // 31 August + 5 years - 6 months clamps to 28 February: the bound follows the clamp.
    expect(lastDueDateToWarn('2026-02-28', 6)).toBe('2021-08-31');
    for (const today of ['2026-02-28', '2026-03-31', '2024-02-29', '2026-11-30', '2027-01-01']) {
      for (const months of [0, 1, 6, 12]) {
        const last = lastDueDateToWarn(today, months);
        // Reached: warning, or already expired when no due date gives a deadline of exactly today.
        expect(
          prescriptionStatus({ dueDate: last, interruptions: [] }, today, months).state,
        ).not.toBe('running');
        expect(
          prescriptionStatus({ dueDate: addDays(last, 1), interruptions: [] }, today, months).state,
        ).toBe('running');
      }
    }
  });
});
