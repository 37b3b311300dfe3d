// Settings use cases: the user's company profile and preferences, with defaults when absent.
import type { CompanyProfile, Language, Preferences } from '../../../shared/domain/records';
import { validateSpanishTaxId } from '../../../shared/domain/taxId';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { fail } from './repo-helpers';

export const DEFAULT_COMPANY_PROFILE: CompanyProfile = {
  name: '',
  taxId: '',
  address: '',
  postalCode: '',
  city: '',
  province: '',
  email: '',
  phone: '',
  iban: '',
  logoDataUrl: null,
};

export const DEFAULT_PREFERENCES: Preferences = { language: 'es' };

const LANGUAGES: readonly Language[] = ['es', 'en'];

export async function getCompanyProfile(db: CuentasDatabase): Promise<CompanyProfile> {
  const row = await db.settings.get('company');
  return row?.key === 'company'
    ? { ...DEFAULT_COMPANY_PROFILE, ...row.value }
    : DEFAULT_COMPANY_PROFILE;
}

/** Validates the NIF/CIF when given (the IBAN is checked by the form); returns what was stored. */
export async function saveCompanyProfile(
  db: CuentasDatabase,
  profile: CompanyProfile,
): Promise<CompanyProfile> {
  let taxId = profile.taxId.trim();
  if (taxId !== '') {
    const result = validateSpanishTaxId(taxId);
    if (!result.valid) fail('taxId', 'tax_id_invalid');
    taxId = result.normalized;
  }
  const value: CompanyProfile = { ...profile, name: profile.name.trim(), taxId };
  return db.transaction('rw', [db.settings, db.audit], async () => {
    const before = await db.settings.get('company');
    await db.settings.put({ key: 'company', value });
    await writeAudit(db, {
      entity: 'setting',
      entityId: 'company',
      action: before ? 'update' : 'create',
      summary: 'Datos de la empresa guardados',
      before: before?.value ?? null,
      after: value,
    });
    return value;
  });
}

export async function getPreferences(db: CuentasDatabase): Promise<Preferences> {
  const row = await db.settings.get('preferences');
  return row?.key === 'preferences'
    ? { ...DEFAULT_PREFERENCES, ...row.value }
    : DEFAULT_PREFERENCES;
}

export async function savePreferences(
  db: CuentasDatabase,
  prefs: Preferences,
): Promise<Preferences> {
  if (!LANGUAGES.includes(prefs.language)) fail('language', 'required');
  return db.transaction('rw', [db.settings, db.audit], async () => {
    const before = await db.settings.get('preferences');
    // Other preferences (the guide closed) stay as they were.
    const kept = before?.key === 'preferences' ? before.value : DEFAULT_PREFERENCES;
    const value: Preferences = { ...kept, language: prefs.language };
    await db.settings.put({ key: 'preferences', value });
    await writeAudit(db, {
      entity: 'setting',
      entityId: 'preferences',
      action: before ? 'update' : 'create',
      summary: `Idioma: ${value.language}`,
      before: before?.value ?? null,
      after: value,
    });
    return value;
  });
}
