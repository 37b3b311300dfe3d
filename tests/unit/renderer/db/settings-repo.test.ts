import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_COMPANY_PROFILE,
  getCompanyProfile,
  getPreferences,
  saveCompanyProfile,
  savePreferences,
} from '../../../../renderer/src/db/settings-repo';
import { listAudit } from '../../../../renderer/src/db/audit';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { freshDb, issueCodesOf } from './test-db';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

describe('settings repository', () => {
  it('returns defaults until something is saved', async () => {
    db = freshDb();
    expect(await getCompanyProfile(db)).toEqual(DEFAULT_COMPANY_PROFILE);
    expect(await getPreferences(db)).toEqual({ language: 'es' });
  });

  it('saves the company profile with a normalized tax id, and audits it', async () => {
    db = freshDb();
    const saved = await saveCompanyProfile(db, {
      ...DEFAULT_COMPANY_PROFILE,
      name: ' Ana Ruiz ',
      taxId: '12345678-z',
    });
    expect(saved).toMatchObject({ name: 'Ana Ruiz', taxId: '12345678Z' });
    expect(await getCompanyProfile(db)).toEqual(saved);
    expect(await listAudit(db, { entity: 'setting', entityId: 'company' })).toHaveLength(1);
  });

  it('refuses an invalid tax id but accepts an empty one', async () => {
    db = freshDb();
    const bad = { ...DEFAULT_COMPANY_PROFILE, taxId: 'B12345675' };
    expect(await issueCodesOf(saveCompanyProfile(db, bad))).toEqual(['tax_id_invalid']);
    await saveCompanyProfile(db, { ...DEFAULT_COMPANY_PROFILE, name: 'Sin NIF' });
    expect((await getCompanyProfile(db)).name).toBe('Sin NIF');
  });

  it('saves the language preference', async () => {
    db = freshDb();
    await savePreferences(db, { language: 'en' });
    expect(await getPreferences(db)).toEqual({ language: 'en' });
  });
});
