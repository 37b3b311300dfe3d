// The first-run guide's progress: company profile → first client → first invoice (typed or imported).
import type { Table } from 'dexie';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { nowInstant } from './repo-helpers';
import { DEFAULT_PREFERENCES, getCompanyProfile, getPreferences } from './settings-repo';

export interface FirstRunProgress {
  /** The business's name and NIF are saved (the letters need them). */
  company: boolean;
  client: boolean;
  /** An invoice exists, typed or imported. */
  invoice: boolean;
  dismissed: boolean;
}

/**
 * Whether the table holds any row, from one key. Not `limit(1).count()`: Dexie counts the whole
 * table then caps the answer, and IndexedDB's count of 100.000 invoices keeps every other read of
 * the screen waiting (a quarter of a second on Hoy).
 */
async function hasRows(table: Table<unknown, string>): Promise<boolean> {
  return (await table.limit(1).primaryKeys()).length > 0;
}

export async function getFirstRunProgress(db: CuentasDatabase): Promise<FirstRunProgress> {
  const [profile, preferences, client, invoice] = await Promise.all([
    getCompanyProfile(db),
    getPreferences(db),
    hasRows(db.clients),
    hasRows(db.invoices),
  ]);
  return {
    company: profile.name.trim() !== '' && profile.taxId.trim() !== '',
    client,
    invoice,
    dismissed: preferences.guideDismissedAt !== undefined,
  };
}

/** The guide shows while a step is left and the user has not closed it. */
export function guideVisible(progress: FirstRunProgress): boolean {
  return !progress.dismissed && !(progress.company && progress.client && progress.invoice);
}

/** "Ocultar la guía": kept in the preferences, with an audit entry. */
export async function dismissFirstRunGuide(db: CuentasDatabase): Promise<void> {
  await db.transaction('rw', [db.settings, db.audit], async () => {
    const before = await db.settings.get('preferences');
    const kept = before?.key === 'preferences' ? before.value : DEFAULT_PREFERENCES;
    const value = { ...kept, guideDismissedAt: nowInstant() };
    await db.settings.put({ key: 'preferences', value });
    await writeAudit(db, {
      entity: 'setting',
      entityId: 'preferences',
      action: before ? 'update' : 'create',
      summary: 'Guía de inicio ocultada',
      before: before?.value ?? null,
      after: value,
    });
  });
}
