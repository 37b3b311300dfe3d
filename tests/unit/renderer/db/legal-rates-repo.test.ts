import { afterEach, describe, expect, it } from 'vitest';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import {
  getLegalRates,
  getMoneyRates,
  resetLegalRates,
  resetMoneyRates,
  saveLegalRates,
  saveMoneyRates,
} from '../../../../renderer/src/db/legal-rates-repo';
import { LEGAL_MONEY_RATES } from '../../../../shared/domain/legal-money-rates';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { recordLegalEvent } from '../../../../renderer/src/db/legal-repo';
import { buildClaim } from '../../../../shared/domain/claim-amounts';
import { listAudit } from '../../../../renderer/src/db/audit';
import { LEGAL_INTEREST_RATES } from '../../../../shared/domain/legal-interest-rates';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { getClientCollections } from '../../../../renderer/src/db/collections-queries';
import { clientInput, freshDb, invoiceInput, issueCodesOf } from './test-db';

const opened: CuentasDatabase[] = [];
function track(db: CuentasDatabase) {
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

describe('legal rates settings', () => {
  it('without an edited table the shipped one is in force', async () => {
    const db = track(freshDb());
    expect(await getLegalRates(db)).toEqual({ rates: LEGAL_INTEREST_RATES, edited: false });
  });

  it('a saved table replaces the shipped one, and reset brings the shipped one back', async () => {
    const db = track(freshDb());
    const edited = [
      { from: '2025-01-01', ratePercent: 11.15 },
      { from: '2025-07-01', ratePercent: 10.15 },
    ];
    await saveLegalRates(db, edited);
    expect(await getLegalRates(db)).toEqual({ rates: edited, edited: true });
    await resetLegalRates(db);
    expect(await getLegalRates(db)).toEqual({ rates: LEGAL_INTEREST_RATES, edited: false });
    const audit = await listAudit(db);
    expect(audit.filter((row) => row.entityId === 'legalRates')).toHaveLength(2);
  });

  it('a shipped assumption saved unchanged stays marked as assumed; an edited one does not', async () => {
    const db = track(freshDb());
    const plain = LEGAL_INTEREST_RATES.map(({ from, ratePercent }) => ({ from, ratePercent }));
    await saveLegalRates(db, plain);
    expect((await getLegalRates(db)).rates.at(-1)).toMatchObject({ assumed: true });
    await saveLegalRates(
      db,
      plain.map((row, index) => (index === plain.length - 1 ? { ...row, ratePercent: 9.9 } : row)),
    );
    expect((await getLegalRates(db)).rates.at(-1)).toEqual({
      from: '2026-07-01',
      ratePercent: 9.9,
    });
  });

  it("a client's collections carry the table in force for the letters' interest", async () => {
    const db = track(freshDb());
    const client = await createClient(db, clientInput());
    const edited = [{ from: '2025-01-01', ratePercent: 12 }];
    await saveLegalRates(db, edited);
    const data = await getClientCollections(db, client.id, '2026-05-15');
    expect(data?.legalRates).toEqual(edited);
  });

  it('a rate above 30 % is refused naming its row, and nothing is stored', async () => {
    const db = track(freshDb());
    expect(
      await issueCodesOf(saveLegalRates(db, [{ from: '2025-01-01', ratePercent: 31 }])),
    ).toEqual(['out_of_range']);
    expect((await getLegalRates(db)).edited).toBe(false);
  });
});

describe('the interés legal del dinero table', () => {
  it('is edited and reset like the Ley 3/2004 one, and a consumer claim follows it', async () => {
    const db = track(freshDb());
    expect(await getMoneyRates(db)).toEqual({ rates: LEGAL_MONEY_RATES, edited: false });
    const client = await createClient(db, clientInput({ debtorKind: 'consumer' }));
    const invoice = await createInvoice(
      db,
      invoiceInput(client.id, {
        issueDate: '2026-08-01',
        dues: [{ dueDate: '2026-08-31', amountCents: 1_210_00 }],
      }),
    );
    await recordLegalEvent(
      db,
      {
        clientId: client.id,
        invoiceIds: [invoice.id],
        kind: 'demand',
        date: '2026-09-23',
        channel: 'burofax',
        answer: '',
        note: '',
      },
      '2026-11-23',
    );
    const claimOf = async () => {
      const data = await getClientCollections(db, client.id, '2026-11-23');
      if (!data) throw new Error('no client');
      return buildClaim(data.claimInvoices, '2026-11-23', data.claimOptions);
    };
    // 1.210 € × 3,25 % × 61 days / 365 = 6,57 €, no 40 €.
    expect(await claimOf()).toMatchObject({
      law: 'civil_code',
      interestCents: 657,
      compensationCents: 0,
    });
    await saveMoneyRates(db, [{ from: '2026-01-01', ratePercent: 6.5 }]);
    expect((await getMoneyRates(db)).edited).toBe(true);
    expect((await claimOf()).interestCents).toBe(1314);
    expect(
      await issueCodesOf(saveMoneyRates(db, [{ from: '2026-02-30', ratePercent: 3 }])),
    ).toEqual(['date_invalid']);
    await resetMoneyRates(db);
    expect((await getMoneyRates(db)).edited).toBe(false);
    const audit = await listAudit(db, { entity: 'setting', entityId: 'moneyRates' });
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['create', 'delete']));
  });
});
