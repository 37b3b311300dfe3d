import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { createPlanDraft } from '../../../../renderer/src/db/plans-repo';
import { activatePlan } from '../../../../renderer/src/db/plan-signing-repo';
import { confirmMatch } from '../../../../renderer/src/db/statements-repo';
import { processReturnedDebits } from '../../../../renderer/src/db/returned-debits-repo';
import { getWorklist } from '../../../../renderer/src/db/collections-queries';
import type { BankMovementRecord } from '../../../../shared/domain/records';
import { clientInput, freshDb, invoiceInput } from './test-db';

const SIG = 'data:image/png;base64,iVBORw0KGgo=';

function movement(overrides: Partial<BankMovementRecord>): BankMovementRecord {
  return {
    id: crypto.randomUUID(),
    statementId: 's1',
    fingerprint: crypto.randomUUID(),
    date: '2026-05-11',
    valueDate: '2026-05-11',
    amountCents: 0,
    concept: '',
    references: [],
    commonCode: '02',
    counterpartyName: '',
    status: 'unmatched',
    paymentId: null,
    ...overrides,
  };
}

async function collectedFirstInstallment() {
  const db = freshDb();
  const client = await createClient(db, clientInput());
  const invoice = await createInvoice(db, invoiceInput(client.id));
  const draft = await createPlanDraft(
    db,
    {
      clientId: client.id,
      invoiceIds: [invoice.id],
      extraLines: [],
      downPaymentCents: 0,
      downPaymentDate: null,
      installments: 3,
      frequency: 'monthly',
      firstDueDate: '2026-05-10',
      annualInterestPercent: 0,
      breakAfterDays: 15,
      place: 'Zaragoza',
      language: 'es',
      creditorSignatory: { name: 'Lucía Martín', capacity: 'administradora' },
      debtorSignatory: { name: 'José García', capacity: 'apoderado' },
      schedule: null,
    },
    '2026-04-20',
  );
  await activatePlan(db, draft.id, {
    how: 'handwritten',
    creditorSignature: SIG,
    debtorSignature: SIG,
    pdf: new TextEncoder().encode('%PDF-1.4'),
    fileName: 'acuerdo.pdf',
    today: '2026-04-20',
  });
  const [first] = await db.installments.where('planId').equals(draft.id).sortBy('seq');
  const amount = first?.amountCents ?? 0;
  const credit = movement({ amountCents: amount, concept: 'REMESA RECIBOS PP-2026-0001-1' });
  await db.bankMovements.add(credit);
  await confirmMatch(db, credit.id, { clientId: client.id, invoiceIds: [invoice.id] });
  return { db, client, planId: draft.id, amount, creditId: credit.id };
}

describe('returned direct debits', () => {
  it('a returned receipt takes the payment back and the installment is unpaid again', async () => {
    const { db, planId, amount, creditId } = await collectedFirstInstallment();
    const paidBefore = (await db.installments.where('planId').equals(planId).sortBy('seq'))[0];
    expect(paidBefore?.paidCents).toBe(amount);

    const returned = movement({
      amountCents: -amount,
      commonCode: '14',
      concept: 'DEVOLUCION RECIBO PP-2026-0001-1',
      date: '2026-05-14',
      status: 'ignored',
    });
    await db.bankMovements.add(returned);
    expect(await processReturnedDebits(db)).toEqual({ reversed: 1, unexplained: 0 });

    const after = (await db.installments.where('planId').equals(planId).sortBy('seq'))[0];
    expect(after?.paidCents).toBe(0);
    expect(await db.payments.count()).toBe(0);
    expect((await db.bankMovements.get(returned.id))?.status).toBe('returned');
    // The credit that booked it cannot be matched a second time.
    expect((await db.bankMovements.get(creditId))?.status).toBe('ignored');

    const { worklist } = await getWorklist(db, '2026-05-15');
    const item = worklist.items.find((row) => row.kind === 'debit_returned');
    expect(item?.amountCents).toBe(amount);
    expect(item?.date).toBe('2026-05-14');

    // Running again finds nothing new.
    expect(await processReturnedDebits(db)).toEqual({ reversed: 0, unexplained: 0 });
  });

  it('a return with no payment of that amount is left for a person, nothing is undone', async () => {
    const { db, amount } = await collectedFirstInstallment();
    await db.bankMovements.add(
      movement({ amountCents: -(amount + 1), commonCode: '14', status: 'ignored' }),
    );
    expect(await processReturnedDebits(db)).toEqual({ reversed: 0, unexplained: 1 });
    expect(await db.payments.count()).toBe(1);
  });
});
