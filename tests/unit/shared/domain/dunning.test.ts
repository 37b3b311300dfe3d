import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ladderStep, planDunning } from '../../../../shared/domain/dunning';
import { addDays, daysBetween } from '../../../../shared/domain/dates';
import {
  ladderStep as ladderStepBefore,
  planDunning as planDunningBefore,
} from '../../renderer/db/baseline/dunning';
import {
  fillTemplate,
  DEFAULT_DUNNING_TEMPLATES,
  upgradeGreeting,
  upgradeTemplates,
} from '../../../../shared/domain/dunning-templates';

const invoice = (
  id: string,
  nextDueDate: string,
  extra: Partial<{ disputedCents: number; planId: string | null; outstandingCents: number }> = {},
) => ({
  id,
  number: `F-${id}`,
  lifecycle: 'issued' as const,
  outstandingCents: 100_000,
  nextDueDate,
  disputedCents: 0,
  planId: null,
  ...extra,
});

const sent = (level: number, date: string, invoiceIds: string[] = ['a']) => ({
  level,
  date,
  invoiceIds,
});

describe('ladderStep', () => {
  const step = (daysFromDue: number, today: string, history: ReturnType<typeof sent>[] = []) =>
    ladderStep({ invoiceId: 'a', daysFromDue, today, history });

  it('opens with the friendly notice 3 days before the due date and nothing earlier', () => {
    expect(step(-4, '2026-11-23')).toEqual({
      level: null,
      next: { level: 0, date: '2026-11-24' },
    });
    expect(step(-3, '2026-11-23').level).toBe(0);
  });

  it('the first message about an overdue invoice is the plain reminder, however late it is', () => {
    expect(step(1, '2026-11-23').level).toBe(1);
    expect(step(45, '2026-11-23').level).toBe(1);
    expect(step(400, '2026-11-23').level).toBe(1);
  });

  it('messages about other invoices do not count: each invoice starts gently', () => {
    const history = [sent(3, '2026-11-01', ['other'])];
    expect(step(40, '2026-11-23', history).level).toBe(1);
  });

  it('climbs one step at a time once the gap since the last message has passed', () => {
    // Reminder sent at day 90 (2026-11-23): the second notice waits the 14 days between the
    // levels' days (1 → 15), then the formal demand another 15, then the hand-off another 30.
    const afterReminder = [sent(1, '2026-11-23')];
    expect(step(103, '2026-12-06', afterReminder)).toEqual({
      level: null,
      next: { level: 2, date: '2026-12-07' },
    });
    expect(step(104, '2026-12-07', afterReminder).level).toBe(2);
    const afterFirm = [...afterReminder, sent(2, '2026-12-07')];
    expect(step(118, '2026-12-21', afterFirm).level).toBeNull();
    expect(step(119, '2026-12-22', afterFirm).level).toBe(3);
    const afterDemand = [...afterFirm, sent(3, '2026-12-22')];
    expect(step(148, '2027-01-20', afterDemand).level).toBeNull();
    expect(step(149, '2027-01-21', afterDemand).level).toBe(4);
  });

  it("on schedule the ladder keeps the levels' own days", () => {
    // The friendly notice sent 3 days before the due date: the reminder on the day after it.
    const history = [sent(0, '2026-11-20')];
    expect(step(0, '2026-11-23', history).level).toBeNull();
    expect(step(1, '2026-11-24', history).level).toBe(1);
    // Reminder sent on day 1: the second notice on day 15, not before, even if long ago.
    const later = [...history, sent(1, '2026-11-24')];
    expect(step(14, '2026-12-07', later)).toEqual({
      level: null,
      next: { level: 2, date: '2026-12-08' },
    });
    expect(step(15, '2026-12-08', later).level).toBe(2);
  });

  it('the next step counts from the latest message about the invoice, and never skips a level', () => {
    const history = [sent(1, '2026-10-01'), sent(1, '2026-11-20')];
    expect(step(80, '2026-11-23', history).level).toBeNull();
    expect(step(94, '2026-12-04', history).level).toBe(2);
  });

  it("a promise broken after the last message waives the wait, never the level's own day", () => {
    const history = [sent(1, '2026-11-10')];
    const at = (daysFromDue: number, day: string, promiseBrokenOn: string | null) =>
      ladderStep({ invoiceId: 'a', daysFromDue, today: day, history, promiseBrokenOn }).level;
    expect(at(20, '2026-11-16', null)).toBeNull();
    expect(at(20, '2026-11-16', '2026-11-15')).toBe(2);
    // Broken before the reminder: already answered by it.
    expect(at(20, '2026-11-16', '2026-11-09')).toBeNull();
    // The second notice's own day (15 days overdue) has not come yet.
    expect(at(12, '2026-11-16', '2026-11-15')).toBeNull();
  });

  it('has nothing after the last level', () => {
    expect(step(400, '2026-11-23', [sent(4, '2026-01-01')])).toEqual({ level: null, next: null });
  });
});

