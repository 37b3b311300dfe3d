import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { createPlanDraft } from '../../../../renderer/src/db/plans-repo';
import { activatePlan } from '../../../../renderer/src/db/plan-signing-repo';
import { cancelPromise, recordPromise } from '../../../../renderer/src/db/promises-repo';
import { getClientState, listClientsWithBalance } from '../../../../renderer/src/db/queries';
import { loadDashboardInputs, loadLedger } from '../../../../renderer/src/db/ledger-queries';
import { getClientCollections, getWorklist } from '../../../../renderer/src/db/collections-queries';
import { computeDashboard } from '../../../../renderer/src/features/dashboard/dashboard-figures';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { clientInput, freshDb, invoiceInput, planInput, SIGNATURE_PNG } from './test-db';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

const SIG = SIGNATURE_PNG;
const activation = {
  how: 'handwritten' as const,
  creditorSignature: SIG,
  debtorSignature: SIG,
  pdf: new TextEncoder().encode('%PDF-1.4 signed'),
  fileName: 'acuerdo.pdf',
  today: '2026-04-20',
};

/** A client with an invoice of 1.210,00 € going into a plan and one of 605,00 € staying out. */
async function setup() {
  db = freshDb();
  const client = await createClient(db, clientInput());
  const planned = await createInvoice(db, invoiceInput(client.id));
  const other = await createInvoice(
    db,
    invoiceInput(client.id, {
      number: '2026-0002',
      issueDate: '2026-02-01',
      taxableBaseCents: 500_00,
      dues: [{ dueDate: '2026-03-03', amountCents: 605_00 }],
    }),
  );
  const plan = await createPlanDraft(
    db,
    planInput(client.id, [planned.id], { installments: 2 }),
    '2026-04-20',
  );
  return { client, planned, other, plan };
}

describe('signing a plan', () => {
  it('supersedes the open promises on its invoices, with an audit entry, and no others', async () => {
    const { client, planned, other, plan } = await setup();
    const promise = (invoiceIds: string[]) =>
      recordPromise(db, {
        clientId: client.id,
        invoiceIds,
        amountCents: 760_00,
        promisedDate: '2026-04-30',
        activityId: null,
      });
    const onPlanned = await promise([planned.id]);
    const onOther = await promise([other.id]);
    const cancelled = await promise([planned.id]);
    await cancelPromise(db, cancelled.id);

    await activatePlan(db, plan.id, activation);

    expect((await db.promises.get(onPlanned.id))?.status).toBe('superseded');
    expect((await db.promises.get(onOther.id))?.status).toBe('open');
    expect((await db.promises.get(cancelled.id))?.status).toBe('cancelled');
    const audit = (await db.audit.toArray()).filter((row) => row.entityId === onPlanned.id);
    expect(audit.at(-1)).toMatchObject({ action: 'update', after: { status: 'superseded' } });
    expect(audit.at(-1)?.summary).toMatch(/sustituida por el plan/);

    const collections = await getClientCollections(db, client.id, '2026-04-20');
    const states = new Map(
      collections?.promises.map((row) => [row.promise.id, row.evaluation.state]),
    );
    expect(states.get(onPlanned.id)).toBe('superseded');
    expect(states.get(onOther.id)).toBe('open');
  });

  it('Hoy, Panel, ledger, client page and clients list then show the same overdue', async () => {
    const { client, other, plan } = await setup();
    await activatePlan(db, plan.id, activation);
    const installments = await db.installments.where('planId').equals(plan.id).sortBy('seq');
    const first = installments[0]!;
    // Ten days after the first installment, within the 15 days of grace: the plan is still active.
    const day = '2026-05-20';
    const expected = first.amountCents + other.outstandingCents;

    const hoy = (await getWorklist(db, day)).worklist.totals;
    const panel = computeDashboard(await loadDashboardInputs(db), day);
    const ledger = (await loadLedger(db, day)).rows.reduce((sum, row) => sum + row.overdueCents, 0);
    const page = (await getClientState(db, client.id, day)).totals;
    const [listed] = await listClientsWithBalance(db, day);
    const exposure = (await getClientCollections(db, client.id, day))?.exposure;

    expect(hoy.overdueCents).toBe(expected);
    expect(hoy.inPlanOverdueCents).toBe(first.amountCents);
    expect(panel.overdueCents).toBe(expected);
    expect(ledger).toBe(expected);
    expect(page.overdueCents).toBe(expected);
    expect(listed?.overdueCents).toBe(expected);
    expect(exposure?.overdueCents).toBe(expected);
    // The invoice in the plan is 10 days late (by its installment), not by its own old due.
    const row = (await loadLedger(db, day)).rows.find((r) => r.id === plan.invoiceIds[0]);
    expect(row).toMatchObject({ status: 'overdue', daysOverdue: 10, bucket: 'd1_30' });
  });
});
