import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { deleteLegalEvent, recordLegalEvent } from '../../../../renderer/src/db/legal-repo';
import { getClientLegal } from '../../../../renderer/src/db/legal-queries';
import { listAudit } from '../../../../renderer/src/db/audit';
import { createMandate, revokeMandate } from '../../../../renderer/src/db/mandates-repo';
import { clientInput, freshDb, invoiceInput, issueCodesOf } from './test-db';

const today = '2026-11-23';

async function setUp() {
  const db = freshDb();
  const client = await createClient(db, clientInput());
  const invoice = await createInvoice(
    db,
    invoiceInput(client.id, {
      issueDate: '2022-01-16',
      dues: [{ dueDate: '2022-02-15', amountCents: 1_210_00 }],
    }),
  );
  return { db, client, invoice };
}

const step = (clientId: string, overrides = {}) => ({
  clientId,
  invoiceIds: [] as string[],
  kind: 'demand' as const,
  date: today,
  channel: 'burofax',
  answer: '',
  note: '',
  ...overrides,
});

describe('legal repository', () => {
  it('a recorded demand moves the deadline and leaves an audit entry in the same write', async () => {
    const { db, client, invoice } = await setUp();
    const before = await getClientLegal(db, client.id, today);
    expect(before?.prescriptions[0]?.status.deadline).toBe('2027-02-15');
    expect(before?.prescriptions[0]?.status.state).toBe('warning');

    const event = await recordLegalEvent(db, step(client.id, { invoiceIds: [invoice.id] }), today);
    const after = await getClientLegal(db, client.id, today);
    expect(after?.prescriptions[0]?.status.deadline).toBe('2031-11-23');
    const audit = await listAudit(db, { entity: 'client', entityId: client.id });
    expect(audit.some((row) => row.summary.includes('demand'))).toBe(true);

    await deleteLegalEvent(db, event.id);
    const undone = await getClientLegal(db, client.id, today);
    expect(undone?.prescriptions[0]?.status.deadline).toBe('2027-02-15');
  });

  it('a step for the whole client names its open invoices then, not one recorded later', async () => {
    const { db, client, invoice } = await setUp();
    const event = await recordLegalEvent(db, step(client.id), today);
    expect(event.invoiceIds).toEqual([invoice.id]);
    const later = await createInvoice(
      db,
      invoiceInput(client.id, {
        number: 'F-LATER',
        issueDate: '2022-01-20',
        dues: [{ dueDate: '2022-02-20', amountCents: 1_210_00 }],
      }),
    );
    const legal = await getClientLegal(db, client.id, today);
    const deadlineOf = (id: string) =>
      legal?.prescriptions.find((row) => row.invoiceId === id)?.status.deadline;
    expect(deadlineOf(invoice.id)).toBe('2031-11-23');
    expect(deadlineOf(later.id)).toBe('2027-02-20');
  });

  it('refuses a step dated in the future, without a channel, or for another client’s invoice', async () => {
    const { db, client } = await setUp();
    expect(
      await issueCodesOf(recordLegalEvent(db, step(client.id, { date: '2026-12-01' }), today)),
    ).toEqual(['date_invalid']);
    expect(
      await issueCodesOf(recordLegalEvent(db, step(client.id, { channel: ' ' }), today)),
    ).toEqual(['required']);
    const other = await createClient(db, clientInput({ name: 'Otro', taxId: '12345678Z' }));
    const theirs = await createInvoice(db, invoiceInput(other.id, { number: 'X-1' }));
    expect(
      await issueCodesOf(recordLegalEvent(db, step(client.id, { invoiceIds: [theirs.id] }), today)),
    ).toEqual(['not_found']);
    expect(await db.legalEvents.count()).toBe(0);
  });
});

describe('mandates repository', () => {
  const mandate = (clientId: string, overrides = {}) => ({
    clientId,
    reference: 'MND-001',
    signatureDate: '2026-11-20',
    debtorIban: 'ES76 2077 0024 0031 0257 5766',
    debtorName: 'Talleres García',
    ...overrides,
  });

  it('keeps the IBAN normalised, refuses a reused reference and a bad IBAN', async () => {
    const { db, client } = await setUp();
    const saved = await createMandate(db, mandate(client.id), today);
    expect(saved.debtorIban).toBe('ES7620770024003102575766');
    expect(await issueCodesOf(createMandate(db, mandate(client.id), today))).toEqual([
      'mandate_reference_taken',
    ]);
    expect(
      await issueCodesOf(
        createMandate(db, mandate(client.id, { reference: 'MND-2', debtorIban: 'ES00 1' }), today),
      ),
    ).toEqual(['iban_invalid']);
  });

  it('a revoked mandate is kept with its reference, no longer active', async () => {
    const { db, client } = await setUp();
    const saved = await createMandate(db, mandate(client.id), today);
    await revokeMandate(db, saved.id);
    const legal = await getClientLegal(db, client.id, today);
    expect(legal?.mandates.map((row) => row.status)).toEqual(['revoked']);
  });
});
