import { describe, expect, it } from 'vitest';
import { planDunning, selectDunningLevel } from '../../../../shared/domain/dunning';
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

describe('selectDunningLevel', () => {
  it('picks the friendly notice 3 days before the due date and nothing earlier', () => {
    expect(selectDunningLevel(-4, [])).toBeNull();
    expect(selectDunningLevel(-3, [])).toBe(0);
  });

  it('picks the highest level whose day has come', () => {
    expect(selectDunningLevel(1, [])).toBe(1);
    expect(selectDunningLevel(14, [0, 1])).toBeNull();
    expect(selectDunningLevel(15, [0, 1])).toBe(2);
    expect(selectDunningLevel(30, [])).toBe(3);
    expect(selectDunningLevel(75, [3])).toBe(4);
  });

  it('sends nothing new when that level or a higher one was already sent', () => {
    expect(selectDunningLevel(20, [2])).toBeNull();
    expect(selectDunningLevel(20, [3])).toBeNull();
  });
});

describe('planDunning', () => {
  const today = '2026-11-23';

  it('claims the outstanding minus the disputed part and skips invoices fully disputed or in a plan', () => {
    const plan = planDunning({
      candidates: [
        { invoice: invoice('a', '2026-10-01', { disputedCents: 40_000 }), sentLevels: [] },
        { invoice: invoice('b', '2026-10-01', { disputedCents: 100_000 }), sentLevels: [] },
        { invoice: invoice('c', '2026-10-01', { planId: 'p1' }), sentLevels: [] },
      ],
      today,
      pausedUntil: null,
      hasOpenPromise: false,
    });
    expect(plan.lines).toMatchObject([
      { invoiceId: 'a', claimCents: 60_000, level: 3, daysFromDue: 53 },
    ]);
    expect(plan.skipped).toEqual([
      { invoiceId: 'b', number: 'F-b', reason: 'disputed' },
      { invoiceId: 'c', number: 'F-c', reason: 'in_plan' },
    ]);
    expect(plan.level).toBe(3);
  });

  it('skips everything of a paused client until the pause ends', () => {
    const args = {
      candidates: [{ invoice: invoice('a', '2026-11-01'), sentLevels: [] }],
      hasOpenPromise: false,
      pausedUntil: '2026-11-30',
    };
    expect(planDunning({ ...args, today }).skipped.map((s) => s.reason)).toEqual(['paused']);
    expect(planDunning({ ...args, today: '2026-11-30' }).level).toBe(2);
  });

  it('waits while a promise to pay is open', () => {
    const plan = planDunning({
      candidates: [{ invoice: invoice('a', '2026-11-01'), sentLevels: [] }],
      today,
      pausedUntil: null,
      hasOpenPromise: true,
    });
    expect(plan.lines).toEqual([]);
    expect(plan.skipped[0]?.reason).toBe('promise_open');
  });

  it('the letter takes the highest level among its invoices', () => {
    const plan = planDunning({
      candidates: [
        { invoice: invoice('a', '2026-11-20'), sentLevels: [] },
        { invoice: invoice('b', '2026-11-01'), sentLevels: [1] },
      ],
      today,
      pausedUntil: null,
      hasOpenPromise: false,
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
