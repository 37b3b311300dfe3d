import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createClient, updateClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { recordLegalEvent } from '../../../../renderer/src/db/legal-repo';
import { listAudit } from '../../../../renderer/src/db/audit';
import {
  clearVatRecovery,
  getVatInvoice,
  getVatRecoverySettings,
  listVatRecovery,
  recordCorrectiveInvoice,
  recordVatStep,
  saveVatRecoverySettings,
  setSecuredCents,
} from '../../../../renderer/src/db/vat-recovery-repo';
import { clientInput, freshDb, invoiceInput, issueCodesOf } from './test-db';

// 1.000 € + 21 % = 1.210 €, issued 2026-01-15, due 2026-02-14.
async function setUp() {
  const db = freshDb();
  const client = await createClient(db, clientInput());
  const invoice = await createInvoice(db, invoiceInput(client.id));
  return { db, client, invoice };
}

const burofax = (clientId: string, invoiceIds: string[], channel = 'burofax') => ({
  clientId,
  invoiceIds,
  kind: 'demand' as const,
  date: '2026-06-01',
  channel,
  answer: '',
  note: '',
});

describe('VAT recovery repository', () => {
  it('settings default to one year and keep one year over the turnover limit', async () => {
    const { db } = await setUp();
    expect(await getVatRecoverySettings(db)).toEqual({ turnover: 'up_to_limit', waitMonths: 12 });
    await saveVatRecoverySettings(db, { turnover: 'up_to_limit', waitMonths: 6 });
    expect((await getVatRecoverySettings(db)).waitMonths).toBe(6);
    const saved = await saveVatRecoverySettings(db, { turnover: 'over_limit', waitMonths: 6 });
    expect(saved.waitMonths).toBe(12);
    const audit = await listAudit(db, { entity: 'setting', entityId: 'vatRecovery' });
    expect(audit).toHaveLength(2);
  });

  it('lists the open invoice with its window; an e-mail leaves the claim missing, a burofax does not', async () => {
    const { db, client, invoice } = await setUp();
    await recordLegalEvent(db, burofax(client.id, [invoice.id], 'email'), '2026-06-01');
    let [row] = await listVatRecovery(db, '2027-02-01');
    expect(row?.status.dues[0]).toMatchObject({
      vatAtStakeCents: 210_00,
      eligibleFrom: '2027-01-15',
      rectifyBy: '2027-07-15',
      state: 'missing_claim',
    });
    await recordLegalEvent(db, burofax(client.id, [invoice.id]), '2026-06-01');
    [row] = await listVatRecovery(db, '2027-02-01');
    expect(row?.status.dues[0]?.state).toBe('open');
    expect(row?.status.claim?.date).toBe('2026-06-01');
  });

  it('the client flags written by the client form exclude the invoice', async () => {
    const { db, client } = await setUp();
    await updateClient(db, client.id, { ...clientInput(), relatedParty: true });
    const [row] = await listVatRecovery(db, '2027-02-01', client.id);
    expect(row?.status.exclusion).toBe('related_party');
    expect(
      await issueCodesOf(
        updateClient(db, client.id, { ...clientInput(), insolvencyDate: '2026-02-30' }),
      ),
    ).toContain('date_invalid');
  });

  it('the secured part lowers the VAT at stake and is audited', async () => {
    const { db, invoice } = await setUp();
    await setSecuredCents(db, invoice.id, 605_00);
    const [row] = await listVatRecovery(db, '2027-02-01');
    expect(row?.status.recoverableCents).toBe(105_00);
    expect(await issueCodesOf(setSecuredCents(db, invoice.id, 2_000_00))).toEqual(['out_of_range']);
    const audit = await listAudit(db, { entity: 'invoice', entityId: invoice.id });
    expect(audit.some((entry) => entry.summary.includes('garantizada'))).toBe(true);
  });

  it('recording the corrective invoice starts the AEAT countdown; the steps follow', async () => {
    const { db, client, invoice } = await setUp();
    await recordLegalEvent(db, burofax(client.id, []), '2026-06-01');
    const today = '2027-02-10';
    const saved = await recordCorrectiveInvoice(
      db,
      { invoiceId: invoice.id, number: ' R-2027-001 ', date: '2027-02-01' },
      today,
    );
    expect(saved.vatRecovery).toEqual({
      correctiveInvoiceNumber: 'R-2027-001',
      correctiveInvoiceDate: '2027-02-01',
      vatCents: 210_00,
      paidCentsAtCorrection: 0,
      aeatNoticeDate: null,
      withdrawnDate: null,
    });
    let found = await getVatInvoice(db, invoice.id, today);
    expect(found?.row.status.dues[0]?.state).toBe('rectified');
    expect(found?.row.status.steps.find((s) => s.kind === 'aeat_notice')).toMatchObject({
      by: '2027-03-01',
      state: 'todo',
    });

    await recordVatStep(
      db,
      { invoiceId: invoice.id, step: 'aeatNoticeDate', date: '2027-02-05' },
      today,
    );
    await recordVatStep(
      db,
      { invoiceId: invoice.id, step: 'withdrawnDate', date: '2027-02-10' },
      today,
    );
    found = await getVatInvoice(db, invoice.id, today);
    expect(found?.row.status.steps.find((s) => s.kind === 'aeat_notice')?.state).toBe('done');
    expect(found?.row.status.steps.find((s) => s.kind === 'upward_correction')?.by).toBe(
      '2027-03-10',
    );

    await clearVatRecovery(db, invoice.id);
    found = await getVatInvoice(db, invoice.id, today);
    expect(found?.row.invoice.vatRecovery).toBeNull();
    const audit = await listAudit(db, { entity: 'invoice', entityId: invoice.id });
    expect(audit.filter((entry) => entry.summary.includes('R-2027-001'))).toHaveLength(1);
  });

  it('a later installment whose window opens later gets its own corrective invoice', async () => {
    const db = freshDb();
    const client = await createClient(db, clientInput());
    // The last due is more than 12 months after the accrual: each due starts its own period.
    const invoice = await createInvoice(
      db,
      invoiceInput(client.id, {
        dues: [
          { dueDate: '2026-02-14', amountCents: 605_00 },
          { dueDate: '2027-06-14', amountCents: 605_00 },
        ],
      }),
    );
    await recordLegalEvent(db, burofax(client.id, []), '2026-06-01');
    const first = await recordCorrectiveInvoice(
      db,
      { invoiceId: invoice.id, number: 'R-2027-001', date: '2027-03-01' },
      '2027-03-01',
    );
    expect(first.vatRecovery?.vatCents).toBe(105_00);
    let found = await getVatInvoice(db, invoice.id, '2027-03-01');
    expect(found?.row.status.dues.map((due) => due.state)).toEqual(['rectified', 'not_yet']);
    expect(found?.row.status.steps.at(-1)).toMatchObject({
      kind: 'corrective_invoice',
      by: '2028-12-14',
      state: 'todo',
    });

    const today = '2028-07-10';
    expect(
      await issueCodesOf(
        recordCorrectiveInvoice(
          db,
          { invoiceId: invoice.id, number: 'R-2027-001', date: '2028-07-01' },
          today,
        ),
      ),
    ).toEqual(['credit_number_taken']);
    expect(
      await issueCodesOf(
        recordCorrectiveInvoice(
          db,
          { invoiceId: invoice.id, number: 'R-2028-004', date: '2027-02-20' },
          today,
        ),
      ),
    ).toEqual(['date_invalid']);
    const second = await recordCorrectiveInvoice(
      db,
      { invoiceId: invoice.id, number: 'R-2028-004', date: '2028-07-01' },
      today,
    );
    expect(second.vatRecovery).toMatchObject({
      correctiveInvoiceNumber: 'R-2028-004',
      vatCents: 105_00,
    });
    expect(second.vatRecoveryHistory?.map((record) => record.correctiveInvoiceNumber)).toEqual([
      'R-2027-001',
    ]);
    found = await getVatInvoice(db, invoice.id, today);
    expect(found?.row.status.dues.map((due) => due.state)).toEqual(['rectified', 'rectified']);
    expect(
      found?.row.status.steps.filter((step) => step.kind === 'aeat_notice').map((step) => step.by),
    ).toEqual(['2027-04-01', '2028-08-01']);

    // Undo forgets only the latest corrective invoice.
    await clearVatRecovery(db, invoice.id);
    found = await getVatInvoice(db, invoice.id, today);
    expect(found?.row.invoice.vatRecovery?.correctiveInvoiceNumber).toBe('R-2027-001');
    expect(found?.row.invoice.vatRecoveryHistory).toBeUndefined();
    expect(found?.row.status.dues.map((due) => due.state)).toEqual(['rectified', 'open']);
  });

  it('refuses a corrective invoice without number, in the future, or a step before it', async () => {
    const { db, invoice } = await setUp();
    const today = '2027-02-10';
    expect(
      await issueCodesOf(
        recordCorrectiveInvoice(db, { invoiceId: invoice.id, number: ' ', date: today }, today),
      ),
    ).toEqual(['required']);
    expect(
      await issueCodesOf(
        recordCorrectiveInvoice(
          db,
          { invoiceId: invoice.id, number: 'R-1', date: '2027-02-11' },
          today,
        ),
      ),
    ).toEqual(['date_invalid']);
    expect(
      await issueCodesOf(
        recordVatStep(db, { invoiceId: invoice.id, step: 'aeatNoticeDate', date: today }, today),
      ),
    ).toEqual(['not_found']);
    // Before the window opens on 15/01/2027 there is nothing to correct yet.
    expect(
      await issueCodesOf(
        recordCorrectiveInvoice(
          db,
          { invoiceId: invoice.id, number: 'R-0', date: '2027-01-14' },
          today,
        ),
      ),
    ).toEqual(['date_invalid']);
    await recordCorrectiveInvoice(
      db,
      { invoiceId: invoice.id, number: 'R-1', date: '2027-02-01' },
      today,
    );
    expect(
      await issueCodesOf(
        recordVatStep(
          db,
          { invoiceId: invoice.id, step: 'aeatNoticeDate', date: '2027-01-31' },
          today,
        ),
      ),
    ).toEqual(['date_invalid']);
  });

  it('a draft invoice is listed neither on the Panel nor on the client page', async () => {
    const { db, client } = await setUp();
    await createInvoice(db, invoiceInput(client.id, { number: '2026-0002', lifecycle: 'draft' }));
    expect(await listVatRecovery(db, '2027-02-01')).toHaveLength(1);
    expect(await listVatRecovery(db, '2027-02-01', client.id)).toHaveLength(1);
  });
});
