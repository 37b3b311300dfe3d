// The invoice dialog reads its status the way the ledger does: a plan's lateness shows on its invoices.
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../../renderer/src/db/invoices-repo';
import { getInvoiceDetail } from '../../../../../renderer/src/db/invoices/queries';
import { loadLedger } from '../../../../../renderer/src/db/ledger-queries';
import type { CuentasDatabase } from '../../../../../renderer/src/db/database';
import { clientInput, freshDb, invoiceInput, planInput, signedPlan } from '../test-db';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

async function invoiceInPlan() {
  db = freshDb();
  const client = await createClient(db, clientInput());
  const invoice = await createInvoice(db, invoiceInput(client.id));
  await signedPlan(db, planInput(client.id, [invoice.id]));
  return invoice;
}

describe('getInvoiceDetail', () => {
  it('an invoice in a plan late on an installment is overdue and in the plan, as in the ledger', async () => {
    const invoice = await invoiceInPlan();
    const today = '2026-06-01';
    const detail = await getInvoiceDetail(db, invoice.id, today);
    const ledger = await loadLedger(db, today);
    const row = ledger.rows.find((candidate) => candidate.id === invoice.id);
    expect(detail?.state.status).toBe('overdue');
    expect(detail?.state.inPlan).toBe(true);
    expect(detail?.state.overdueCents).toBe(302_50);
    expect(row?.status).toBe(detail?.state.status);
    expect(row?.inPlan).toBe(detail?.state.inPlan);
  });

  it('before the first installment falls due the same invoice reads in plan, not overdue', async () => {
    const invoice = await invoiceInPlan();
    const detail = await getInvoiceDetail(db, invoice.id, '2026-05-01');
    expect(detail?.state.status).toBe('in_plan');
    expect(detail?.state.overdueCents).toBe(0);
  });
});
