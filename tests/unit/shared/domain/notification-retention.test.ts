import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canForgetEvent,
  RETENTION_GRACE_DAYS,
} from '../../../../shared/domain/notification-retention';
import { collectEvents, type EngineInput } from '../../../../shared/domain/notification-engine';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../../../shared/domain/notification-settings';
import { addDays } from '../../../../shared/domain/dates';

const BASE = '2026-01-01';

describe('canForgetEvent', () => {
  it('forgets a due-soon warning only once its due date is more than the grace period behind', () => {
    const key = 'invoice:inv-1:due-in-3:2026-03-10';
    expect(canForgetEvent(key, '2026-03-09')).toBe(false);
    expect(canForgetEvent(key, addDays('2026-03-10', RETENTION_GRACE_DAYS))).toBe(false);
    expect(canForgetEvent(key, addDays('2026-03-10', RETENTION_GRACE_DAYS + 1))).toBe(true);
  });

  it('forgets a due-today event the same way, and any digest', () => {
    expect(canForgetEvent('invoice:inv-1:due-today:2026-03-10', '2026-06-01')).toBe(true);
    expect(canForgetEvent('digest:away:2026-03-10T09:00:00.000Z', '2026-03-10')).toBe(true);
  });

  it('never forgets events the engine keeps producing while their cause lasts', () => {
    for (const key of [
      'invoice:inv-1:overdue:2020-01-01',
      'installment:i-1:missed',
      'installment:i-1:due',
      'promise:p-1:broken',
      'followup:a-1:2020-01-01',
      'prescription:inv-1:2021-01-01',
      'something-new:2020-01-01',
    ]) {
      expect(canForgetEvent(key, '2030-01-01')).toBe(false);
    }
  });

  it('keeps a key whose date is not a real calendar date', () => {
    expect(canForgetEvent('invoice:inv-1:due-today:2026-13-45', '2030-01-01')).toBe(false);
  });

  it('never forgets a key the engine produces on any day up to the grace period later', () => {
    const scenario = fc.record({
      // Dates near today, where the engine's keys change shape (due soon, today, overdue).
      dueOffsets: fc.array(fc.integer({ min: -40, max: 40 }), { minLength: 1, maxLength: 3 }),
      paidShare: fc.integer({ min: 0, max: 100 }),
      installmentOffset: fc.integer({ min: -40, max: 40 }),
      promiseOffset: fc.integer({ min: -40, max: 40 }),
      followUpOffset: fc.integer({ min: -40, max: 40 }),
      daysBeforeDue: fc.integer({ min: 1, max: 30 }),
      todayOffset: fc.integer({ min: 0, max: 800 }),
      laterBy: fc.integer({ min: -60, max: RETENTION_GRACE_DAYS }),
    });
    fc.assert(
      fc.property(scenario, (s) => {
        const total = s.dueOffsets.length * 100_00;
        const paid = Math.floor((total * s.paidShare) / 100);
        const today = addDays(BASE, s.todayOffset);
        const input: EngineInput = {
          invoices: [
            {
              id: 'inv-1',
              clientId: 'c1',
              number: 'F-1',
              dues: s.dueOffsets.map((offset) => ({
                dueDate: addDays(today, offset),
                amountCents: 100_00,
              })),
              paidCents: paid,
              outstandingCents: total - paid,
              lifecycle: 'issued',
              planId: null,
            },
          ],
          plans: [{ id: 'pl-1', clientId: 'c1', status: 'active' }],
          installments: [
            {
              id: 'i-1',
              planId: 'pl-1',
              seq: 1,
              dueDate: addDays(today, s.installmentOffset),
              amountCents: 50_00,
              paidCents: 0,
            },
          ],
          promises: [
            {
              id: 'p-1',
              clientId: 'c1',
              amountCents: 10_00,
              promisedDate: addDays(today, s.promiseOffset),
              status: 'open',
            },
          ],
          activities: [
            {
              id: 'a-1',
              clientId: 'c1',
              invoiceId: null,
              text: 'Llamar',
              followUpDate: addDays(today, s.followUpOffset),
              followUpDone: false,
            },
          ],
          clientNames: new Map([['c1', 'Talleres García']]),
          settings: { ...DEFAULT_NOTIFICATION_SETTINGS, daysBeforeDue: s.daysBeforeDue },
          now: { instant: `${today}T09:00:00.000Z`, date: today, minutes: 9 * 60 },
          notifiedKeys: new Set(),
        };
        // Pruning happened on `pruneDay`; the engine runs on `today`, up to the grace period before.
        const pruneDay = addDays(today, s.laterBy);
        for (const event of collectEvents(input)) {
          expect(canForgetEvent(event.eventKey, pruneDay)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
