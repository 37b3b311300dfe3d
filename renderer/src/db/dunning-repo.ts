// Dunning use cases: settings, logging a reminder sent (activity + dunning event), pause and hold.
import type {
  ActivityKind,
  ClientRecord,
  DunningChannel,
  DunningEventRecord,
} from '../../../shared/domain/records';
import type { FieldIssue } from '../../../shared/domain/validation';
import { addDays, isCalendarDate } from '../../../shared/domain/dates';
import { formatEuros, isCents } from '../../../shared/domain/money';
import { DEFAULT_DUNNING_SETTINGS, type DunningSettings } from '../../../shared/domain/dunning';
import { upgradeTemplates } from '../../../shared/domain/dunning-templates';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { fail, newId, nowInstant, throwIfIssues } from './repo-helpers';

export async function getDunningSettings(db: CuentasDatabase): Promise<DunningSettings> {
  const row = await db.settings.get('dunning');
  if (row?.key !== 'dunning') return DEFAULT_DUNNING_SETTINGS;
  const value = row.value;
  return {
    ...DEFAULT_DUNNING_SETTINGS,
    ...value,
    // Saved copies of the old default greetings read as the greeting that fits the client.
    templates: upgradeTemplates({
      es: { ...DEFAULT_DUNNING_SETTINGS.templates.es, ...value.templates.es },
      en: { ...DEFAULT_DUNNING_SETTINGS.templates.en, ...value.templates.en },
    }),
  };
}

function settingsIssues(settings: DunningSettings): FieldIssue[] {
  const issues: FieldIssue[] = [];
  settings.levels.forEach((level, index) => {
    if (!Number.isInteger(level.offsetDays) || level.offsetDays < -60 || level.offsetDays > 365) {
      issues.push({
        field: `levels.${index}.offsetDays`,
        code: 'out_of_range',
        params: { min: -60, max: 365 },
      });
    }
    const previous = settings.levels[index - 1];
    if (previous && previous.offsetDays >= level.offsetDays) {
      issues.push({
        field: `levels.${index}.offsetDays`,
        code: 'out_of_range',
        params: { min: previous.offsetDays + 1, max: 365 },
      });
    }
  });
  for (const [field, value, max] of [
    ['promiseGraceDays', settings.promiseGraceDays, 60],
    ['defaultPauseDays', settings.defaultPauseDays, 365],
    // Legal feature: months of warning before a claim prescribes (absent: the default, 6).
    ['prescriptionWarningMonths', settings.prescriptionWarningMonths ?? 6, 24],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > max) {
      issues.push({ field, code: 'out_of_range', params: { min: 0, max } });
    }
  }
  return issues;
}

export async function saveDunningSettings(
  db: CuentasDatabase,
  settings: DunningSettings,
): Promise<DunningSettings> {
  throwIfIssues(settingsIssues(settings));
  return db.transaction('rw', [db.settings, db.audit], async () => {
    const before = await db.settings.get('dunning');
    await db.settings.put({ key: 'dunning', value: settings });
    await writeAudit(db, {
      entity: 'setting',
      entityId: 'dunning',
      action: before ? 'update' : 'create',
      summary: 'Ajustes de reclamación guardados',
      before: before?.value ?? null,
      after: settings,
    });
    return settings;
  });
}

export interface DunningSentInput {
  clientId: string;
  invoiceIds: string[];
  level: number;
  date: string;
  channel: DunningChannel;
  amountCents: number;
  interestCents: number;
  compensationCents: number;
  /** The subject line, kept in the activity so the timeline says what was sent. */
  subject: string;
  who: string;
}

const ACTIVITY_OF_CHANNEL: Record<DunningChannel, ActivityKind> = {
  email: 'email',
  eml: 'email',
  pdf: 'letter',
  burofax: 'letter',
};

