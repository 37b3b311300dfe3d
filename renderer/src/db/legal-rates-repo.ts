// The rate tables in force, Ley 3/2004 and the interés legal del dinero: the user's edited copy in
// settings, or the shipped one.
import {
  checkLegalRates,
  LEGAL_INTEREST_RATES,
  type LegalRateEntry,
} from '../../../shared/domain/legal-interest-rates';
import { LEGAL_MONEY_RATES } from '../../../shared/domain/legal-money-rates';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { throwIfIssues } from './repo-helpers';

export interface EffectiveLegalRates {
  rates: readonly LegalRateEntry[];
  /** True when the user's table replaces the shipped one. */
  edited: boolean;
}

export async function getLegalRates(db: CuentasDatabase): Promise<EffectiveLegalRates> {
  const row = await db.settings.get('legalRates');
  return row?.key === 'legalRates' && row.value.length > 0
    ? { rates: row.value, edited: true }
    : { rates: LEGAL_INTEREST_RATES, edited: false };
}

/** Saves an edited table (checked row by row); an edited rate is no longer an assumption. */
export async function saveLegalRates(
  db: CuentasDatabase,
  rates: readonly LegalRateEntry[],
): Promise<LegalRateEntry[]> {
  throwIfIssues(checkLegalRates(rates));
  const shipped = new Map(LEGAL_INTEREST_RATES.map((entry) => [entry.from, entry]));
  const value = rates.map(({ from, ratePercent }) => {
    const same = shipped.get(from);
    return same?.assumed && same.ratePercent === ratePercent
      ? { from, ratePercent, assumed: true }
      : { from, ratePercent };
  });
  return db.transaction('rw', [db.settings, db.audit], async () => {
    const before = await db.settings.get('legalRates');
    await db.settings.put({ key: 'legalRates', value });
    await writeAudit(db, {
      entity: 'setting',
      entityId: 'legalRates',
      action: before ? 'update' : 'create',
      summary: 'Tipos de interés de demora editados',
      before: before?.value ?? null,
      after: value,
    });
    return value;
  });
}

/** Back to the shipped table: the edited copy is removed. */
export async function resetLegalRates(db: CuentasDatabase): Promise<void> {
  await db.transaction('rw', [db.settings, db.audit], async () => {
    const before = await db.settings.get('legalRates');
    if (!before) return;
    await db.settings.delete('legalRates');
    await writeAudit(db, {
      entity: 'setting',
      entityId: 'legalRates',
      action: 'delete',
      summary: 'Tipos de interés de demora restaurados a los oficiales',
      before: before.value,
      after: null,
    });
  });
}

/** The interés legal del dinero table in force (consumers' default interest, art. 1108 CC). */
export async function getMoneyRates(db: CuentasDatabase): Promise<EffectiveLegalRates> {
  const row = await db.settings.get('moneyRates');
  return row?.key === 'moneyRates' && row.value.length > 0
    ? { rates: row.value, edited: true }
    : { rates: LEGAL_MONEY_RATES, edited: false };
}

/** Saves an edited interés legal del dinero table, checked row by row like the Ley 3/2004 one. */
export async function saveMoneyRates(
  db: CuentasDatabase,
  rates: readonly LegalRateEntry[],
): Promise<LegalRateEntry[]> {
  throwIfIssues(checkLegalRates(rates));
  const shipped = new Map(LEGAL_MONEY_RATES.map((entry) => [entry.from, entry]));
  const value = rates.map(({ from, ratePercent }) => {
    const same = shipped.get(from);
    return same?.assumed && same.ratePercent === ratePercent
      ? { from, ratePercent, assumed: true }
      : { from, ratePercent };
  });
  return db.transaction('rw', [db.settings, db.audit], async () => {
    const before = await db.settings.get('moneyRates');
    await db.settings.put({ key: 'moneyRates', value });
    await writeAudit(db, {
      entity: 'setting',
      entityId: 'moneyRates',
      action: before ? 'update' : 'create',
      summary: 'Tipos del interés legal del dinero editados',
      before: before?.value ?? null,
      after: value,
    });
    return value;
  });
}

/** Back to the shipped interés legal del dinero table. */
export async function resetMoneyRates(db: CuentasDatabase): Promise<void> {
  await db.transaction('rw', [db.settings, db.audit], async () => {
    const before = await db.settings.get('moneyRates');
    if (!before) return;
    await db.settings.delete('moneyRates');
    await writeAudit(db, {
      entity: 'setting',
      entityId: 'moneyRates',
      action: 'delete',
      summary: 'Tipos del interés legal del dinero restaurados a los oficiales',
      before: before.value,
      after: null,
    });
  });
}
