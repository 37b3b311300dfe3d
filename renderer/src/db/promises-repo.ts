// Promise-to-pay use cases: record one on its own and cancel it; kept/broken is computed on read.
import type { PromiseRecord } from '../../../shared/domain/records';
import type { FieldIssue } from '../../../shared/domain/validation';
import { isCalendarDate } from '../../../shared/domain/dates';
import { formatEuros, isCents } from '../../../shared/domain/money';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { fail, newId, nowInstant, throwIfIssues } from './repo-helpers';

export interface PromiseInput {
  clientId: string;
  invoiceIds: string[];
  amountCents: number;
  promisedDate: string;
  activityId: string | null;
}

export function promiseIssues(input: PromiseInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!input.clientId) issues.push({ field: 'clientId', code: 'required' });
  if (!isCents(input.amountCents)) issues.push({ field: 'amountCents', code: 'amount_invalid' });
  else if (input.amountCents <= 0) {
    issues.push({ field: 'amountCents', code: 'amount_not_positive' });
  }
  if (input.promisedDate.trim() === '') issues.push({ field: 'promisedDate', code: 'required' });
  else if (!isCalendarDate(input.promisedDate)) {
    issues.push({ field: 'promisedDate', code: 'date_invalid' });
  }
  return issues;
}

export async function recordPromise(
  db: CuentasDatabase,
  input: PromiseInput,
): Promise<PromiseRecord> {
  throwIfIssues(promiseIssues(input));
  return db.transaction('rw', [db.clients, db.invoices, db.promises, db.audit], async () => {
    const client = await db.clients.get(input.clientId);
    if (!client) fail('clientId', 'not_found', { id: input.clientId });
    for (const invoiceId of input.invoiceIds) {
      const invoice = await db.invoices.get(invoiceId);
      if (invoice?.clientId !== input.clientId) fail('invoiceIds', 'not_found', { id: invoiceId });
    }
    const promise: PromiseRecord = {
      ...input,
      id: newId(),
      status: 'open',
      createdAt: nowInstant(),
    };
    await db.promises.add(promise);
    await writeAudit(db, {
      entity: 'promise',
      entityId: promise.id,
      action: 'create',
      summary: `Promesa de ${client.name}: ${formatEuros(promise.amountCents)} el ${promise.promisedDate}`,
      before: null,
      after: promise,
    });
    return promise;
  });
}

export async function cancelPromise(db: CuentasDatabase, promiseId: string): Promise<void> {
  await db.transaction('rw', [db.promises, db.audit], async () => {
    const before = await db.promises.get(promiseId);
    if (!before) fail('promiseId', 'not_found', { id: promiseId });
    const after: PromiseRecord = { ...before, status: 'cancelled' };
    await db.promises.put(after);
    await writeAudit(db, {
      entity: 'promise',
      entityId: promiseId,
      action: 'update',
      summary: 'Promesa anulada',
      before,
      after,
    });
  });
}