/** One transaction: the activity in the contact history, the dunning event and the audit entry. */
export async function recordDunningSent(
  db: CuentasDatabase,
  input: DunningSentInput,
): Promise<DunningEventRecord> {
  const issues: FieldIssue[] = [];
  if (!isCalendarDate(input.date)) issues.push({ field: 'date', code: 'date_invalid' });
  if (!Number.isInteger(input.level) || input.level < 0) {
    issues.push({ field: 'level', code: 'out_of_range', params: { min: 0, max: 9 } });
  }
  for (const field of ['amountCents', 'interestCents', 'compensationCents'] as const) {
    if (!isCents(input[field]) || input[field] < 0) issues.push({ field, code: 'amount_invalid' });
  }
  if (input.invoiceIds.length === 0) issues.push({ field: 'invoiceIds', code: 'required' });
  throwIfIssues(issues);
  return db.transaction('rw', [db.clients, db.activities, db.dunningEvents, db.audit], async () => {
    const client = await db.clients.get(input.clientId);
    if (!client) fail('clientId', 'not_found', { id: input.clientId });
    const createdAt = nowInstant();
    const activityId = newId();
    await db.activities.add({
      id: activityId,
      clientId: input.clientId,
      invoiceId: input.invoiceIds.length === 1 ? (input.invoiceIds[0] ?? null) : null,
      kind: ACTIVITY_OF_CHANNEL[input.channel],
      date: input.date,
      who: input.who,
      outcome: `dunning:${input.level}:${input.channel}`,
      text: input.subject,
      followUpDate: null,
      followUpDone: false,
      createdAt,
    });
    const event: DunningEventRecord = {
      id: newId(),
      clientId: input.clientId,
      invoiceIds: input.invoiceIds,
      level: input.level,
      date: input.date,
      channel: input.channel,
      amountCents: input.amountCents,
      interestCents: input.interestCents,
      compensationCents: input.compensationCents,
      activityId,
      createdAt,
    };
    await db.dunningEvents.add(event);
    await writeAudit(db, {
      entity: 'activity',
      entityId: activityId,
      action: 'create',
      summary: `Reclamación nivel ${input.level + 1} a ${client.name} (${formatEuros(input.amountCents)})`,
      before: null,
      after: event,
    });
    return event;
  });
}

async function updateClient(
  db: CuentasDatabase,
  clientId: string,
  change: Partial<ClientRecord>,
  summary: string,
): Promise<ClientRecord> {
  return db.transaction('rw', [db.clients, db.audit], async () => {
    const before = await db.clients.get(clientId);
    if (!before) fail('clientId', 'not_found', { id: clientId });
    const after: ClientRecord = { ...before, ...change, updatedAt: nowInstant() };
    await db.clients.put(after);
    await writeAudit(db, {
      entity: 'client',
      entityId: clientId,
      action: 'update',
      summary,
      before,
      after,
    });
    return after;
  });
}

/** No worklist items or reminders for the client until today + days. */
export function pauseClient(
  db: CuentasDatabase,
  clientId: string,
  today: string,
  days: number,
): Promise<ClientRecord> {
  if (!Number.isInteger(days) || days < 1 || days > 365) {
    fail('days', 'out_of_range', { min: 1, max: 365 });
  }
  const until = addDays(today, days);
  return updateClient(db, clientId, { pausedUntil: until }, `Reclamación en pausa hasta ${until}`);
}

export function resumeClient(db: CuentasDatabase, clientId: string): Promise<ClientRecord> {
  return updateClient(db, clientId, { pausedUntil: null }, 'Reclamación reanudada');
}

/** "En espera": stop selling on credit to the client. */
export function setClientOnHold(
  db: CuentasDatabase,
  clientId: string,
  onHold: boolean,
): Promise<ClientRecord> {
  return updateClient(db, clientId, { onHold }, onHold ? 'Cliente en espera' : 'Cliente activo');
}

/** A late-payment rate agreed in the contract (annual %); null returns to the legal rate. */
export function setClientContractRate(
  db: CuentasDatabase,
  clientId: string,
  ratePercent: number | null,
): Promise<ClientRecord> {
  if (
    ratePercent !== null &&
    !(Number.isFinite(ratePercent) && ratePercent >= 0 && ratePercent <= 100)
  ) {
    fail('contractInterestPercent', 'out_of_range', { min: 0, max: 100 });
  }
  return updateClient(
    db,
    clientId,
    { contractInterestPercent: ratePercent },
    ratePercent === null
      ? 'Interés de demora legal'
      : `Interés de demora pactado: ${ratePercent} %`,
  );
}
