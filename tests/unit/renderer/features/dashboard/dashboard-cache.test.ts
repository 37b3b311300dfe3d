// The Panel keeps its figures for the data and day they came from: the same ledger opened again
// gives the very same figures, and any write (payment, promise, plan, client) or a new day gives
// fresh ones, equal to a computation from scratch.
import { afterEach, describe, expect, it } from 'vitest';
import type { CuentasDatabase } from '../../../../../renderer/src/db/database';
import { createClient, updateClient } from '../../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../../renderer/src/db/invoices-repo';
import { recordPayment } from '../../../../../renderer/src/db/payments-repo';
import { recordPromise } from '../../../../../renderer/src/db/promises-repo';
import { rebuildReadModel } from '../../../../../renderer/src/db/ledger-read-model';
import { loadDashboardInputs } from '../../../../../renderer/src/db/ledger-queries';
import { computeDashboard } from '../../../../../renderer/src/features/dashboard/dashboard-figures';
import { dashboardFigures } from '../../../../../renderer/src/features/dashboard/dashboard-cache';
import {
  clientInput,
  freshDb,
  invoiceInput,
  paymentInput,
  planInput,
  signedPlan,
} from '../../db/test-db';

const TODAY = '2026-11-30';

let db: CuentasDatabase | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

/** The Panel's figures as it opens, checked against a computation from scratch. */
async function open(database: CuentasDatabase, today = TODAY) {
  const inputs = await loadDashboardInputs(database);
  const figures = dashboardFigures(inputs, today);
  expect(figures).toEqual(computeDashboard({ ...inputs, dayColumns: null }, today));
  return { inputs, figures };
}

describe('the Panel figures kept per revision of the ledger and day', () => {
  it('are reused on the same data and day, and fresh after each write or a new day', async () => {
    db = freshDb();
    await rebuildReadModel(db);
    const client = await createClient(db, clientInput());
    const other = await createClient(db, clientInput({ name: 'Otra S.L.', taxId: '12345678Z' }));
    const a = await createInvoice(db, invoiceInput(client.id, { number: 'A-1' }));
    await createInvoice(
      db,
      invoiceInput(client.id, {
        number: 'A-2',
        issueDate: '2026-10-01',
        dues: [
          { dueDate: '2026-10-31', amountCents: 605_00 },
          { dueDate: '2026-12-31', amountCents: 605_00 },
        ],
      }),
    );
    const b = await createInvoice(
      db,
      invoiceInput(other.id, {
        number: 'B-1',
        issueDate: '2026-09-01',
        dues: [{ dueDate: '2026-10-01', amountCents: 1_210_00 }],
      }),
    );

    const first = await open(db);
    // The model was in memory: the loader gave the columns the figures are kept by.
    expect(first.inputs.dayColumns).not.toBeNull();
    expect(first.figures.receivableCents).toBe(3 * 1_210_00);
    const again = await open(db);
    expect(again.figures).toBe(first.figures);

    // A payment.
    await recordPayment(db, paymentInput(client.id, { date: '2026-11-20', amountCents: 500_00 }));
    const paid = await open(db);
    expect(paid.figures).not.toBe(first.figures);
    expect(paid.figures.receivableCents).toBe(3 * 1_210_00 - 500_00);

    // A promise to pay (not part of the ledger's revision): the forecast moves.
    await recordPromise(db, {
      clientId: other.id,
      invoiceIds: [b.id],
      amountCents: 1_210_00,
      promisedDate: '2026-12-09',
      activityId: null,
    });
    const promised = await open(db);
    expect(promised.figures).not.toBe(paid.figures);
    expect(promised.figures.forecast.weeks.some((week) => week.promisesCents === 1_210_00)).toBe(
      true,
    );

    // A client's credit limit: the over-limit list changes.
    await updateClient(db, other.id, {
      ...clientInput({ name: 'Otra S.L.', taxId: '12345678Z' }),
      creditLimitCents: 1_000_00,
    });
    const limited = await open(db);
    expect(limited.figures).not.toBe(promised.figures);
    expect(limited.figures.overLimit.map((debtor) => debtor.client.id)).toEqual([other.id]);

    // A payment plan for the first client's invoices.
    await signedPlan(
      db,
      planInput(client.id, [a.id], { firstDueDate: '2026-11-10', installments: 2 }),
      '2026-10-20',
    );
    const planned = await open(db);
    expect(planned.figures).not.toBe(limited.figures);
    expect(planned.figures.forecast.weeks.some((week) => week.installmentsCents > 0)).toBe(true);

    // The next day, on the same data.
    const tomorrow = await open(db, '2026-12-01');
    expect(tomorrow.figures).not.toBe(planned.figures);
    expect((await open(db, '2026-12-01')).figures).toBe(tomorrow.figures);
  });
});
