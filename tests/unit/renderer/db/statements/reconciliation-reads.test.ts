import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../../renderer/src/db/invoices-repo';
import { createPlanDraft } from '../../../../../renderer/src/db/plans-repo';
import { activatePlan } from '../../../../../renderer/src/db/plan-signing-repo';
import { loadDemoData } from '../../../../../renderer/src/db/demo-loader';
import {
  loadOpenItems,
  readClientNames,
  unlinkedPaymentsNear,
} from '../../../../../renderer/src/db/statements/reconciliation-reads';
import type { CuentasDatabase } from '../../../../../renderer/src/db/database';
import { buildDatabase, openDatabase } from '../../../../../renderer/src/db/database';
import { SCHEMA_VERSIONS } from '../../../../../renderer/src/db/schema';
import type { OpenItem } from '../../../../../shared/domain/reconciliation';
import { endToEndIdOf } from '../../../../../shared/domain/plan-direct-debits';
import { clientInput, freshDb, invoiceInput } from '../test-db';

const TODAY = '2026-05-01';
const SIG = 'data:image/png;base64,iVBORw0KGgo=';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

/** The read before schema v4: every client record and every open invoice record. */
async function wholeRecordsRead(db: CuentasDatabase): Promise<OpenItem[]> {
  const clients = new Map((await db.clients.toArray()).map((client) => [client.id, client]));
  const invoices = await db.invoices
    .where('[lifecycle+nextDueDate]')
    .between(['issued', Dexie.minKey], ['issued', Dexie.maxKey])
    .filter((invoice) => invoice.outstandingCents > 0)
    .toArray();
  const numbers = new Map(invoices.map((invoice) => [invoice.id, invoice.number]));
  const items: OpenItem[] = [];
  for (const invoice of invoices) {
    const client = clients.get(invoice.clientId);
    if (!client || invoice.planId !== null) continue;
    items.push({
      kind: 'invoice',
      id: invoice.id,
      clientId: client.id,
      clientName: client.name,
      clientTaxId: client.taxId,
      label: invoice.number,
      invoiceIds: [invoice.id],
      outstandingCents: invoice.outstandingCents,
      dueDate: invoice.nextDueDate,
    });
  }
  const plans = new Map(
    (await db.plans.where('status').equals('active').toArray()).map((plan) => [plan.id, plan]),
  );
  for (const installment of await db.installments
    .where('planId')
    .anyOf([...plans.keys()])
    .toArray()) {
    const plan = plans.get(installment.planId);
    const client = plan ? clients.get(plan.clientId) : undefined;
    const owed = installment.amountCents - installment.paidCents;
    if (!plan || !client || owed <= 0) continue;
    items.push({
      kind: 'installment',
      id: installment.id,
      clientId: client.id,
      clientName: client.name,
      clientTaxId: client.taxId,
      label: `plazo ${installment.seq}`,
      invoiceIds: plan.invoiceIds,
      outstandingCents: owed,
      dueDate: installment.dueDate,
      planId: plan.id,
      planReference: plan.terms?.reference ?? '',
      planInvoiceNumbers: plan.invoiceIds.flatMap((id) => numbers.get(id) ?? []),
      endToEndId:
        installment.presentations?.[installment.presentations.length - 1]?.endToEndId ??
        endToEndIdOf(plan, installment),
    });
  }
  return items.sort(
    (a, b) =>
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.label.localeCompare(b.label),
  );
}

/** A sample ledger plus a client with a signed plan of four installments over one invoice. */
async function ledgerWithPlan(): Promise<void> {
  db = freshDb();
  await loadDemoData(db, { invoices: 600, today: TODAY });
  const client = await createClient(db, clientInput());
  const invoice = await createInvoice(
    db,
    invoiceInput(client.id, {
      number: '2026-0042',
      taxableBaseCents: 628_10,
      vatRatePercent: 21,
      dues: [{ dueDate: '2026-02-14', amountCents: 760_00 }],
    }),
  );
  // Same due date and number as the plan's invoice, another client: ties keep the index's order.
  const twin = await createClient(db, clientInput({ name: 'Otra Empresa SL', taxId: '12345678Z' }));
  await createInvoice(
    db,
    invoiceInput(twin.id, {
      number: '2026-0042',
      dues: [{ dueDate: '2026-02-14', amountCents: 1210_00 }],
    }),
  );
  const draft = await createPlanDraft(
    db,
    {
      clientId: client.id,
      invoiceIds: [invoice.id],
      extraLines: [],
      downPaymentCents: 0,
      downPaymentDate: null,
      installments: 4,
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
}

describe('loadOpenItems from index keys', () => {
  it('gives exactly what reading every client and open invoice record gave, in the same order', async () => {
    await ledgerWithPlan();
    const items = await loadOpenItems(db);
    expect(items.filter((item) => item.kind === 'invoice').length).toBeGreaterThan(100);
    expect(items.filter((item) => item.kind === 'installment')).toHaveLength(4);
    expect(items.find((item) => item.kind === 'installment')?.planInvoiceNumbers).toEqual([
      '2026-0042',
    ]);
    expect(items).toEqual(await wholeRecordsRead(db));
  });

  it('follows writes: a renamed client, a settled invoice, a new amount owed', async () => {
    await ledgerWithPlan();
    const [first, second, third] = (await loadOpenItems(db)).filter(
      (item) => item.kind === 'invoice',
    );
    await db.clients.update(first!.clientId, { name: 'Nombre Nuevo SL', taxId: 'B77436020' });
    await db.invoices.update(second!.id, { outstandingCents: 0 });
    await db.invoices.update(third!.id, { outstandingCents: 12_34 });
    const items = await loadOpenItems(db);
    expect(items.find((item) => item.id === first!.id)?.clientName).toBe('Nombre Nuevo SL');
    expect(items.find((item) => item.id === first!.id)?.clientTaxId).toBe('B77436020');
    expect(items.some((item) => item.id === second!.id)).toBe(false);
    expect(items.find((item) => item.id === third!.id)?.outstandingCents).toBe(12_34);
    expect(items).toEqual(await wholeRecordsRead(db));
  });
});

describe('the v4 index', () => {
  it('is built for invoices written before it existed, on the upgrade', async () => {
    const name = `test-recon-${crypto.randomUUID()}`;
    const v3 = buildDatabase(
      name,
      SCHEMA_VERSIONS.filter((entry) => entry.version <= 3),
    );
    const client = await createClient(v3, clientInput());
    const invoice = await createInvoice(v3, invoiceInput(client.id, { number: '2026-0007' }));
    v3.close();
    db = openDatabase(name);
    expect(await loadOpenItems(db)).toEqual([
      expect.objectContaining({
        id: invoice.id,
        clientName: client.name,
        clientTaxId: client.taxId,
        label: '2026-0007',
        outstandingCents: invoice.outstandingCents,
        dueDate: invoice.nextDueDate,
      }),
    ]);
    expect(await loadOpenItems(db)).toEqual(await wholeRecordsRead(db));
  });
});

describe('unlinkedPaymentsNear', () => {
  it('names the clients the same from the index keys as from their records', async () => {
    await ledgerWithPlan();
    const near = [{ date: '2026-03-20', valueDate: '2026-03-22' }];
    const byRecords = await unlinkedPaymentsNear(db, near);
    expect(byRecords.length).toBeGreaterThan(0);
    expect(await unlinkedPaymentsNear(db, near, await readClientNames(db))).toEqual(byRecords);
    expect(byRecords.every((row) => row.date >= '2026-03-13' && row.date <= '2026-03-29')).toBe(
      true,
    );
  });
});
