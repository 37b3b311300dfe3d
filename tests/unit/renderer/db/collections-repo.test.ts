import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { recordPayment } from '../../../../renderer/src/db/payments-repo';
import { logActivity, completeFollowUp } from '../../../../renderer/src/db/activities-repo';
import { recordPromise } from '../../../../renderer/src/db/promises-repo';
import {
  openDispute,
  resolveDispute,
  resolveDisputeByCreditNote,
} from '../../../../renderer/src/db/disputes-repo';
import { createCreditNote } from '../../../../renderer/src/db/invoices/credit-notes';
import {
  getDunningSettings,
  pauseClient,
  recordDunningSent,
  saveDunningSettings,
  setClientOnHold,
} from '../../../../renderer/src/db/dunning-repo';
import { getClientCollections, getWorklist } from '../../../../renderer/src/db/collections-queries';
import { listAudit } from '../../../../renderer/src/db/audit';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { DEFAULT_DUNNING_SETTINGS } from '../../../../shared/domain/dunning';
import { clientInput, freshDb, invoiceInput, issueCodesOf, paymentInput } from './test-db';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

/** One client with 1.210,00 € due 2026-02-14. */
async function setup() {
  db = freshDb();
  const client = await createClient(db, clientInput());
  const invoice = await createInvoice(db, invoiceInput(client.id));
  return { client, invoice };
}

const call = (clientId: string) => ({
  clientId,
  invoiceId: null,
  kind: 'call' as const,
  date: '2026-03-01',
  who: 'Yo',
  outcome: 'Promete pagar',
  text: 'Dice que paga el viernes',
  followUpDate: '2026-03-09',
});

