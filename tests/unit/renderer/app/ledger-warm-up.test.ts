// The warm-up makes Hoy's list and the Panel's figures ahead, the very ones the screens then show
// without computing them; a write after it leaves the screens to make their own, as without it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { getWorklist, loadWorklistInputs } from '../../../../renderer/src/db/collections-queries';
import { loadDashboardInputs } from '../../../../renderer/src/db/ledger-queries';
import { loadDemoData } from '../../../../renderer/src/db/demo-loader';
import { recordPayment } from '../../../../renderer/src/db/payments-repo';
import { warmUpLedger } from '../../../../renderer/src/app/ledger-warm-up';
import { dashboardFigures } from '../../../../renderer/src/features/dashboard/dashboard-cache';
import * as figures from '../../../../renderer/src/features/dashboard/dashboard-figures';
import { computeWorklist } from '../../../../renderer/src/db/worklist-figures';
import { freshDb, paymentInput } from '../db/test-db';

vi.mock('../../../../renderer/src/features/dashboard/dashboard-figures', async (importOriginal) => {
  const actual = await importOriginal<typeof figures>();
  return { ...actual, computeDashboard: vi.fn(actual.computeDashboard) };
});

const TODAY = '2026-11-30';

let db: CuentasDatabase | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
  vi.mocked(figures.computeDashboard).mockClear();
});

describe('warmUpLedger', () => {
  it('makes Hoy and the Panel ahead, waiting for quiet between the steps', async () => {
    db = freshDb();
    await loadDemoData(db, { invoices: 300, today: TODAY });
    const quiet = vi.fn(() => Promise.resolve());
    await warmUpLedger(db, () => TODAY, quiet);
    // Between the six steps, and after the Panel's one range of clients (fewer than 1.000).
    expect(quiet).toHaveBeenCalledTimes(6);
    expect(figures.computeDashboard).toHaveBeenCalledTimes(1);

    // What the screens then show: the kept figures and list, equal to computing them now.
    const inputs = await loadDashboardInputs(db);
    const shown = dashboardFigures(inputs, TODAY);
    expect(figures.computeDashboard).toHaveBeenCalledTimes(1);
    const actual = await vi.importActual<typeof figures>(
      '../../../../renderer/src/features/dashboard/dashboard-figures',
    );
    expect(shown).toEqual(actual.computeDashboard(inputs, TODAY));
    const list = await getWorklist(db, TODAY);
    expect(await getWorklist(db, TODAY)).toBe(list);
    expect(list.worklist).toEqual(
      computeWorklist(await loadWorklistInputs(db, TODAY), TODAY).worklist,
    );
  });

  it('leaves a later write to the screens: the Panel computes the new revision', async () => {
    db = freshDb();
    await loadDemoData(db, { invoices: 200, today: TODAY });
    await warmUpLedger(
      db,
      () => TODAY,
      () => Promise.resolve(),
    );
    const before = dashboardFigures(await loadDashboardInputs(db), TODAY);
    const open = await db.invoices
      .filter((invoice) => invoice.lifecycle === 'issued' && invoice.outstandingCents > 0)
      .first();
    if (!open) throw new Error('the sample has no open invoice');
    await recordPayment(
      db,
      paymentInput(open.clientId, {
        date: TODAY,
        amountCents: open.outstandingCents,
        allocation: { mode: 'targets', invoiceIds: [open.id], planIds: [] },
      }),
    );
    const after = dashboardFigures(await loadDashboardInputs(db), TODAY);
    expect(figures.computeDashboard).toHaveBeenCalledTimes(2);
    expect(after.receivableCents).toBe(before.receivableCents - open.outstandingCents);
  });
});
