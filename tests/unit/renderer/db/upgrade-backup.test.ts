import { afterEach, describe, expect, it } from 'vitest';
import { buildDatabase } from '../../../../renderer/src/db/database';
import { SCHEMA_VERSIONS } from '../../../../renderer/src/db/schema';
import { backupBeforeUpgrade } from '../../../../renderer/src/db/upgrade-backup';
import { parseBackup } from '../../../../shared/formats/backup';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await buildDatabase(name, SCHEMA_VERSIONS).delete();
});

describe('backupBeforeUpgrade', () => {
  it('copies a version 1 database as it is before the upgrade', async () => {
    const name = `old-${crypto.randomUUID()}`;
    names.push(name);
    const v1 = buildDatabase(name, SCHEMA_VERSIONS.slice(0, 1));
    await v1.clients.add({
      id: 'c1',
      name: 'Ana',
      taxId: '12345678Z',
      email: '',
      phone: '',
      contactPerson: '',
      address: '',
      postalCode: '',
      city: '',
      province: '',
      paymentTermDays: 30,
      creditLimitCents: null,
      onHold: false,
      notes: '',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    v1.close();
    const text = await backupBeforeUpgrade(name);
    expect(text).not.toBeNull();
    expect(JSON.parse(text ?? '{}')).toMatchObject({ schemaVersion: 1 });
    // Read back, its rows are taken through the row upgrades to the version asked for.
    const content = parseBackup(text ?? '', 2, ['clients', 'invoices']);
    expect(content.schemaVersion).toBe(2);
    expect(content.tables.clients).toHaveLength(1);
  });

  it('does nothing for a fresh install or a database already current', async () => {
    const name = `new-${crypto.randomUUID()}`;
    names.push(name);
    expect(await backupBeforeUpgrade(name)).toBeNull();
    const current = buildDatabase(name, SCHEMA_VERSIONS);
    await current.open();
    current.close();
    expect(await backupBeforeUpgrade(name)).toBeNull();
  });
});
