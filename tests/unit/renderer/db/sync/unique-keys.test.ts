// Two devices make records with the same unique key while apart (the same bank file imported on
// both, the same invoice number, the same mandate reference): the pull goes on, nothing is lost,
// the transfer is booked once, both devices converge and the ledger's invariants hold on both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CuentasDatabase } from '../../../../../renderer/src/db/database';
import { createClient } from '../../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../../renderer/src/db/invoices-repo';
import { createMandate } from '../../../../../renderer/src/db/mandates-repo';
import { receiveMoney } from '../../../../../renderer/src/db/payments/receive-money';
import { recordPayment } from '../../../../../renderer/src/db/payments-repo';
import {
  confirmMatch,
  importStatements,
  linkMatch,
} from '../../../../../renderer/src/db/statements-repo';
import { CouchClient } from '../../../../../renderer/src/db/sync/couch-client';
import { enableChangeLog } from '../../../../../renderer/src/db/sync/engine';
import { listHeld } from '../../../../../renderer/src/db/sync/held';
import {
  keepOtherDevices,
  keepThisDevices,
  renumberDuplicateInvoice,
} from '../../../../../renderer/src/db/sync/held-actions';
import { readBankStatement } from '../../../../../shared/formats/bank-statement';
import { norma43File } from '../../../shared/formats/norma43-fixture';
import { COUCH_MEMBER, setUpDatabase, startCouchServer } from '../../../../support/couch-server';
import type { CouchServer } from '../../../../support/couch-server';
import {
  clientInput,
  freshDb,
  invoiceInput,
  paymentInput,
  planInput,
  signedPlan,
} from '../test-db';
import { expectLedgerInvariants, ledgerSnapshot, syncUntilQuiet } from './sync-invariants';

let server: CouchServer;
let firms = 0;

