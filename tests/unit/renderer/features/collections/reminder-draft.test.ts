import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../../renderer/src/db/invoices-repo';
import {
  recordDunningSent,
  setClientContractRate,
} from '../../../../../renderer/src/db/dunning-repo';
import { getClientCollections } from '../../../../../renderer/src/db/collections-queries';
import { DEFAULT_COMPANY_PROFILE } from '../../../../../renderer/src/db/settings-repo';
import type { CuentasDatabase } from '../../../../../renderer/src/db/database';
import {
  buildEml,
  buildReminderDraft,
  withoutEarlierLetters,
} from '../../../../../renderer/src/features/collections/reminder-draft';
import { lateInterest } from '../../../../../shared/domain/lateInterest';
import { recordPayment } from '../../../../../renderer/src/db/payments-repo';
import { clientInput, freshDb, invoiceInput, paymentInput } from '../../db/test-db';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

const company = {
  ...DEFAULT_COMPANY_PROFILE,
  name: 'Instalaciones Ebro S.L.',
  iban: 'ES91 2100 0418 4502 0005 1332',
};

/** 1.210,00 € due 2026-02-14; on 2026-03-31 it is 45 days late: the formal demand is due. */
async function draftOn(today: string, language: 'es' | 'en' = 'es') {
  const data = await getClientCollections(db, clientId, today);
  if (!data) throw new Error('client missing');
  return buildReminderDraft({ data, company, language, today });
}
let clientId = '';
let invoiceId = '';

async function setup() {
  db = freshDb();
  const client = await createClient(db, clientInput());
  clientId = client.id;
  invoiceId = (await createInvoice(db, invoiceInput(client.id))).id;
}

/** The ladder climbs by history: the reminder and the second notice were sent on these days. */
async function remindedTwice(ids: string[], reminder: string, firm: string) {
  for (const [level, date] of [
    [1, reminder],
    [2, firm],
  ] as const) {
    await recordDunningSent(db, {
      clientId,
      invoiceIds: ids,
      level,
      date,
      channel: 'pdf',
      amountCents: 1_00,
      interestCents: 0,
      compensationCents: 0,
      subject: `Nivel ${level}`,
      who: '',
    });
  }
}

