// Client use cases: create, update, delete (refused while invoices or payments exist) and read one.
import type { ClientRecord } from '../../../shared/domain/records';
import type { FieldIssue } from '../../../shared/domain/validation';
import { validateClientInput } from '../../../shared/domain/client';
import { validateSpanishTaxId } from '../../../shared/domain/taxId';
import { isCalendarDate } from '../../../shared/domain/dates';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { fail, newId, nowInstant, throwIfIssues, uniqueIssues } from './repo-helpers';
import { tablesTouchedBy } from './references';
import { applyRemoval, planRemoval } from './removal';

/** The editable fields of a client. */
export type ClientInput = Omit<ClientRecord, 'id' | 'createdAt' | 'updatedAt'>;

function normalizeClientInput(input: ClientInput): ClientInput {
  const issues: FieldIssue[] = [...validateClientInput(input)];
  const taxId = validateSpanishTaxId(input.taxId);
  if (!taxId.valid && taxId.normalized !== '')
    issues.push({ field: 'taxId', code: 'tax_id_invalid' });
  if (input.insolvencyDate != null && !isCalendarDate(input.insolvencyDate))
    issues.push({ field: 'insolvencyDate', code: 'date_invalid' });
  throwIfIssues(uniqueIssues(issues));
  return { ...input, name: input.name.trim(), taxId: taxId.normalized };
}

async function assertTaxIdFree(db: CuentasDatabase, taxId: string, exceptId: string | null) {
  const other = await db.clients
    .where('taxId')
    .equals(taxId)
    .filter((client) => client.id !== exceptId)
    .first();
  if (other) fail('taxId', 'tax_id_taken', { clientId: other.id, name: other.name });
}

export async function createClient(db: CuentasDatabase, input: ClientInput): Promise<ClientRecord> {
  const clean = normalizeClientInput(input);
  return db.transaction('rw', [db.clients, db.audit], async () => {
    await assertTaxIdFree(db, clean.taxId, null);
    const at = nowInstant();
    const client: ClientRecord = { ...clean, id: newId(), createdAt: at, updatedAt: at };
    await db.clients.add(client);
    await writeAudit(db, {
      at,
      entity: 'client',
      entityId: client.id,
      action: 'create',
      summary: `Cliente ${client.name}`,
      before: null,
      after: client,
    });
    return client;
  });
}

export async function updateClient(
  db: CuentasDatabase,
  id: string,
  input: ClientInput,
): Promise<ClientRecord> {
  const clean = normalizeClientInput(input);
  return db.transaction('rw', [db.clients, db.audit], async () => {
    const before = await db.clients.get(id);
    if (!before) fail('id', 'not_found', { id });
    await assertTaxIdFree(db, clean.taxId, id);
    const at = nowInstant();
    // Fields the form does not edit (a pause, a contract rate) survive the update.
    const client: ClientRecord = {
      ...before,
      ...clean,
      id,
      createdAt: before.createdAt,
      updatedAt: at,
    };
    await db.clients.put(client);
    await writeAudit(db, {
      at,
      entity: 'client',
      entityId: id,
      action: 'update',
      summary: `Cliente ${client.name} modificado`,
      before,
      after: client,
    });
    return client;
  });
}

/**
 * Deletes a client with no invoices and no payments, together with everything that is only about
 * them (activities, promises, plans, mandates, letters…), as the reference map says.
 */
export async function deleteClient(db: CuentasDatabase, id: string): Promise<void> {
  await db.transaction('rw', tablesTouchedBy('client', 'delete'), async () => {
    const before = await db.clients.get(id);
    if (!before) fail('id', 'not_found', { id });
    await applyRemoval(db, await planRemoval(db, 'client', [id], 'delete'));
    await writeAudit(db, {
      entity: 'client',
      entityId: id,
      action: 'delete',
      summary: `Cliente ${before.name} eliminado`,
      before,
      after: null,
    });
  });
}

export async function getClient(
  db: CuentasDatabase,
  id: string,
): Promise<ClientRecord | undefined> {
  return db.clients.get(id);
}