describe('planDunning', () => {
  const today = '2026-11-23';

  it('claims the outstanding minus the disputed part and skips invoices fully disputed or in a plan', () => {
    const plan = planDunning({
      candidates: [
        { invoice: invoice('a', '2026-10-01', { disputedCents: 40_000 }) },
        { invoice: invoice('b', '2026-10-01', { disputedCents: 100_000 }) },
        { invoice: invoice('c', '2026-10-01', { planId: 'p1' }) },
      ],
      today,
      pausedUntil: null,
      history: [sent(2, '2026-11-01')],
    });
    expect(plan.lines).toMatchObject([
      { invoiceId: 'a', claimCents: 60_000, level: 3, daysFromDue: 53 },
    ]);
    expect(plan.skipped).toEqual([
      { invoiceId: 'b', number: 'F-b', reason: 'disputed' },
      { invoiceId: 'c', number: 'F-c', reason: 'in_plan' },
    ]);
    expect(plan.level).toBe(3);
    expect(plan.next).toBeNull();
  });

  it('skips everything of a paused client until the pause ends', () => {
    const args = {
      candidates: [{ invoice: invoice('a', '2026-11-01') }],
      history: [],
      pausedUntil: '2026-11-30',
    };
    expect(planDunning({ ...args, today }).skipped.map((s) => s.reason)).toEqual(['paused']);
    expect(planDunning({ ...args, today: '2026-11-30' }).level).toBe(1);
  });

  it('says when the next step falls due when nothing is due today', () => {
    const plan = planDunning({
      candidates: [
        { invoice: invoice('a', '2026-11-01') },
        { invoice: invoice('b', '2026-12-20') },
      ],
      today,
      pausedUntil: null,
      history: [sent(1, '2026-11-20', ['a'])],
    });
    expect(plan.lines).toEqual([]);
    expect(plan.level).toBeNull();
    // a: second notice 14 days after the reminder of 20/11; b: friendly notice 3 days before 20/12.
    expect(plan.next).toEqual({ level: 2, date: '2026-12-04' });
  });

  it('the letter takes the highest level among its invoices', () => {
    const plan = planDunning({
      candidates: [
        { invoice: invoice('a', '2026-11-20') },
        { invoice: invoice('b', '2026-11-01') },
      ],
      today,
      pausedUntil: null,
      history: [sent(1, '2026-11-02', ['b'])],
    });
    expect(plan.lines.map((line) => [line.invoiceId, line.level])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(plan.level).toBe(2);
  });
});

describe('greetings in the templates', () => {
  it('every shipped template opens with the greeting that fits the client', () => {
    for (const language of ['es', 'en'] as const) {
      for (const template of Object.values(DEFAULT_DUNNING_TEMPLATES[language])) {
        expect(template.body.startsWith('{greeting}\n\n')).toBe(true);
        expect(template.body).not.toMatch(/Sr\.\/Sra|nuestro\/a|Estimado\/a/);
      }
    }
  });

  it('a saved copy of an old default greeting is upgraded; a greeting the person wrote is kept', () => {
    const old = {
      subject: 'Requerimiento',
      body: 'Muy Sr./Sra. nuestro/a, {client}:\n\nPor la presente…',
    };
    expect(upgradeGreeting(old).body).toBe('{greeting}\n\nPor la presente…');
    const own = { subject: 'x', body: 'Querida Marta:\n\nTe escribo…' };
    expect(upgradeGreeting(own)).toBe(own);
    const saved = {
      es: {
        ...DEFAULT_DUNNING_TEMPLATES.es,
        reminder: { subject: 's', body: 'Hola, {client}:\n\nTexto' },
      },
      en: {
        ...DEFAULT_DUNNING_TEMPLATES.en,
        firm: { subject: 's', body: 'Dear {client},\n\nText' },
      },
    };
    const upgraded = upgradeTemplates(saved);
    expect(upgraded.es.reminder.body).toBe('{greeting}\n\nTexto');
    expect(upgraded.en.firm.body).toBe('{greeting}\n\nText');
    expect(upgraded.es.friendly).toEqual(DEFAULT_DUNNING_TEMPLATES.es.friendly);
  });
});

describe('fillTemplate', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(
      fillTemplate('Hola {client}, debe {total}. {typo}', { client: 'Ana', total: '10,00 €' }),
    ).toBe('Hola Ana, debe 10,00 €. {typo}');
  });

  it('the formal demand in both languages mentions the interest and the 40 € compensation', () => {
    for (const language of ['es', 'en'] as const) {
      const body = DEFAULT_DUNNING_TEMPLATES[language].formal_demand.body;
      expect(body).toContain('{interest}');
      expect(body).toContain('{compensation}');
      expect(body).toContain('40 €');
    }
    expect(DEFAULT_DUNNING_TEMPLATES.es.handoff.body).toContain('procedimiento monitorio');
  });
});