describe('buildReminderDraft', () => {
  it('the first message about an invoice 45 days late is the plain reminder, not a demand', async () => {
    await setup();
    expect(await draftOn('2026-03-31')).toMatchObject({ kind: 'reminder', interestCents: 0 });
  });

  it('a formal demand claims the legal interest to today and 40 € per late invoice', async () => {
    await setup();
    await remindedTwice([invoiceId], '2026-02-15', '2026-03-01');
    const draft = await draftOn('2026-03-31');
    const expected = lateInterest({
      amountCents: 1_210_00,
      dueDate: '2026-02-14',
      paidDate: '2026-03-31',
    });
    expect(draft).toMatchObject({
      kind: 'formal_demand',
      claimInterest: true,
      totalCents: 1_210_00,
      interestCents: expected.interestCents,
      compensationCents: 4000,
    });
    expect(draft?.subject).toBe('Requerimiento de pago — Instalaciones Ebro S.L.');
    expect(draft?.body).toContain('ES91 2100 0418 4502 0005 1332');
    // Amounts are formatted with a no-break space before the euro sign.
    expect(draft?.body.replace(/\u00a0/g, ' ')).toContain('- 2026-0001 · 14/02/2026 · 1.210,00 €');
    expect(draft?.body).not.toMatch(/\{\w+\}/);
  });

  it('a formal demand to a consumer speaks of the interés legal del dinero, not of Ley 3/2004 or 40 €', async () => {
    db = freshDb();
    const client = await createClient(
      db,
      clientInput({ name: 'Marta Ruiz Soler', taxId: '12345678Z', debtorKind: 'consumer' }),
    );
    clientId = client.id;
    invoiceId = (await createInvoice(db, invoiceInput(client.id))).id;
    await remindedTwice([invoiceId], '2026-02-15', '2026-03-01');
    for (const language of ['es', 'en'] as const) {
      const draft = await draftOn('2026-03-31', language);
      expect(draft).toMatchObject({ kind: 'formal_demand', compensationCents: 0 });
      expect(draft?.body).not.toMatch(/3\/2004|40 €/);
      expect(draft?.body).toContain(
        language === 'es' ? 'interés legal del dinero' : 'statutory interest',
      );
    }
  });

  it('greets like a business letter: by title and surname, or "Estimados señores:"', async () => {
    await setup();
    await remindedTwice([invoiceId], '2026-02-15', '2026-03-01');
    const plain = await draftOn('2026-03-31');
    expect(plain?.body.startsWith('Estimados señores:\n\n')).toBe(true);
    expect(plain?.body).not.toMatch(/Muy Sr|Sr\.\/Sra|nuestro\/a/);
    expect(plain?.body.endsWith('Atentamente,\nInstalaciones Ebro S.L.')).toBe(true);
    const client = await db.clients.get(clientId);
    if (!client) throw new Error('client missing');
    await db.clients.put({ ...client, contactPerson: 'Marta Ruiz Soler', contactTitle: 'sra' });
    expect((await draftOn('2026-03-31'))?.body.startsWith('Estimada Sra. Ruiz:')).toBe(true);
    expect((await draftOn('2026-03-31', 'en'))?.body.startsWith('Dear Ms Ruiz,')).toBe(true);
  });

  it('claims each due from its own date and the part paid late up to its payment', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    clientId = client.id;
    // 1.060 € (no VAT) in two dues of 530 €; 300 € paid on 20 October; drafted on 31 October.
    const open = await createInvoice(
      db,
      invoiceInput(client.id, {
        number: '2026-0090',
        issueDate: '2026-08-16',
        taxableBaseCents: 1_060_00,
        vatRatePercent: 0,
        dues: [
          { dueDate: '2026-09-15', amountCents: 530_00 },
          { dueDate: '2026-10-15', amountCents: 530_00 },
        ],
      }),
    );
    await recordPayment(db, paymentInput(client.id, { date: '2026-10-20', amountCents: 300_00 }));
    await remindedTwice([open.id], '2026-09-16', '2026-10-01');
    const draft = await draftOn('2026-10-31');
    // 530 € × 35 d + 230 € × 11 d + 530 € × 16 d at 10,15 % = 8,22 € (not 760 € × 46 d = 9,72 €).
    expect(draft).toMatchObject({
      kind: 'formal_demand',
      totalCents: 760_00,
      interestCents: 822,
      compensationCents: 4000,
    });
    expect(
      draft?.lines[0]?.dues?.map((due) => [due.principalCents, due.days, due.interestCents]),
    ).toEqual([
      [530_00, 35, 516],
      [230_00, 11, 70],
      [530_00, 16, 236],
    ]);
    expect(draft?.body.replace(/\u00a0/g, ' ')).toContain(
      'vencimiento 15/09/2026: 230,00 € del 21/10/2026 al 31/10/2026 (11 días al 10,15 %) → 0,70 €',
    );
  });

  it('adds an invoice paid late only when chosen: its interest and 40 €, no principal', async () => {
    await setup();
    const paid = await createInvoice(
      db,
      invoiceInput(clientId, {
        number: '2026-0002',
        dues: [{ dueDate: '2026-03-01', amountCents: 1_210_00 }],
      }),
    );
    await remindedTwice([invoiceId], '2026-02-15', '2026-03-01');
    // Paid 20 days late, before the open invoice becomes a formal demand.
    await recordPayment(
      db,
      paymentInput(clientId, {
        date: '2026-03-21',
        amountCents: 1_210_00,
        allocation: { mode: 'chosen', items: [{ invoiceId: paid.id, amountCents: 1_210_00 }] },
      }),
    );
    const plain = await draftOn('2026-03-31');
    expect(plain?.invoiceIds).toHaveLength(1);
    const data = await getClientCollections(db, clientId, '2026-03-31');
    if (!data) throw new Error('client missing');
    const chosen = buildReminderDraft({
      data,
      company,
      language: 'es',
      today: '2026-03-31',
      includePaidLate: [paid.id],
    });
    // 1.210 € × 10,15 % × 20 / 365 = 6,73 €.
    expect(chosen?.lines[1]).toMatchObject({
      number: '2026-0002',
      claimCents: 0,
      interestCents: 673,
      compensationCents: 4000,
      paidLate: true,
    });
    expect(chosen?.compensationCents).toBe(8000);
    expect(chosen?.interestCents).toBe((plain?.interestCents ?? 0) + 673);
    expect(chosen?.body).toContain('2026-0002 · 01/03/2026 · pagada con retraso');
  });

  it('a contract rate agreed with the client replaces the legal one', async () => {
    await setup();
    await setClientContractRate(db, clientId, 3);
    await remindedTwice([invoiceId], '2026-02-15', '2026-03-01');
    const draft = await draftOn('2026-03-31');
    const expected = lateInterest({
      amountCents: 1_210_00,
      dueDate: '2026-02-14',
      paidDate: '2026-03-31',
      annualRatePercent: 3,
    });
    expect(draft?.interestCents).toBe(expected.interestCents);
  });

  it('a plain reminder claims no interest, in English when asked', async () => {
    await setup();
    const draft = await draftOn('2026-02-20', 'en');
    expect(draft).toMatchObject({ kind: 'reminder', interestCents: 0, compensationCents: 0 });
    expect(draft?.subject).toBe('Invoices awaiting payment — Instalaciones Ebro S.L.');
  });

  it('nothing is drafted before the friendly notice is due', async () => {
    await setup();
    expect(await draftOn('2026-02-10')).toBeNull();
  });
});

