// The Panel's loader joins each invoice's collections client by client; the figures equal a join
// by id over the whole tables, also for an allocation whose invoice left its client's rows.
import { afterEach, describe, expect, it } from 'vitest';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { recordPayment } from '../../../../renderer/src/db/payments-repo';
import { rebuildReadModel } from '../../../../renderer/src/db/ledger-read-model';
import { loadPanelHistories } from '../../../../renderer/src/db/panel-histories';
import { clientPieceOf } from '../../../../renderer/src/db/panel-pieces';
import { readMirror } from '../../../../renderer/src/db/ledger-mirror';
import { loadDashboardInputs } from '../../../../renderer/src/db/ledger-queries';
import { computeDashboard } from '../../../../renderer/src/features/dashboard/dashboard-figures';
import { dayNumberOf } from '../../../../shared/domain/day-numbers';
import { joinCollections } from '../../../../shared/domain/invoice-collections';
import type { InvoiceCollections } from '../../../../shared/domain/invoice-collections';
import { clientInput, freshDb, invoiceInput, paymentInput } from './test-db';

const TODAY = '2026-11-30';

/** Each invoice id's collections as sorted [day, cents] pairs. */
function byInvoice(
  invoices: readonly { id: string }[],
  collections: InvoiceCollections,
): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  invoices.forEach((invoice, i) => {
    const pairs: [number, number][] = [];
    for (let c = collections.starts[i] ?? 0; c < (collections.starts[i + 1] ?? 0); c += 1) {
      pairs.push([collections.days[c] ?? NaN, collections.cents[c] ?? NaN]);
    }
    out.set(
      invoice.id,
      pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]),
    );
  });
  return out;
}

let db: CuentasDatabase | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

describe('the Panel histories read from the model', () => {
  it('join each allocation with its invoice and payment day, as a join by id does', async () => {
    db = freshDb();
    await rebuildReadModel(db);
    const first = await createClient(db, clientInput());
    const second = await createClient(db, clientInput({ name: 'Otra S.L.', taxId: '12345678Z' }));
    const a = await createInvoice(db, invoiceInput(first.id, { number: 'A-1' }));
    await createInvoice(
      db,
      invoiceInput(first.id, {
        number: 'A-2',
        issueDate: '2026-03-01',
        dues: [{ dueDate: '2026-03-31', amountCents: 1_210_00 }],
      }),
    );
    const c = await createInvoice(db, invoiceInput(second.id, { number: 'B-1' }));
    await recordPayment(db, paymentInput(first.id, { date: '2026-02-10', amountCents: 700_00 }));
    await recordPayment(db, paymentInput(first.id, { date: '2026-04-02', amountCents: 900_00 }));
    await recordPayment(db, paymentInput(second.id, { date: '2026-03-20', amountCents: 300_00 }));
    // An invoice moved to the other client: its allocations stay in its old client's rows.
    const moved = await db.invoices.get(a.id);
    if (!moved) throw new Error('invoice missing');
    await db.invoices.put({ ...moved, clientId: second.id });

    const model = await loadPanelHistories(db);
    if (!model.collections) throw new Error('the model was not ready');
    const expected = joinCollections(model.invoices, model.allocations, model.payments);
    const got = byInvoice(model.invoices, model.collections);
    expect(got).toEqual(byInvoice(model.invoices, expected));
    // Oldest first: 700,00 € and then 510,00 € of the second payment settle A-1.
    expect(got.get(a.id)).toEqual([
      [dayNumberOf('2026-02-10'), 700_00],
      [dayNumberOf('2026-04-02'), 510_00],
    ]);
    expect(got.get(c.id)).toEqual([[dayNumberOf('2026-03-20'), 300_00]]);
    expect(model.collections.days.length).toBe(model.allocations.length);

    const inputs = await loadDashboardInputs(db);
    expect(inputs.collections).not.toBeNull();
    expect(computeDashboard(inputs, TODAY)).toEqual(
      computeDashboard({ ...inputs, collections: null }, TODAY),
    );
  });

  it('after a write, join the written client again and give the figures of a whole join', async () => {
    db = freshDb();
    await rebuildReadModel(db);
    const clients: { id: string }[] = [];
    const taxIds = ['12345678Z', '87654321X', '11111111H', '22222222J', '33333333P'];
    for (const [k, taxId] of taxIds.entries()) {
      const client = await createClient(db, clientInput({ name: `Cliente ${k} S.L.`, taxId }));
      clients.push(client);
      await createInvoice(db, invoiceInput(client.id, { number: `F-${k}-1` }));
      await createInvoice(
        db,
        invoiceInput(client.id, {
          number: `F-${k}-2`,
          issueDate: '2026-03-01',
          dues: [{ dueDate: '2026-03-31', amountCents: 1_210_00 }],
        }),
      );
    }
    const [first, second] = clients as [(typeof clients)[number], (typeof clients)[number]];
    await recordPayment(db, paymentInput(first.id, { date: '2026-02-10', amountCents: 700_00 }));
    const before = await loadDashboardInputs(db);
    const piecesOf = async () => {
      const mirror = await readMirror(db as CuentasDatabase, { money: true });
      if (!mirror) throw new Error('no model in memory');
      return clients.map((client) => clientPieceOf(mirror, client.id));
    };
    const piecesBefore = await piecesOf();
    await recordPayment(db, paymentInput(second.id, { date: '2026-04-02', amountCents: 900_00 }));
    const after = await loadDashboardInputs(db);
    expect(after.dayColumns).not.toBe(before.dayColumns);
    // One client of five written: only its piece was made again.
    const piecesAfter = await piecesOf();
    piecesAfter.forEach((piece, k) => {
      expect(piece).toBeDefined();
      if (k === 1) expect(piece).not.toBe(piecesBefore[k]);
      else expect(piece).toBe(piecesBefore[k]);
    });
    const whole = computeDashboard({ ...after, collections: null, dayColumns: null }, TODAY);
    expect(computeDashboard(after, TODAY)).toEqual(whole);
    expect(whole.receivableCents).toBe(10 * 1_210_00 - 700_00 - 900_00);
  });

  it('leave the join to the Panel while the model is being rebuilt', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id));
    await db.ledgerChunks.clear();
    const model = await loadPanelHistories(db);
    expect(model.collections).toBeNull();
    expect(model.invoices).toHaveLength(1);
  });
});
