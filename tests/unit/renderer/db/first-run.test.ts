import { afterEach, describe, expect, it } from 'vitest';
import {
  dismissFirstRunGuide,
  getFirstRunProgress,
  guideVisible,
} from '../../../../renderer/src/db/first-run';
import {
  DEFAULT_COMPANY_PROFILE,
  getPreferences,
  saveCompanyProfile,
  savePreferences,
} from '../../../../renderer/src/db/settings-repo';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { clientInput, freshDb, invoiceInput } from './test-db';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

describe('the first-run guide', () => {
  it('ticks company, first client and first invoice as they happen, then goes away', async () => {
    db = freshDb();
    const start = await getFirstRunProgress(db);
    expect(start).toEqual({ company: false, client: false, invoice: false, dismissed: false });
    expect(guideVisible(start)).toBe(true);
    // A name alone is not a profile the letters can use.
    await saveCompanyProfile(db, { ...DEFAULT_COMPANY_PROFILE, name: 'Instalaciones Ebro S.L.' });
    expect((await getFirstRunProgress(db)).company).toBe(false);
    await saveCompanyProfile(db, {
      ...DEFAULT_COMPANY_PROFILE,
      name: 'Instalaciones Ebro S.L.',
      taxId: 'B12345674',
    });
    const client = await createClient(db, clientInput());
    expect(await getFirstRunProgress(db)).toMatchObject({ company: true, client: true });
    expect(guideVisible(await getFirstRunProgress(db))).toBe(true);
    await createInvoice(db, invoiceInput(client.id));
    const done = await getFirstRunProgress(db);
    expect(done).toMatchObject({ company: true, client: true, invoice: true });
    expect(guideVisible(done)).toBe(false);
  });

  it('closing the guide is remembered, also when the language changes afterwards', async () => {
    db = freshDb();
    await dismissFirstRunGuide(db);
    expect(guideVisible(await getFirstRunProgress(db))).toBe(false);
    await savePreferences(db, { language: 'en' });
    expect(await getPreferences(db)).toMatchObject({ language: 'en' });
    expect((await getFirstRunProgress(db)).dismissed).toBe(true);
    expect(
      await db.audit.where('[entity+entityId]').equals(['setting', 'preferences']).count(),
    ).toBe(2);
  });
});