describe('buildEml', () => {
  it('never speaks of earlier letters that were not sent (issue 18)', async () => {
    await setup();
    // 1.210 € due 14/02: on 30/04 the person asks for the last warning, but nothing was ever sent.
    const data = await getClientCollections(db, clientId, '2026-04-30');
    if (!data) throw new Error('client missing');
    const handoff = data.settings.levels.findIndex((level) => level.kind === 'handoff');
    const draft = buildReminderDraft({
      data,
      company,
      language: 'es',
      today: '2026-04-30',
      only: { level: handoff, invoiceIds: [invoiceId] },
    });
    expect(draft?.kind).toBe('handoff');
    expect(draft?.body).not.toContain('pese a nuestros requerimientos');
    expect(draft?.body).toContain('vencidas hace hasta 75 días:');
    expect(withoutEarlierLetters('A pesar de nuestro aviso anterior, las facturas')).toBe(
      'Las facturas',
    );
    expect(withoutEarlierLetters('Segundo aviso: facturas vencidas')).toBe(
      'Aviso: facturas vencidas',
    );
  });

  it('a friendly notice asked for from Hoy lists only the invoices about to fall due', async () => {
    await setup();
    const soon = await createInvoice(
      db,
      invoiceInput(clientId, {
        number: '2026-0009',
        issueDate: '2026-03-01',
        dues: [{ dueDate: '2026-04-02', amountCents: 1_210_00 }],
      }),
    );
    const data = await getClientCollections(db, clientId, '2026-03-31');
    if (!data) throw new Error('client missing');
    const next = buildReminderDraft({ data, company, language: 'es', today: '2026-03-31' });
    // The client's next letter (the first: the reminder) leaves out the invoice not yet due.
    expect(next?.kind).toBe('reminder');
    expect(next?.invoiceIds).not.toContain(soon.id);
    const friendly = buildReminderDraft({
      data,
      company,
      language: 'es',
      today: '2026-03-31',
      only: { level: 0, invoiceIds: [soon.id] },
    });
    expect(friendly).toMatchObject({ kind: 'friendly', invoiceIds: [soon.id] });
    expect(friendly?.body).toContain('2026-0009');
    expect(friendly?.body).not.toContain('2026-0001');
  });

  it('writes a draft message with an encoded UTF-8 subject and CRLF lines', () => {
    const eml = buildEml({
      from: 'a@b.es',
      to: 'c@d.es',
      subject: 'Requerimiento de pago',
      body: 'Línea 1\nLínea 2',
    });
    expect(eml).toContain('To: c@d.es\r\n');
    expect(eml).toContain('Subject: Requerimiento de pago\r\n');
    expect(eml).toContain('X-Unsent: 1');
    expect(eml.endsWith('\r\n\r\nLínea 1\r\nLínea 2')).toBe(true);
    const accented = buildEml({
      from: '',
      to: 'c@d.es',
      subject: 'Recordatorio: próximo vencimiento',
      body: '',
    });
    const encoded = /Subject: =\?UTF-8\?B\?([^?]+)\?=/.exec(accented)?.[1] ?? '';
    expect(new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)))).toBe(
      'Recordatorio: próximo vencimiento',
    );
  });
});

describe('buildEml against injected headers', () => {
  it('refuses CR or LF in any header value, and keeps line breaks in the body', () => {
    const base = { from: 'a@b.es', to: 'c@d.es', subject: 'Recordatorio', body: 'Hola\nAdiós' };
    expect(() => buildEml({ ...base, to: 'x@y.es\r\nBcc: todos@z.es' })).toThrow(/to/);
    expect(() => buildEml({ ...base, from: 'a@b.es\nBcc: x@z.es' })).toThrow(/from/);
    expect(() => buildEml({ ...base, subject: 'Hola\rBcc: x@z.es' })).toThrow(/subject/);
    expect(
      buildEml(base)
        .split('\r\n')
        .filter((line) => /^Bcc:/i.test(line)),
    ).toEqual([]);
    expect(buildEml(base).endsWith('Hola\r\nAdiós')).toBe(true);
  });
});