beforeAll(async () => {
  server = await startCouchServer();
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

async function device(): Promise<CuentasDatabase> {
  const db = freshDb();
  await enableChangeLog(db);
  return db;
}

/** Two devices on a new firm's database, sharing a client with one invoice of 1.210,00 €. */
async function twoDevices() {
  const database = `unicos${++firms}`;
  await setUpDatabase(server.url, database);
  const connect = () => new CouchClient({ url: server.url, database, ...COUCH_MEMBER });
  const a = await device();
  const b = await device();
  const client = await createClient(a, clientInput());
  const invoice = await createInvoice(a, invoiceInput(client.id));
  await syncUntilQuiet([a, b], connect);
  return { a, b, client, invoice, connect };
}

/** The bank's file of the client's transfer of 1.210,00 €, byte for byte the same on both. */
const BANK_FILE = new TextEncoder().encode(
  norma43File([
    {
      date: '260310',
      amountCents: 1_210_00,
      concept: 'TRANSF TALLERES HERMANOS GARCIA 2026-0001',
      ref2: 'N1',
    },
  ]),
);

async function importFile(db: CuentasDatabase): Promise<string> {
  await importStatements(db, readBankStatement(BANK_FILE), 'marzo.n43');
  const [movement] = await db.bankMovements.toArray();
  return movement!.id;
}

async function expectConverged(a: CuentasDatabase, b: CuentasDatabase): Promise<void> {
  await expectLedgerInvariants(a, 'device A');
  await expectLedgerInvariants(b, 'device B');
  expect(await ledgerSnapshot(b)).toEqual(await ledgerSnapshot(a));
}

describe('sync with the same unique key on two devices', () => {
  it('the same bank file reconciled on both books the transfer once', async () => {
    // Three times: which device's copy is kept (the smaller id) changes from run to run.
    for (let run = 0; run < 3; run += 1) {
      const { a, b, client, invoice, connect } = await twoDevices();
      for (const db of [a, b]) {
        const movementId = await importFile(db);
        await confirmMatch(db, movementId, {
          clientId: client.id,
          invoiceIds: [invoice.id],
          planIds: [],
        });
        expect(await db.payments.count()).toBe(1);
      }
      await syncUntilQuiet([a, b], connect);

      await expectConverged(a, b);
      for (const db of [a, b]) {
        expect(await db.bankStatements.count()).toBe(1);
        const movements = await db.bankMovements.toArray();
        expect(movements).toHaveLength(1);
        const payments = await db.payments.toArray();
        expect(payments, 'one payment for one transfer').toHaveLength(1);
        expect(movements[0]).toMatchObject({ status: 'matched', paymentId: payments[0]!.id });
        expect(await db.invoices.get(invoice.id)).toMatchObject({
          paidCents: 1_210_00,
          outstandingCents: 0,
        });
      }
      // The user is told: the copy set aside, and the payment booked twice that was taken back.
      const held = [...(await listHeld(a)), ...(await listHeld(b))];
      expect(held.some((row) => row.table === 'bankMovements' && row.kind === 'merged')).toBe(true);
      expect(held.filter((row) => row.tookBack !== null).map((row) => row.tookBack)).toContainEqual(
        expect.objectContaining({ amountCents: 1_210_00, clientId: client.id }),
      );
      expect(held.every((row) => row.resolvedAt !== null)).toBe(true);
    }
  }, 120_000);

  it('a transfer reconciled on one device and only imported on the other links once', async () => {
    for (let run = 0; run < 3; run += 1) {
      const { a, b, client, invoice, connect } = await twoDevices();
      const movementOnA = await importFile(a);
      await confirmMatch(a, movementOnA, {
        clientId: client.id,
        invoiceIds: [invoice.id],
        planIds: [],
      });
      await importFile(b);
      await syncUntilQuiet([a, b], connect);

      await expectConverged(a, b);
      const [payment] = await b.payments.toArray();
      expect(await b.payments.count()).toBe(1);
      expect(await b.bankMovements.toArray()).toEqual([
        expect.objectContaining({ status: 'matched', paymentId: payment!.id }),
      ]);
    }
  }, 120_000);

  it('a payment typed by hand and linked on one device stays the one payment', async () => {
    const { a, b, client, connect } = await twoDevices();
    const { payment } = await recordPayment(
      a,
      paymentInput(client.id, { amountCents: 1_210_00, date: '2026-03-09' }),
    );
    await syncUntilQuiet([a, b], connect);
    const onA = await importFile(a);
    await linkMatch(a, onA, payment.id);
    const onB = await importFile(b);
    await linkMatch(b, onB, payment.id);
    await syncUntilQuiet([a, b], connect);

    await expectConverged(a, b);
    expect(await a.payments.toArray()).toEqual([expect.objectContaining({ id: payment.id })]);
    expect((await a.bankMovements.toArray()).map((row) => row.paymentId)).toEqual([payment.id]);
  }, 60_000);

  it('the same invoice number made on both keeps both invoices, listed until one is renumbered', async () => {
    const { a, b, client, connect } = await twoDevices();
    const onA = await createInvoice(a, invoiceInput(client.id, { number: '2026-0042' }));
    const onB = await createInvoice(
      b,
      invoiceInput(client.id, {
        number: '2026-0042',
        taxableBaseCents: 500_00,
        vatRatePercent: 0,
        dues: [{ dueDate: '2026-02-20', amountCents: 500_00 }],
      }),
    );
    await recordPayment(
      a,
      paymentInput(client.id, {
        amountCents: 300_00,
        allocation: { mode: 'chosen', items: [{ invoiceId: onA.id, amountCents: 300_00 }] },
      }),
    );
    await recordPayment(
      b,
      paymentInput(client.id, {
        amountCents: 200_00,
        allocation: { mode: 'chosen', items: [{ invoiceId: onB.id, amountCents: 200_00 }] },
      }),
    );
    await syncUntilQuiet([a, b], connect);

    await expectConverged(a, b);
    for (const db of [a, b]) {
      const numbered = await db.invoices.where('number').equals('2026-0042').toArray();
      // Each with its own payment: 1.210,00 − 300,00 and 500,00 − 200,00.
      expect(numbered.map((row) => row.outstandingCents).sort((x, y) => x - y)).toEqual([
        300_00, 910_00,
      ]);
      const listed = (await listHeld(db)).filter((row) => row.kind === 'same_number');
      expect(listed).toHaveLength(1);
      expect([listed[0]!.key, listed[0]!.keptKey].sort()).toEqual([onA.id, onB.id].sort());
      expect(listed[0]!.resolvedAt).toBeNull();
    }

    const pair = (await listHeld(a)).find((row) => row.kind === 'same_number')!;
    await renumberDuplicateInvoice(a, pair.id, onB.id, '2026-0043');
    await syncUntilQuiet([a, b], connect);
    await expectConverged(a, b);
    expect((await b.invoices.get(onB.id))?.number).toBe('2026-0043');
    for (const db of [a, b]) {
      const listed = (await listHeld(db)).filter((row) => row.kind === 'same_number');
      expect(listed.every((row) => row.resolvedAt !== null)).toBe(true);
    }
  }, 60_000);

  it('the same mandate reference made on both waits aside until the user keeps one', async () => {
    for (const choice of ['this', 'other'] as const) {
      const { a, b, client, connect } = await twoDevices();
      const mandate = (iban: string) => ({
        clientId: client.id,
        reference: 'TALLERES-0001',
        signatureDate: '2026-03-01',
        debtorIban: iban,
        debtorName: 'Talleres Hermanos García S.L.',
      });
      const onA = await createMandate(a, mandate('ES9121000418450200051332'), '2026-03-01');
      const onB = await createMandate(b, mandate('ES7921000813610123456789'), '2026-03-01');
      await syncUntilQuiet([a, b], connect);

      // Each keeps its own, the other's is listed aside; the ledger holds.
      expect(await a.mandates.toArray()).toEqual([onA]);
      expect(await b.mandates.toArray()).toEqual([onB]);
      for (const db of [a, b]) await expectLedgerInvariants(db, 'mandates');
      const aside = (await listHeld(a)).find((row) => row.kind === 'held');
      expect(aside).toMatchObject({ table: 'mandates', key: onB.id, keptKey: onA.id });

      if (choice === 'this') await keepThisDevices(a, aside!.id);
      else await keepOtherDevices(a, aside!.id);
      await syncUntilQuiet([a, b], connect);
      const kept = choice === 'this' ? onA : onB;
      expect(await a.mandates.toArray()).toEqual([kept]);
      expect(await b.mandates.toArray()).toEqual([kept]);
      for (const db of [a, b]) {
        expect((await listHeld(db)).every((row) => row.resolvedAt !== null)).toBe(true);
      }
    }
  }, 60_000);

  it("installments' paid amounts are derived: a receipt on each device adds up on both", async () => {
    const { a, b, client, invoice, connect } = await twoDevices();
    const plan = await signedPlan(a, planInput(client.id, [invoice.id]));
    await syncUntilQuiet([a, b], connect);
    const receipt = (amountCents: number) => ({
      source: 'plan_installment' as const,
      clientId: client.id,
      date: '2026-05-10',
      amountCents,
      method: 'transfer' as const,
      reference: 'PLAZO',
      note: '',
      allocation: { mode: 'targets' as const, invoiceIds: [], planIds: [plan.id] },
      keepExcessAsCredit: true,
    });
    await receiveMoney(a, receipt(302_50));
    await receiveMoney(b, receipt(100_00));
    await syncUntilQuiet([a, b], connect);

    await expectConverged(a, b);
    for (const db of [a, b]) {
      const installments = await db.installments.where('planId').equals(plan.id).toArray();
      const paid = installments.reduce((sum, row) => sum + row.paidCents, 0);
      expect(paid).toBe(402_50);
      expect(installments.find((row) => row.seq === 1)?.paidCents).toBe(302_50);
    }
  }, 60_000);
});
