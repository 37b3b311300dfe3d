// The first-run guide's progress: company profile → first client → first invoice (typed or imported).
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

export async function getFirstRunProgress(db: CuentasDatabase): Promise<FirstRunProgress> {
  const [profile, preferences, client, invoice] = await Promise.all([
    getCompanyProfile(db),
    getPreferences(db),
    db.clients.limit(1).count(),
    db.invoices.limit(1).count(),
  ]);
  return {
    company: profile.name.trim() !== '' && profile.taxId.trim() !== '',
    client: client > 0,
    invoice: invoice > 0,
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
