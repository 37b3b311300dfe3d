// The rate tables in force, Ley 3/2004 and the interés legal del dinero: the user's edited copy in
// settings, or the shipped one. Both tables behave alike; only the key, the shipped rows and the
// audit wording differ.
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

interface RateTable {
  key: 'legalRates' | 'moneyRates';
  shipped: readonly LegalRateEntry[];
  savedSummary: string;
  resetSummary: string;
}

const LATE_PAYMENT_TABLE: RateTable = {
  key: 'legalRates',
  shipped: LEGAL_INTEREST_RATES,
  savedSummary: 'Tipos de interés de demora editados',
  resetSummary: 'Tipos de interés de demora restaurados a los oficiales',
};

/** Consumers' default interest (arts. 1100, 1108 CC). */
const LEGAL_MONEY_TABLE: RateTable = {
  key: 'moneyRates',
  shipped: LEGAL_MONEY_RATES,
  savedSummary: 'Tipos del interés legal del dinero editados',
  resetSummary: 'Tipos del interés legal del dinero restaurados a los oficiales',
};

async function getRates(db: CuentasDatabase, table: RateTable): Promise<EffectiveLegalRates> {
  const row = await db.settings.get(table.key);
  return row?.key === table.key && row.value.length > 0
    ? { rates: row.value, edited: true }
    : { rates: table.shipped, edited: false };
}

/** Saves an edited table (checked row by row); an edited rate is no longer an assumption. */
async function saveRates(
  db: CuentasDatabase,
  table: RateTable,
  rates: readonly LegalRateEntry[],
): Promise<LegalRateEntry[]> {
  throwIfIssues(checkLegalRates(rates));
  const shipped = new Map(table.shipped.map((entry) => [entry.from, entry]));
  const value = rates.map(({ from, ratePercent }) => {
    const same = shipped.get(from);
    return same?.assumed && same.ratePercent === ratePercent
      ? { from, ratePercent, assumed: true }
      : { from, ratePercent };
  });
  return db.transaction('rw', [db.settings, db.audit], async () => {
    const before = await db.settings.get(table.key);
    await db.settings.put({ key: table.key, value });
    await writeAudit(db, {
      entity: 'setting',
      entityId: table.key,
      action: before ? 'update' : 'create',
      summary: table.savedSummary,
      before: before?.value ?? null,
      after: value,
    });
    return value;
  });
}

/** Back to the shipped table: the edited copy is removed. */
async function resetRates(db: CuentasDatabase, table: RateTable): Promise<void> {
  await db.transaction('rw', [db.settings, db.audit], async () => {
    const before = await db.settings.get(table.key);
    if (!before) return;
    await db.settings.delete(table.key);
    await writeAudit(db, {
      entity: 'setting',
      entityId: table.key,
      action: 'delete',
      summary: table.resetSummary,
      before: before.value,
      after: null,
    });
  });
}

export const getLegalRates = (db: CuentasDatabase) => getRates(db, LATE_PAYMENT_TABLE);
export const saveLegalRates = (db: CuentasDatabase, rates: readonly LegalRateEntry[]) =>
  saveRates(db, LATE_PAYMENT_TABLE, rates);
export const resetLegalRates = (db: CuentasDatabase) => resetRates(db, LATE_PAYMENT_TABLE);

export const getMoneyRates = (db: CuentasDatabase) => getRates(db, LEGAL_MONEY_TABLE);
export const saveMoneyRates = (db: CuentasDatabase, rates: readonly LegalRateEntry[]) =>
  saveRates(db, LEGAL_MONEY_TABLE, rates);
export const resetMoneyRates = (db: CuentasDatabase) => resetRates(db, LEGAL_MONEY_TABLE);
