import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../../renderer/src/db/invoices-repo';
import { setClientContractRate } from '../../../../../renderer/src/db/dunning-repo';
import { getClientCollections } from '../../../../../renderer/src/db/collections-queries';
import { DEFAULT_COMPANY_PROFILE } from '../../../../../renderer/src/db/settings-repo';
import type { CuentasDatabase } from '../../../../../renderer/src/db/database';
import {
  buildEml,
  buildReminderDraft,
} from '../../../../../renderer/src/features/collections/reminder-draft';
import { lateInterest } from '../../../../../shared/domain/lateInterest';
import { clientInput, freshDb, invoiceInput } from '../../db/test-db';

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

async function setup() {
  db = freshDb();
  const client = await createClient(db, clientInput());
  clientId = client.id;
  await createInvoice(db, invoiceInput(client.id));
}

describe('buildReminderDraft', () => {
  it('a formal demand claims the legal interest to today and 40 € per late invoice', async () => {
    await setup();
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

  it('a contract rate agreed with the client replaces the legal one', async () => {
    await setup();
    await setClientContractRate(db, clientId, 3);
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
