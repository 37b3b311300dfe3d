// Contact history use cases: log an activity (optionally with a promise to pay), close follow-ups.
import type { ActivityKind, ActivityRecord, PromiseRecord } from '../../../shared/domain/records';
import type { FieldIssue } from '../../../shared/domain/validation';
import { isCalendarDate } from '../../../shared/domain/dates';
import { formatEuros } from '../../../shared/domain/money';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { fail, newId, nowInstant, throwIfIssues } from './repo-helpers';
import { promiseIssues, type PromiseInput } from './promises-repo';

export const ACTIVITY_KINDS: readonly ActivityKind[] = [
  'call',
  'email',
  'letter',
  'visit',
  'message',
  'note',
];

export interface ActivityInput {
  clientId: string;
  invoiceId: string | null;
  kind: ActivityKind;
  date: string;
  who: string;
  outcome: string;
  text: string;
  followUpDate: string | null;
  /** A promise made during this contact, stored with it in one transaction. */
  promise?: Omit<PromiseInput, 'clientId' | 'activityId'> | null;
}

function activityIssues(input: ActivityInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!input.clientId) issues.push({ field: 'clientId', code: 'required' });
  if (!ACTIVITY_KINDS.includes(input.kind)) issues.push({ field: 'kind', code: 'required' });
  if (!isCalendarDate(input.date)) issues.push({ field: 'date', code: 'date_invalid' });
  if (input.followUpDate !== null && !isCalendarDate(input.followUpDate)) {
    issues.push({ field: 'followUpDate', code: 'date_invalid' });
  }
  if (input.text.length > 5000)
    issues.push({ field: 'text', code: 'too_long', params: { max: 5000 } });
  if (input.outcome.length > 200) {
    issues.push({ field: 'outcome', code: 'too_long', params: { max: 200 } });
  }
  return issues;
}

export async function logActivity(
  db: CuentasDatabase,
  input: ActivityInput,
): Promise<{ activity: ActivityRecord; promise: PromiseRecord | null }> {
  const issues = activityIssues(input);
  if (input.promise) {
    issues.push(
      ...promiseIssues({ ...input.promise, clientId: input.clientId, activityId: null }).map(
        (issue) => ({ ...issue, field: `promise.${issue.field}` }),
      ),
    );
  }
  throwIfIssues(issues);
  return db.transaction(
    'rw',
    [db.clients, db.invoices, db.activities, db.promises, db.audit],
    async () => {
      const client = await db.clients.get(input.clientId);
      if (!client) fail('clientId', 'not_found', { id: input.clientId });
      if (input.invoiceId !== null) {
        const invoice = await db.invoices.get(input.invoiceId);
        if (invoice?.clientId !== input.clientId) fail('invoiceId', 'not_found');
      }
      const createdAt = nowInstant();
      const activity: ActivityRecord = {
        id: newId(),
        clientId: input.clientId,
        invoiceId: input.invoiceId,
        kind: input.kind,
        date: input.date,
        who: input.who.trim(),
        outcome: input.outcome.trim(),
        text: input.text.trim(),
        followUpDate: input.followUpDate,
        followUpDone: false,
        createdAt,
      };
      await db.activities.add(activity);
      await writeAudit(db, {
        entity: 'activity',
        entityId: activity.id,
        action: 'create',
        summary: `Contacto (${activity.kind}) con ${client.name}`,
        before: null,
        after: activity,
      });
      let promise: PromiseRecord | null = null;
      if (input.promise) {
        promise = {
          id: newId(),
          clientId: input.clientId,
          invoiceIds: input.promise.invoiceIds,
          amountCents: input.promise.amountCents,
          promisedDate: input.promise.promisedDate,
          activityId: activity.id,
          status: 'open',
          createdAt,
        };
        await db.promises.add(promise);
        await writeAudit(db, {
          entity: 'promise',
          entityId: promise.id,
          action: 'create',
          summary: `Promesa de ${formatEuros(promise.amountCents)} para el ${promise.promisedDate}`,
          before: null,
          after: promise,
        });
      }
      return { activity, promise };
    },
  );
}

/** Marks a follow-up task done (the activity itself stays in the history). */
export async function completeFollowUp(db: CuentasDatabase, activityId: string): Promise<void> {
  await db.transaction('rw', [db.activities, db.audit], async () => {
    const before = await db.activities.get(activityId);
    if (!before) fail('activityId', 'not_found', { id: activityId });
    const after = { ...before, followUpDone: true };
    await db.activities.put(after);
    await writeAudit(db, {
      entity: 'activity',
      entityId: activityId,
      action: 'update',
      summary: 'Seguimiento hecho',
      before,
      after,
    });
  });
}