describe('planDunning in day numbers (issue 14)', () => {
  it('gives what the date-string walk before it gave, on random clients and ladders', () => {
    const dayArb = fc
      .integer({ min: -200, max: 60 })
      .map((offset) => addDays('2026-03-01', offset));
    const ids = ['a', 'b', 'c', 'd'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.constantFrom(...ids),
            nextDueDate: fc.option(dayArb),
            lifecycle: fc.constantFrom('issued', 'issued', 'draft', 'written_off'),
            outstandingCents: fc.integer({ min: -10, max: 1_000 }),
            disputedCents: fc.constantFrom(0, 0, 500, 2_000),
            planId: fc.constantFrom(null, null, 'plan'),
          }),
          { maxLength: 6 },
        ),
        fc.array(
          fc.record({
            level: fc.integer({ min: 0, max: 5 }),
            date: dayArb,
            invoiceIds: fc.subarray(ids),
          }),
          { maxLength: 4 },
        ),
        dayArb,
        fc.option(dayArb),
        fc.option(dayArb),
        fc.option(
          fc.array(
            fc.record({
              kind: fc.constantFrom('friendly', 'reminder', 'firm', 'formal_demand', 'handoff'),
              offsetDays: fc.integer({ min: -10, max: 90 }),
              claimInterest: fc.boolean(),
            }),
            { maxLength: 6 },
          ),
        ),
        (rows, history, today, pausedUntil, promiseBrokenOn, levels) => {
          const args = {
            candidates: rows.map((row) => ({
              invoice: { ...row, number: `F-${row.id}` },
            })),
            today,
            pausedUntil,
            history,
            promiseBrokenOn,
            ...(levels === null ? {} : { levels }),
          };
          expect(planDunning(args)).toEqual(planDunningBefore(args));
          for (const row of rows) {
            const step = {
              invoiceId: row.id,
              daysFromDue: daysBetween(row.nextDueDate ?? today, today),
              today,
              history,
              promiseBrokenOn,
              ...(levels === null ? {} : { levels }),
            };
            expect(ladderStep(step)).toEqual(ladderStepBefore(step));
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
