import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  claimFactsOf,
  formalLevelIndexes,
  interruptionsOf,
  invoicePrescriptions,
} from '../../../../shared/domain/claim-prescription';
import { DEFAULT_DUNNING_LEVELS } from '../../../../shared/domain/dunning';
import { buildWorklist, type WorklistClient } from '../../../../shared/domain/worklist';
import { planNotifications } from '../../../../shared/domain/notification-engine';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../../../shared/domain/notification-settings';
import type { LegalEventRecord } from '../../../../shared/domain/records';

const levels = DEFAULT_DUNNING_LEVELS;
const FORMAL = levels.findIndex((level) => level.kind === 'formal_demand');
const FIRM = levels.findIndex((level) => level.kind === 'firm');

const invoice = (id: string, dueDate: string, clientId = 'c1') => ({
  id,
  clientId,
  number: `F-${id}`,
  lifecycle: 'issued' as const,
  outstandingCents: 1_000_00,
  nextDueDate: dueDate,
});

const legal = (
  kind: LegalEventRecord['kind'],
  date: string,
  invoiceIds: string[] = [],
): Pick<LegalEventRecord, 'invoiceIds' | 'kind' | 'date'> => ({ kind, date, invoiceIds });

const none = { legalEvents: [], dunningEvents: [], plans: [], levels };

describe('claim prescription', () => {
  it('counts the formal demand level and every level above it as interrupting', () => {
    const formal = formalLevelIndexes(levels);
    expect(formal.has(FORMAL)).toBe(true);
    expect(formal.has(levels.length - 1)).toBe(true);
    expect(formal.has(FIRM)).toBe(false);
  });

  it('a debt with no demand prescribes five years after its due date', () => {
    const [row] = invoicePrescriptions([invoice('1', '2021-03-10')], none, '2025-12-01', 6);
    expect(row?.status.deadline).toBe('2026-03-10');
    expect(row?.status.state).toBe('warning');
  });

  it('a formal demand sent by the dunning ladder moves the deadline five years on', () => {
    const sources = {
      ...none,
      dunningEvents: [{ invoiceIds: ['1'], level: FORMAL, date: '2024-05-02' }],
    };
    const [row] = invoicePrescriptions([invoice('1', '2021-03-10')], sources, '2025-12-01', 6);
    expect(row?.status.deadline).toBe('2029-05-02');
    expect(row?.status.state).toBe('running');
    expect(row?.interruptions.map((i) => i.source)).toEqual(['dunning']);
  });

  it('a friendly or firm reminder does not interrupt prescription', () => {
    const sources = {
      ...none,
      dunningEvents: [{ invoiceIds: ['1'], level: FIRM, date: '2024-05-02' }],
    };
    expect(interruptionsOf('1', sources)).toEqual([]);
  });

  it('a demand recorded after the deadline does not revive an expired claim', () => {
    const sources = { ...none, legalEvents: [legal('demand', '2026-04-01', ['1'])] };
    const [row] = invoicePrescriptions([invoice('1', '2021-03-10')], sources, '2026-05-01', 6);
    expect(row?.status.state).toBe('expired');
    expect(row?.status.deadline).toBe('2026-03-10');
  });

  it('a signed plan counts as a written acknowledgment of the invoices it covers', () => {
    const sources = { ...none, plans: [{ invoiceIds: ['1'], signedDate: '2023-01-15' }] };
    const [row] = invoicePrescriptions([invoice('1', '2021-03-10')], sources, '2025-12-01', 6);
    expect(row?.status.deadline).toBe('2028-01-15');
    expect(interruptionsOf('2', sources)).toEqual([]);
  });

  it('a MASC attempt restarts the period for the invoices it names, not for the others', () => {
    const sources = { ...none, legalEvents: [legal('masc_attempt', '2024-01-01', ['1'])] };
    expect(interruptionsOf('1', sources).map((i) => [i.date, i.label])).toEqual([
      ['2024-01-01', 'masc_attempt'],
    ]);
    expect(interruptionsOf('2', sources)).toEqual([]);
    const [row] = invoicePrescriptions([invoice('1', '2021-03-10')], sources, '2025-12-01', 6);
    expect(row?.status.deadline).toBe('2029-01-01');
  });

  it('a step recorded for the whole client never covers an invoice recorded after it', () => {
    const event = { ...legal('demand', '2024-01-01'), createdAt: '2024-01-01T10:00:00.000Z' };
    const sources = { ...none, legalEvents: [event] };
    const before = { id: '1', createdAt: '2023-12-01T09:00:00.000Z' };
    const imported = { id: '2', createdAt: '2024-03-01T09:00:00.000Z' };
    expect(interruptionsOf(before, sources).map((i) => i.date)).toEqual(['2024-01-01']);
    expect(interruptionsOf(imported, sources)).toEqual([]);
  });

  it('claim facts: interruptions per invoice and the first demand after its due date', () => {
    const sources = {
      ...none,
      legalEvents: [
        legal('acknowledgment', '2026-03-01', ['1']),
        legal('demand', '2026-05-01', ['1']),
        legal('demand', '2026-01-01', ['2']),
      ],
      dunningEvents: [{ invoiceIds: ['1'], level: FORMAL, date: '2026-06-01' }],
    };
    const dues = (dueDate: string) => [{ dueDate, amountCents: 100_00 }];
    const facts = claimFactsOf(
      [
        { id: '1', dues: dues('2026-02-01') },
        // A demand before the due date puts nobody in default.
        { id: '2', dues: dues('2026-02-01') },
      ],
      sources,
    );
    expect(facts.interruptions.get('1')).toEqual(['2026-03-01', '2026-05-01', '2026-06-01']);
    expect(facts.demandDates.get('1')).toBe('2026-05-01');
    expect(facts.demandDates.has('2')).toBe(false);
  });

  it('a client-wide acknowledgment covers every invoice, one for an invoice only that invoice', () => {
    const sources = {
      ...none,
      legalEvents: [legal('acknowledgment', '2024-01-01'), legal('demand', '2024-06-01', ['2'])],
    };
    expect(interruptionsOf('1', sources).map((i) => i.date)).toEqual(['2024-01-01']);
    expect(interruptionsOf('2', sources).map((i) => i.date)).toEqual(['2024-01-01', '2024-06-01']);
  });

  it('paid and draft invoices have no prescription to watch', () => {
    const paid = { ...invoice('1', '2021-03-10'), outstandingCents: 0 };
    const draft = { ...invoice('2', '2021-03-10'), lifecycle: 'draft' as const };
    expect(invoicePrescriptions([paid, draft], none, '2025-12-01', 6)).toEqual([]);
  });

  it('a demand never brings the deadline earlier than without it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        (demandOffset, todayOffset) => {
          const base = new Date(Date.UTC(2020, 0, 15));
          const iso = (days: number) =>
            new Date(base.getTime() + days * 86_400_000).toISOString().slice(0, 10);
          const today = iso(todayOffset);
          const without = invoicePrescriptions([invoice('1', iso(0))], none, today, 6);
          const sources = { ...none, legalEvents: [legal('demand', iso(demandOffset))] };
          const withDemand = invoicePrescriptions([invoice('1', iso(0))], sources, today, 6);
          expect(withDemand[0]!.status.deadline >= without[0]!.status.deadline).toBe(true);
        },
      ),
    );
  });
});

