import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { deletePayment, recordPayment } from '../../../../renderer/src/db/payments-repo';
import {
  cancelPlan,
  createPlanDraft,
  refreshPlans,
  updatePlanDraft,
  type PlanDraftInput,
} from '../../../../renderer/src/db/plans-repo';
import {
  activatePlan,
  addSignedDocument,
  sha256Hex,
} from '../../../../renderer/src/db/plan-signing-repo';
import {
  getPlanDetail,
  getPlanDocumentBytes,
  listInvoicesForPlan,
  listOpenInstallments,
  listPlans,
} from '../../../../renderer/src/db/plans-queries';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { deriveInvoiceStatus } from '../../../../shared/domain/invoice';
import {
  clientInput,
  freshDb,
  invoiceInput,
  issueCodesOf,
  paymentInput,
  planInput,
  SIGNATURE_PNG,
} from './test-db';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

const PDF = new TextEncoder().encode('%PDF-1.4 signed agreement bytes');
const SIG = SIGNATURE_PNG;

/** A client with two overdue invoices: 1.210,00 € and 605,00 €. */
async function setup() {
  db = freshDb();
  const client = await createClient(db, clientInput());
  const first = await createInvoice(db, invoiceInput(client.id));
  const second = await createInvoice(
    db,
    invoiceInput(client.id, {
      number: '2026-0002',
      issueDate: '2026-02-01',
      taxableBaseCents: 500_00,
      dues: [{ dueDate: '2026-03-03', amountCents: 605_00 }],
    }),
  );
  return { client, first, second };
}

/** The shared plan input, in three installments as these tests' amounts expect. */
function draftInput(
  clientId: string,
  invoiceIds: string[],
  overrides: Partial<PlanDraftInput> = {},
): PlanDraftInput {
  return planInput(clientId, invoiceIds, { installments: 3, ...overrides });
}

const activation = {
  how: 'handwritten' as const,
  creditorSignature: SIG,
  debtorSignature: SIG,
  pdf: PDF,
  fileName: 'acuerdo.pdf',
  today: '2026-04-20',
};

