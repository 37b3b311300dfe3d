// Hoy reads its open invoices from the ledger's read model: the same worklist as from the whole
// records, down to the invoice's createdAt (read apart) that decides whether a client-wide legal
// step covers it.
import { afterEach, describe, expect, it } from 'vitest';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { getWorklist } from '../../../../renderer/src/db/collections-queries';
import { rebuildReadModel } from '../../../../renderer/src/db/ledger-read-model';
import { loadWorklistData } from '../../../../renderer/src/db/worklist-data';
import { READY_KEY } from '../../../../shared/domain/ledger-read-model';
import type { LegalEventRecord } from '../../../../shared/domain/records';
import { recordPromise } from '../../../../renderer/src/db/promises-repo';
import { saveDunningSettings } from '../../../../renderer/src/db/dunning-repo';
import { DEFAULT_DUNNING_SETTINGS } from '../../../../shared/domain/dunning';
import { clientInput, freshDb, invoiceInput } from './test-db';

const TODAY = '2026-11-30';

let db: CuentasDatabase | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

/** A client-wide step as older versions stored it: no invoices named, only when it was recorded. */
function clientWideDemand(clientId: string, createdAt: string): LegalEventRecord {
  return {
    id: `legal-${createdAt}`,
    clientId,
    invoiceIds: [],
    kind: 'demand',
    date: '2026-06-01',
    channel: 'burofax',
    answer: '',
    note: '',
    createdAt,
  };
}

async function worklistFromTables(run: CuentasDatabase) {
  // Without the marker the model counts as absent: Hoy reads the invoices table (as before).
  const marker = await run.ledgerChunks.get(READY_KEY);
  await run.ledgerChunks.delete(READY_KEY);
  const fromTables = await getWorklist(run, TODAY);
  if (marker) await run.ledgerChunks.put(marker);
  return fromTables;
}

describe("Hoy's data from the read model", () => {
  it('reads only the open invoices, as compact rows, and builds the same worklist as from the tables', async () => {
    db = freshDb();
    await rebuildReadModel(db);
    const client = await createClient(db, clientInput());
    // Due five years ago next month: its claim prescribes within the warning window.
    const old = await createInvoice(
      db,
      invoiceInput(client.id, {
        number: '2021-0007',
        issueDate: '2021-12-01',
        dues: [{ dueDate: '2021-12-31', amountCents: 1_210_00 }],
      }),
    );
    await createInvoice(db, invoiceInput(client.id, { number: '2026-0002' }));
    await createInvoice(db, invoiceInput(client.id, { number: '2026-0003', lifecycle: 'draft' }));
    // Recorded before the invoice: it does not cover it (the invoice's createdAt decides).
    await db.legalEvents.add(clientWideDemand(client.id, '2000-01-01T00:00:00.000Z'));

    const data = await loadWorklistData(db);
    const mine = data.clients.find((row) => row.client.id === client.id);
    const numbers = mine?.invoices.map((invoice) => invoice.number);
    expect(numbers?.sort(), 'the draft is not open').toEqual(['2021-0007', '2026-0002']);
    const read = mine?.invoices.find((invoice) => invoice.id === old.id);
    expect(read, 'compact, not the whole record').not.toHaveProperty('description');
    expect(
      read,
      'the model keeps no createdAt: read apart when a step needs it',
    ).not.toHaveProperty('createdAt');

    const fromModel = await getWorklist(db, TODAY);
    const warning = fromModel.worklist.items.find((item) => item.kind === 'prescription_warning');
    expect(warning?.invoiceIds).toEqual([old.id]);
    expect(fromModel).toEqual(await worklistFromTables(db));
  });

  it('a client-wide step recorded after the invoice interrupts its prescription: no warning', async () => {
    db = freshDb();
    await rebuildReadModel(db);
    const client = await createClient(db, clientInput());
    await createInvoice(
      db,
      invoiceInput(client.id, {
        number: '2021-0007',
        issueDate: '2021-12-01',
        dues: [{ dueDate: '2021-12-31', amountCents: 1_210_00 }],
      }),
    );
    await db.legalEvents.add(clientWideDemand(client.id, '2999-01-01T00:00:00.000Z'));
    const fromModel = await getWorklist(db, TODAY);
    expect(fromModel.worklist.items.map((item) => item.kind)).not.toContain('prescription_warning');
    expect(fromModel).toEqual(await worklistFromTables(db));
  });

  it('is made once per revision and day, and anew after a write to anything it reads', async () => {
    db = freshDb();
    await rebuildReadModel(db);
    const client = await createClient(db, clientInput());
    const invoice = await createInvoice(
      db,
      invoiceInput(client.id, {
        number: '2026-0040',
        issueDate: '2026-09-01',
        dues: [{ dueDate: '2026-10-01', amountCents: 1_210_00 }],
      }),
    );
    const first = await getWorklist(db, TODAY);
    expect(first.worklist.items.length).toBeGreaterThan(0);
    expect(await getWorklist(db, TODAY), 'the same revision and day').toBe(first);
    expect(await getWorklist(db, '2026-12-01'), 'another day').not.toBe(first);

    // A promise is not in the read model's rows, yet Hoy shows it: a new revision.
    await recordPromise(db, {
      clientId: client.id,
      invoiceIds: [invoice.id],
      amountCents: 500_00,
      promisedDate: '2026-12-10',
      activityId: null,
    });
    const promised = await getWorklist(db, TODAY);
    expect(promised).not.toEqual(first);
    expect(promised).toEqual(await worklistFromTables(db));

    // The dunning settings decide the letters Hoy suggests.
    await saveDunningSettings(db, { ...DEFAULT_DUNNING_SETTINGS, promiseGraceDays: 20 });
    const set = await getWorklist(db, TODAY);
    expect(set).not.toBe(promised);
    expect(set).toEqual(await worklistFromTables(db));
  });
});