describe('prescription in Hoy and in notifications', () => {
  const rows = invoicePrescriptions([invoice('1', '2021-03-10')], none, '2025-12-01', 6);

  it('Hoy lists a client whose debt prescribes within the warning months', () => {
    const client: WorklistClient = {
      id: 'c1',
      name: 'Talleres García',
      pausedUntil: null,
      risk: 'C',
      brokenPromises: 0,
      invoices: [],
      dunningHistory: [],
      openFollowUps: [],
      promises: [],
      installments: [],
      lastContactDate: null,
      prescriptions: rows,
    };
    const { items } = buildWorklist({ clients: [client], today: '2025-12-01', levels });
    const item = items.find((row) => row.kind === 'prescription_warning');
    expect(item?.date).toBe('2026-03-10');
    expect(item?.invoiceIds).toEqual(['1']);
  });

  it('the notification is keyed by the deadline, so a moved deadline warns again', () => {
    const plan = planNotifications({
      invoices: [],
      plans: [],
      installments: [],
      promises: [],
      activities: [],
      clientNames: new Map([['c1', 'Talleres García']]),
      settings: { ...DEFAULT_NOTIFICATION_SETTINGS, enabled: true },
      now: { instant: '2025-12-01T10:00:00.000Z', date: '2025-12-01', minutes: 600 },
      notifiedKeys: new Set(),
      prescriptions: rows,
    });
    const first = plan.notifications[0];
    expect(first?.type === 'single' && first.event.eventKey).toBe('prescription:1:2026-03-10');
  });
});