describe('plans repository', () => {
  it('drafts a plan from two invoices with extra lines and a down payment, exact to the cent', async () => {
    const { client, first, second } = await setup();
    const plan = await createPlanDraft(
      db,
      draftInput(client.id, [first.id, second.id], {
        extraLines: [{ kind: 'compensation', label: 'Compensación 2 × 40 €', amountCents: 80_00 }],
        downPaymentCents: 95_00,
        downPaymentDate: '2026-04-20',
      }),
      '2026-04-20',
    );
    expect(plan.status).toBe('draft');
    expect(plan.totalCents).toBe(1_210_00 + 605_00 + 80_00);
    expect(plan.terms?.reference).toBe('PP-2026-0001');
    const detail = await getPlanDetail(db, plan.id, '2026-04-20');
    const amounts = detail?.installments.map((row) => row.amountCents);
    expect(amounts).toEqual([600_00, 600_00, 600_00]);
    expect(detail?.installments.map((row) => row.dueDate)).toEqual([
      '2026-05-10',
      '2026-06-10',
      '2026-07-10',
    ]);
    // A draft does not take the invoices out of collection yet.
    expect((await db.invoices.get(first.id))?.planId).toBeNull();
  });

  it('refuses edited installments that do not add up and says by how much', async () => {
    const { client, first } = await setup();
    const plan = await createPlanDraft(db, draftInput(client.id, [first.id]), '2026-04-20');
    const edits = [
      { dueDate: '2026-05-10', amountCents: 500_00 },
      { dueDate: '2026-06-10', amountCents: 500_00 },
      { dueDate: '2026-07-10', amountCents: 200_00 },
    ];
    const attempt = updatePlanDraft(
      db,
      plan.id,
      draftInput(client.id, [first.id], { schedule: edits }),
    );
    await expect(attempt).rejects.toMatchObject({
      issues: [
        {
          field: 'schedule',
          code: 'plan_sum_mismatch',
          params: { expected: 1_210_00, actual: 1_200_00 },
        },
      ],
    });
    const fixed = edits.map((row, index) => (index === 2 ? { ...row, amountCents: 210_00 } : row));
    await updatePlanDraft(db, plan.id, draftInput(client.id, [first.id], { schedule: fixed }));
    const detail = await getPlanDetail(db, plan.id, '2026-04-20');
    expect(detail?.installments.map((row) => row.amountCents)).toEqual([500_00, 500_00, 210_00]);
  });

  it('signing needs both drawn signatures, then activates, keeps the PDF and its hash, and takes the invoices', async () => {
    const { client, first, second } = await setup();
    const plan = await createPlanDraft(
      db,
      draftInput(client.id, [first.id, second.id]),
      '2026-04-20',
    );
    expect(
      await issueCodesOf(activatePlan(db, plan.id, { ...activation, debtorSignature: null })),
    ).toEqual(['signature_missing']);
    const active = await activatePlan(db, plan.id, activation);
    expect(active.status).toBe('active');
    expect(active.signedDate).toBe('2026-04-20');
    expect(active.signing?.sha256).toBe(await sha256Hex(PDF));
    const invoice = await db.invoices.get(first.id);
    expect(invoice?.planId).toBe(plan.id);
    expect(invoice && deriveInvoiceStatus(invoice, '2026-04-20')).toBe('in_plan');
    const detail = await getPlanDetail(db, plan.id, '2026-04-20');
    const stored = await getPlanDocumentBytes(db, detail?.documents[0]?.id ?? '');
    expect(stored?.bytes).toEqual(PDF);
    expect(stored?.signedHow).toBe('handwritten');
    // Signed invoices cannot go into a second plan.
    expect(await listInvoicesForPlan(db, client.id)).toEqual([]);
    expect(
      await issueCodesOf(createPlanDraft(db, draftInput(client.id, [first.id]), '2026-04-20')),
    ).toEqual(['plan_invoice_unavailable']);
    expect(await issueCodesOf(activatePlan(db, plan.id, activation))).toEqual([
      'plan_wrong_status',
    ]);
  });

  it('payments fill the installments oldest first in the same transaction and complete the plan', async () => {
    const { client, first, second } = await setup();
    const plan = await createPlanDraft(
      db,
      draftInput(client.id, [first.id, second.id]),
      '2026-04-20',
    );
    await activatePlan(db, plan.id, activation);
    const { payment } = await recordPayment(
      db,
      paymentInput(client.id, { date: '2026-05-08', amountCents: 700_00 }),
    );
    let detail = await getPlanDetail(db, plan.id, '2026-05-08');
    expect(detail?.installments.map((row) => row.paidCents)).toEqual([605_00, 95_00, 0]);
    expect((await listOpenInstallments(db)).map((row) => row.installment.seq)).toEqual([2, 3]);
    await deletePayment(db, payment.id);
    detail = await getPlanDetail(db, plan.id, '2026-05-08');
    expect(detail?.installments.map((row) => row.paidCents)).toEqual([0, 0, 0]);
    await recordPayment(db, paymentInput(client.id, { date: '2026-05-08', amountCents: 1_815_00 }));
    detail = await getPlanDetail(db, plan.id, '2026-05-08');
    expect(detail?.plan.status).toBe('completed');
    expect(detail?.installments.every((row) => row.paidCents === row.amountCents)).toBe(true);
  });

  it('money beyond the invoices pays the plan’s extra lines instead of becoming a credit', async () => {
    const { client, first } = await setup();
    const plan = await createPlanDraft(
      db,
      draftInput(client.id, [first.id], {
        installments: 1,
        extraLines: [{ kind: 'compensation', label: 'Compensación', amountCents: 40_00 }],
      }),
      '2026-04-20',
    );
    await activatePlan(db, plan.id, activation);
    // Oldest first pays both invoices (1.210,00 € + 605,00 €); the last 40,00 € go to the plan.
    const { payment } = await recordPayment(db, paymentInput(client.id, { amountCents: 1_855_00 }));
    expect(payment.planCents).toBe(40_00);
    expect(payment.unallocatedCents).toBe(0);
    expect((await getPlanDetail(db, plan.id, '2026-05-01'))?.plan.status).toBe('completed');
  });

  it('an installment unpaid past the grace days breaks the plan and returns its invoices to dunning', async () => {
    const { client, first } = await setup();
    const plan = await createPlanDraft(db, draftInput(client.id, [first.id]), '2026-04-20');
    await activatePlan(db, plan.id, activation);
    expect(await refreshPlans(db, '2026-05-25')).toEqual([]);
    const broken = await refreshPlans(db, '2026-05-26');
    expect(broken.map((row) => row.id)).toEqual([plan.id]);
    expect(broken[0]?.brokenDate).toBe('2026-05-26');
    expect((await db.invoices.get(first.id))?.planId).toBeNull();
    const [row] = await listPlans(db, '2026-05-26');
    expect(row?.evaluation.accelerated).toBe(true);
    expect(await refreshPlans(db, '2026-05-27')).toEqual([]);
  });

  it('lists every plan newest first with its own client and installments', async () => {
    const { client, first, second } = await setup();
    const other = await createClient(
      db,
      clientInput({ name: 'Otra Empresa S.L.', taxId: 'B50123454' }),
    );
    const third = await createInvoice(db, invoiceInput(other.id, { number: '2026-0100' }));
    // A client without a plan adds no row (the list reads only the clients its plans name).
    await createClient(db, clientInput({ name: 'Sin Plan S.A.', taxId: 'B77436020' }));
    const older = await createPlanDraft(
      db,
      draftInput(client.id, [first.id, second.id]),
      '2026-04-20',
    );
    const newer = await createPlanDraft(
      db,
      draftInput(other.id, [third.id], { installments: 2 }),
      '2026-04-20',
    );
    const rows = await listPlans(db, '2026-04-20');
    expect(rows.map((row) => [row.plan.id, row.clientName, row.installmentCount])).toEqual([
      [newer.id, 'Otra Empresa S.L.', 2],
      [older.id, 'Talleres Hermanos García S.L.', 3],
    ]);
  });

  it('keeps a digitally signed copy byte for byte and cancels a plan, freeing its invoices', async () => {
    const { client, first } = await setup();
    const plan = await createPlanDraft(db, draftInput(client.id, [first.id]), '2026-04-20');
    await activatePlan(db, plan.id, activation);
    const signed = new Uint8Array([37, 80, 68, 70, 0, 255, 1, 2]);
    const document = await addSignedDocument(db, plan.id, {
      how: 'digital',
      bytes: signed,
      fileName: 'firmado.pdf',
    });
    expect((await getPlanDocumentBytes(db, document.id))?.bytes).toEqual(signed);
    expect((await db.plans.get(plan.id))?.signing?.sha256).toBe(await sha256Hex(signed));
    await cancelPlan(db, plan.id);
    expect((await db.plans.get(plan.id))?.status).toBe('cancelled');
    expect((await db.invoices.get(first.id))?.planId).toBeNull();
  });
});
