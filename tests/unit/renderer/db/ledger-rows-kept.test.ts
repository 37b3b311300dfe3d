// loadLedger keeps the rows it built from the model in memory and gives them again while nothing
// they depend on changed: after any write (or a new day) they equal a build made afresh.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type CuentasDatabase } from '../../../../renderer/src/db/database';
import { createClient, updateClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { recordPayment } from '../../../../renderer/src/db/payments-repo';
import { logActivity } from '../../../../renderer/src/db/activities-repo';
import { cancelPromise, recordPromise } from '../../../../renderer/src/db/promises-repo';
import { loadDemoData } from '../../../../renderer/src/db/demo-loader';
import {
  hasKeptLedger,
  loadLedger,
  saveView,
  type LedgerData,
} from '../../../../renderer/src/db/ledger-queries';
import type { ClientRecord, InvoiceRecord } from '../../../../shared/domain/records';
import { clientInput, freshDb, invoiceInput, paymentInput, planInput, signedPlan } from './test-db';

const TODAY = '2026-11-23';

let db: CuentasDatabase | null = null;
let other: CuentasDatabase | null = null;
afterEach(async () => {
  other?.close();
  await db?.delete();
  db = null;
  other = null;
});

/** The ledger built by another connection: nothing kept, no copy of the model in memory. */
async function freshBuild(database: CuentasDatabase, today: string): Promise<LedgerData> {
  other?.close();
  other = openDatabase(database.name);
  return loadLedger(other, today);
}

async function expectCurrent(database: CuentasDatabase, today = TODAY): Promise<LedgerData> {
  const kept = await loadLedger(database, today);
  const fresh = await freshBuild(database, today);
  expect(kept.rows).toEqual(fresh.rows);
  expect(kept.clients).toEqual(fresh.clients);
  return kept;
}

/** The demo ledger and a client of ours with three overdue invoices. */
async function setup(): Promise<{
  database: CuentasDatabase;
  client: ClientRecord;
  invoices: InvoiceRecord[];
}> {
  const database = freshDb();
  db = database;
  await loadDemoData(database, { invoices: 120, today: TODAY });
  const client = await createClient(database, clientInput({ name: 'Talleres Ñandú S.L.' }));
  const invoices: InvoiceRecord[] = [];
  for (const [k, due] of ['2026-02-14', '2026-03-16', '2026-04-15'].entries()) {
    invoices.push(
      await createInvoice(
        database,
        invoiceInput(client.id, {
          number: `ÑA-${k + 1}`,
          dues: [{ dueDate: due, amountCents: 1_210_00 }],
        }),
      ),
    );
  }
  return { database, client, invoices };
}

const rowOf = (data: LedgerData, id: string) => data.rows.find((row) => row.id === id);

describe('the ledger rows kept between visits', () => {
  it('are the very same rows while nothing changed, even after a write elsewhere', async () => {
    const { database } = await setup();
    expect(hasKeptLedger(database)).toBe(false);
    const first = await expectCurrent(database);
    expect(hasKeptLedger(database)).toBe(true);
    expect(await loadLedger(database, TODAY)).toBe(first);
    // A saved view is not what the rows are made of.
    await saveView(database, 'Morosos', { filter: { search: 'x' } });
    expect(await loadLedger(database, TODAY)).toBe(first);
    // Kept rows are shared: no caller can change them under another.
    expect(Object.isFrozen(first.rows)).toBe(true);
    expect(Object.isFrozen(first.rows[0])).toBe(true);
  });

  it('follow a payment', async () => {
    const { database, client, invoices } = await setup();
    const before = await expectCurrent(database);
    await recordPayment(database, paymentInput(client.id, { amountCents: 1_500_00 }));
    const after = await expectCurrent(database);
    expect(after).not.toBe(before);
    expect(rowOf(after, invoices[0]!.id)?.status).toBe('paid');
    expect(rowOf(after, invoices[1]!.id)?.outstandingCents).toBe(920_00);
  });

  it('follow a plan signed', async () => {
    const { database, client, invoices } = await setup();
    await expectCurrent(database);
    await signedPlan(database, planInput(client.id, [invoices[0]!.id, invoices[1]!.id]));
    const after = await expectCurrent(database);
    expect(rowOf(after, invoices[0]!.id)?.inPlan).toBe(true);
  });

  it('follow a write to the installments alone (not in the model revision)', async () => {
    const { database, client, invoices } = await setup();
    const plan = await signedPlan(database, planInput(client.id, [invoices[0]!.id]));
    const before = await expectCurrent(database);
    const first = await database.installments.where('planId').equals(plan.id).first();
    // As a sync from another device would: only the installment changes, the model does not.
    await database.installments.update(first!.id, { paidCents: first!.amountCents });
    const after = await expectCurrent(database);
    expect(after).not.toBe(before);
  });

  it('follow a promise recorded, kept, broken and cancelled', async () => {
    const { database, client, invoices } = await setup();
    const before = await expectCurrent(database);
    const promise = await recordPromise(database, {
      clientId: client.id,
      invoiceIds: [invoices[2]!.id],
      amountCents: 1_210_00,
      promisedDate: '2026-12-05',
      activityId: null,
    });
    // A promise changes no column the ledger shows, but the state facts it is built with.
    expect(await expectCurrent(database)).not.toBe(before);
    for (const status of ['kept', 'open', 'broken', 'open'] as const) {
      await database.promises.put({ ...promise, status });
      await expectCurrent(database);
    }
    await cancelPromise(database, promise.id);
    await expectCurrent(database);
  });

  it('follow a client renamed', async () => {
    const { database, client, invoices } = await setup();
    await expectCurrent(database);
    await updateClient(database, client.id, clientInput({ name: 'Ñandú Renombrado S.A.' }));
    const after = await expectCurrent(database);
    expect(rowOf(after, invoices[0]!.id)?.clientName).toBe('Ñandú Renombrado S.A.');
    expect(rowOf(after, invoices[0]!.id)?.searchText).toContain('ñandú renombrado');
  });

  it('follow a contact logged', async () => {
    const { database, client, invoices } = await setup();
    await expectCurrent(database);
    await logActivity(database, {
      clientId: client.id,
      invoiceId: null,
      kind: 'call',
      date: '2026-11-20',
      who: 'Lucía',
      outcome: 'Pagará',
      text: '',
      followUpDate: null,
    });
    const after = await expectCurrent(database);
    expect(rowOf(after, invoices[0]!.id)?.lastContactDate).toBe('2026-11-20');
  });

  it('follow the day changing', async () => {
    const { database, invoices } = await setup();
    const today = await expectCurrent(database, '2026-04-20');
    const tomorrow = await expectCurrent(database, '2026-04-21');
    expect(tomorrow).not.toBe(today);
    expect(rowOf(tomorrow, invoices[2]!.id)?.daysOverdue).toBe(
      rowOf(today, invoices[2]!.id)!.daysOverdue + 1,
    );
  });
});
