import { afterEach, describe, expect, it } from 'vitest';
import {
  createClient,
  deleteClient,
  getClient,
  updateClient,
} from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { listAudit } from '../../../../renderer/src/db/audit';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { ValidationError } from '../../../../shared/domain/validation';
import { clientInput, freshDb, invoiceInput, issueCodesOf, paymentInput } from './test-db';
import { recordPayment } from '../../../../renderer/src/db/payments-repo';
import { createMandate } from '../../../../renderer/src/db/mandates-repo';
import { checkReferences } from '../../../../renderer/src/db/check-references';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

describe('clients repository', () => {
  it('creates a client with a normalized tax id and an audit entry', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput({ taxId: 'b-1234567.4 ' }));
    expect(client.taxId).toBe('B12345674');
    expect(await getClient(db, client.id)).toEqual(client);
    const audit = await listAudit(db, { entity: 'client', entityId: client.id });
    expect(audit.map((entry) => entry.action)).toEqual(['create']);
  });

  it('refuses a tax id another client already has', async () => {
    db = freshDb();
    await createClient(db, clientInput());
    const codes = await issueCodesOf(createClient(db, clientInput({ name: 'Otra S.L.' })));
    expect(codes).toEqual(['tax_id_taken']);
    expect(await db.clients.count()).toBe(1);
  });

  it('refuses an invalid tax id and stores nothing', async () => {
    db = freshDb();
    const error = await createClient(db, clientInput({ taxId: '12345678A' })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ issues: [{ field: 'taxId', code: 'tax_id_invalid' }] });
    expect(await db.clients.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('updates a client, keeping its creation time, and audits before and after', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    const updated = await updateClient(db, client.id, clientInput({ city: 'Huesca' }));
    expect(updated).toMatchObject({ id: client.id, city: 'Huesca', createdAt: client.createdAt });
    const [last] = await listAudit(db, { entity: 'client', entityId: client.id });
    expect(last).toMatchObject({ action: 'update', before: client, after: updated });
  });

  it('refuses to take over another client’s tax id on update', async () => {
    db = freshDb();
    await createClient(db, clientInput());
    const other = await createClient(db, clientInput({ name: 'María López', taxId: '12345678Z' }));
    expect(await issueCodesOf(updateClient(db, other.id, clientInput()))).toEqual(['tax_id_taken']);
  });

  it('refuses to delete a client with invoices, saying how many', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id));
    const error = await deleteClient(db, client.id).catch((e: unknown) => e);
    expect(error).toMatchObject({
      issues: [{ field: 'id', code: 'client_has_invoices', params: { count: 1 } }],
    });
    expect(await db.clients.count()).toBe(1);
  });

  it('refuses to delete a client whose payments are kept as credit, so no money record is lost', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    await recordPayment(db, paymentInput(client.id, { keepExcessAsCredit: true }));
    expect(await issueCodesOf(deleteClient(db, client.id))).toEqual(['client_has_payments']);
    expect(await db.clients.count()).toBe(1);
    expect(await db.payments.count()).toBe(1);
  });

  it('deletes a client without invoices together with its contact history', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    await db.activities.add({
      id: 'act-1',
      clientId: client.id,
      invoiceId: null,
      kind: 'call',
      date: '2026-01-10',
      who: 'José',
      outcome: '',
      text: 'Primera llamada',
      followUpDate: null,
      followUpDone: false,
      createdAt: '2026-01-10T10:00:00.000Z',
    });
    await deleteClient(db, client.id);
    expect(await db.clients.count()).toBe(0);
    expect(await db.activities.count()).toBe(0);
    const [entry] = await listAudit(db, { entity: 'client' });
    expect(entry).toMatchObject({ action: 'delete', entityId: client.id });
  });

  it('deletes a client with only a SEPA mandate and a letter, leaving nothing that points at it', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    await createMandate(
      db,
      {
        clientId: client.id,
        reference: 'MND-001',
        signatureDate: '2026-11-20',
        debtorIban: 'ES76 2077 0024 0031 0257 5766',
        debtorName: 'Talleres García',
      },
      '2026-11-30',
    );
    await db.notifications.add({
      id: 'n1',
      eventKey: 'client:x',
      kind: 'credit_limit',
      title: 'Talleres García S.L.',
      body: '',
      target: { kind: 'client', id: client.id },
      firedAt: '2026-11-30T09:00:00.000Z',
      readAt: null,
    });
    await deleteClient(db, client.id);
    expect(await db.mandates.count()).toBe(0);
    expect(await db.notifications.count()).toBe(0);
    expect(await checkReferences(db)).toEqual([]);
  });
});
