import { afterEach, describe, expect, it } from 'vitest';
import {
  activateDatabase,
  DEFAULT_DATABASE_NAME,
  DEMO_DATABASE_NAME,
  getDb,
  isDemoDatabase,
  openDatabase,
} from '../../../../renderer/src/db/database';
import { leaveDemo, startDemo, withUserDb } from '../../../../renderer/src/db/demo-mode';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { saveCompanyProfile } from '../../../../renderer/src/db/settings-repo';
import { readAllTables } from '../../../../renderer/src/db/backup-repo';
import { checkReferences } from '../../../../renderer/src/db/check-references';
import { clientInput } from './test-db';

afterEach(async () => {
  await leaveDemo();
  await getDb().delete();
  // A fresh instance for the next test (a deleted Dexie instance stays closed).
  activateDatabase(openDatabase(DEFAULT_DATABASE_NAME));
});

describe('demonstration mode', () => {
  it('loads sample data apart, and leaving returns to the user’s data untouched', async () => {
    const mine = await createClient(getDb(), clientInput());
    const before = (await readAllTables(getDb())).tables;
    const result = await startDemo({ invoices: 100, today: '2026-11-30' });
    expect(isDemoDatabase()).toBe(true);
    expect(getDb().name).toBe(DEMO_DATABASE_NAME);
    expect(await getDb().invoices.count()).toBe(result.invoices);
    expect(await getDb().clients.get(mine.id)).toBeUndefined();
    expect(await checkReferences(getDb())).toEqual([]);
    // Background jobs back up the user's own data while the demonstration is open.
    const during = await withUserDb(async (db) => db.clients.toArray());
    expect(during.map((client) => client.id)).toEqual([mine.id]);

    await leaveDemo();
    expect(isDemoDatabase()).toBe(false);
    expect((await getDb().clients.toArray()).map((client) => client.id)).toEqual([mine.id]);
    expect((await readAllTables(getDb())).tables).toEqual(before);
    const names = (await indexedDB.databases()).map((info) => info.name);
    expect(names).not.toContain(DEMO_DATABASE_NAME);
  });

  it('brings the user’s business into the demonstration, and its changes never go back', async () => {
    await saveCompanyProfile(getDb(), {
      name: 'Mi Taller S.L.',
      taxId: 'B12345674',
      address: '',
      postalCode: '',
      city: '',
      province: '',
      email: '',
      phone: '',
      iban: '',
      logoDataUrl: null,
    });
    await startDemo({ invoices: 100, today: '2026-11-30' });
    expect((await getDb().settings.get('company'))?.value).toMatchObject({
      name: 'Mi Taller S.L.',
    });
    await getDb().settings.put({ key: 'preferences', value: { language: 'en' } });
    await leaveDemo();
    expect(await getDb().settings.get('preferences')).toBeUndefined();
  });

  it('loads the sample in slices when asked, and a failed sliced load never becomes active', async () => {
    const failure = new Error('quota');
    await expect(
      startDemo({
        invoices: 300,
        today: '2026-11-30',
        inChunks: true,
        sliceInvoices: 100,
        onPhase: (phase) => {
          if (phase === 'model') throw failure;
        },
      }),
    ).rejects.toBe(failure);
    expect(isDemoDatabase()).toBe(false);
    const result = await startDemo({
      invoices: 300,
      today: '2026-11-30',
      inChunks: true,
      sliceInvoices: 100,
    });
    expect(isDemoDatabase()).toBe(true);
    expect(result.invoices).toBe(300);
    expect(await getDb().invoices.count()).toBe(300);
    expect(await checkReferences(getDb())).toEqual([]);
  });
});