describe('collections repositories', () => {
  it('a call with a promise stores both with the activity linked, and audits both', async () => {
    const { client, invoice } = await setup();
    const { activity, promise } = await logActivity(db, {
      ...call(client.id),
      promise: { invoiceIds: [invoice.id], amountCents: 1_210_00, promisedDate: '2026-03-06' },
    });
    expect(promise?.activityId).toBe(activity.id);
    expect(await db.promises.count()).toBe(1);
    const audit = await listAudit(db);
    expect(audit.map((row) => row.entity).sort()).toEqual([
      'activity',
      'client',
      'invoice',
      'promise',
    ]);
  });

  it('a bad promise stores nothing, not even the call, and names the field', async () => {
    const { client } = await setup();
    const codes = await issueCodesOf(
      logActivity(db, {
        ...call(client.id),
        promise: { invoiceIds: [], amountCents: 0, promisedDate: 'x' },
      }),
    );
    expect(codes).toEqual(['amount_not_positive', 'date_invalid']);
    expect(await db.activities.count()).toBe(0);
  });

  it('the promise is kept by a payment before its date and broken when none comes', async () => {
    const { client, invoice } = await setup();
    await recordPromise(db, {
      clientId: client.id,
      invoiceIds: [invoice.id],
      amountCents: 500_00,
      promisedDate: '2026-03-06',
      activityId: null,
    });
    const before = await getClientCollections(db, client.id, '2026-03-20');
    // The promise was created "now" (the test's real clock), so only its date/grace matter here.
    expect(before?.promises[0]?.evaluation.state).toBe('broken');
    expect(before?.risk.reasons.map((r) => r.code)).toContain('broken_promises');
  });

  it('a dispute keeps invoice.disputedCents in step and its amount leaves dunning', async () => {
    const { client, invoice } = await setup();
    const dispute = await openDispute(db, {
      invoiceId: invoice.id,
      reason: 'quality',
      amountCents: 210_00,
      openedDate: '2026-03-01',
      note: 'Pieza defectuosa',
    });
    expect((await db.invoices.get(invoice.id))?.disputedCents).toBe(210_00);
    const view = await getClientCollections(db, client.id, '2026-03-01');
    expect(view?.dunning.lines[0]?.claimCents).toBe(1_000_00);
    await resolveDisputeByCreditNote(db, dispute.id, {
      number: 'R-2026-0001',
      date: '2026-03-05',
      amountCents: 210_00,
      reason: 'Pieza defectuosa',
    });
    const after = await db.invoices.get(invoice.id);
    expect(after).toMatchObject({
      disputedCents: 0,
      payableCents: 1_210_00,
      creditedCents: 210_00,
      outstandingCents: 1_000_00,
    });
    const notes = await db.creditNotes.where('invoiceId').equals(invoice.id).toArray();
    expect(notes).toMatchObject([{ number: 'R-2026-0001', amountCents: 210_00 }]);
    expect(await db.disputes.get(dispute.id)).toMatchObject({
      status: 'resolved',
      resolution: 'credit_note',
    });
  });

  it('a credit note refused (number taken) leaves the dispute open and nothing written', async () => {
    const { invoice } = await setup();
    const dispute = await openDispute(db, {
      invoiceId: invoice.id,
      reason: 'price',
      amountCents: 100_00,
      openedDate: '2026-03-01',
      note: '',
    });
    const credit = { number: 'R-1', date: '2026-03-05', amountCents: 50_00, reason: '' };
    await createCreditNote(db, { invoiceId: invoice.id, ...credit });
    const codes = await issueCodesOf(resolveDisputeByCreditNote(db, dispute.id, credit));
    expect(codes).toEqual(['credit_number_taken']);
    expect(await db.disputes.get(dispute.id)).toMatchObject({ status: 'open' });
    expect(await db.creditNotes.count()).toBe(1);
    expect((await db.invoices.get(invoice.id))?.disputedCents).toBe(100_00);
  });

  it('refuses a dispute larger than what is still owed', async () => {
    const { invoice } = await setup();
    const codes = await issueCodesOf(
      openDispute(db, {
        invoiceId: invoice.id,
        reason: 'price',
        amountCents: 2_000_00,
        openedDate: '2026-03-01',
        note: '',
      }),
    );
    expect(codes).toEqual(['out_of_range']);
    expect(await db.disputes.count()).toBe(0);
  });

  it('resuming a dispute brings the amount back without touching the invoice amounts', async () => {
    const { invoice } = await setup();
    const dispute = await openDispute(db, {
      invoiceId: invoice.id,
      reason: 'price',
      amountCents: 100_00,
      openedDate: '2026-03-01',
      note: '',
    });
    await resolveDispute(db, dispute.id, 'resumed');
    expect(await db.invoices.get(invoice.id)).toMatchObject({
      disputedCents: 0,
      payableCents: 1_210_00,
    });
  });

  it('sending a reminder logs the activity and the dunning event together; the level is not due twice', async () => {
    const { client, invoice } = await setup();
    const today = '2026-03-05';
    const first = await getWorklist(db, today);
    expect(first.worklist.items[0]).toMatchObject({
      kind: 'overdue',
      nextAction: 'send_reminder',
      // Never reminded before: the plain reminder, however many days overdue.
      dunningLevel: 1,
    });
    const event = await recordDunningSent(db, {
      clientId: client.id,
      invoiceIds: [invoice.id],
      level: 1,
      date: today,
      channel: 'pdf',
      amountCents: 1_210_00,
      interestCents: 0,
      compensationCents: 0,
      subject: 'Recordatorio',
      who: '',
    });
    const activity = await db.activities.get(event.activityId ?? '');
    expect(activity).toMatchObject({ kind: 'letter', text: 'Recordatorio' });
    const second = await getWorklist(db, today);
    expect(second.worklist.items[0]).toMatchObject({ nextAction: 'call', dunningLevel: null });
    const view = await getClientCollections(db, client.id, today);
    expect(view?.timeline[0]).toMatchObject({ kind: 'activity', event: { level: 1 } });
  });

  it('a paused client leaves the worklist until the pause ends; on hold is stored', async () => {
    const { client } = await setup();
    await pauseClient(db, client.id, '2026-03-05', 7);
    expect((await getWorklist(db, '2026-03-11')).worklist).toMatchObject({
      items: [],
      pausedClients: 1,
    });
    expect((await getWorklist(db, '2026-03-12')).worklist.items).toHaveLength(1);
    await setClientOnHold(db, client.id, true);
    expect((await db.clients.get(client.id))?.onHold).toBe(true);
  });

  it('a follow-up due today shows in the worklist until it is done', async () => {
    const { client } = await setup();
    const { activity } = await logActivity(db, call(client.id));
    const kinds = async () =>
      (await getWorklist(db, '2026-03-09')).worklist.items.map((item) => item.kind);
    expect(await kinds()).toContain('follow_up');
    await completeFollowUp(db, activity.id);
    expect(await kinds()).not.toContain('follow_up');
  });

  it('dunning settings default, save, and refuse levels out of order', async () => {
    db = freshDb();
    expect(await getDunningSettings(db)).toEqual(DEFAULT_DUNNING_SETTINGS);
    await saveDunningSettings(db, { ...DEFAULT_DUNNING_SETTINGS, promiseGraceDays: 5 });
    expect((await getDunningSettings(db)).promiseGraceDays).toBe(5);
    const levels = DEFAULT_DUNNING_SETTINGS.levels.map((level, index) =>
      index === 2 ? { ...level, offsetDays: 0 } : level,
    );
    expect(
      await issueCodesOf(saveDunningSettings(db, { ...DEFAULT_DUNNING_SETTINGS, levels })),
    ).toEqual(['out_of_range']);
  });

  it('a payment after a promise counts toward it', async () => {
    const { client, invoice } = await setup();
    const created = new Date().toISOString().slice(0, 10);
    await recordPromise(db, {
      clientId: client.id,
      invoiceIds: [invoice.id],
      amountCents: 500_00,
      promisedDate: created,
      activityId: null,
    });
    await recordPayment(db, paymentInput(client.id, { date: created, amountCents: 500_00 }));
    const view = await getClientCollections(db, client.id, '2099-01-01');
    expect(view?.promises[0]?.evaluation.state).toBe('kept');
  });
});
