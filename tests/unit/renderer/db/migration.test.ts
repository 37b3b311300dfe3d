import { describe, expect, it } from 'vitest';
import { buildDatabase, openDatabase } from '../../../../renderer/src/db/database';
import { SCHEMA_VERSIONS } from '../../../../renderer/src/db/schema';
import type { SchemaVersion } from '../../../../renderer/src/db/schema';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { clientInput, invoiceInput } from './test-db';
import { upgradeTables } from '../../../../shared/domain/record-upgrades';
import type { RowUpgrades } from '../../../../shared/domain/record-upgrades';

const LATEST = SCHEMA_VERSIONS.at(-1)?.version ?? 0;

/** A rehearsal of the next version: indexes clients by city and fills a field every client must now have. */
const withNext: SchemaVersion[] = [
  ...SCHEMA_VERSIONS,
  {
    version: LATEST + 1,
    stores: { clients: 'id, name, taxId, city, segment' },
    upgrade: async (tx) => {
      await tx
        .table('clients')
        .toCollection()
        .modify((client: { segment?: string; taxId: string }) => {
          client.segment = client.taxId.startsWith('B') ? 'company' : 'person';
        });
    },
  },
];

describe('schema migrations', () => {
  it('data written by version 1 survives the upgrade to the current schema', async () => {
    const name = `test-migration-${crypto.randomUUID()}`;
    const v1 = buildDatabase(name, SCHEMA_VERSIONS.slice(0, 1));
    const client = await createClient(v1, clientInput());
    const invoice = await createInvoice(v1, invoiceInput(client.id));
    v1.close();

    const current = openDatabase(name);
    await current.open();
    expect(current.verno).toBe(LATEST);
    expect(await current.invoices.get(invoice.id)).toEqual(invoice);
    expect(await current.clients.get(client.id)).toEqual(client);
    expect(await current.dunningEvents.count()).toBe(0);
    await current.delete();
  });

  it('current data survives an upgrade to the next version and is filled in by its upgrade function', async () => {
    const name = `test-migration-${crypto.randomUUID()}`;
    const v1 = openDatabase(name);
    const client = await createClient(v1, clientInput());
    const invoice = await createInvoice(v1, invoiceInput(client.id));
    v1.close();

    const v2 = buildDatabase(name, withNext);
    await v2.open();
    expect(v2.verno).toBe(LATEST + 1);
    expect(await v2.invoices.get(invoice.id)).toEqual(invoice);
    const byCity = await v2.clients.where('city').equals('Zaragoza').toArray();
    expect(byCity).toEqual([{ ...client, segment: 'company' }]);
    expect(await v2.table('clients').where('segment').equals('company').count()).toBe(1);
    await v2.delete();
  });

  it('a row upgrade runs in the database upgrade and on an older backup alike', async () => {
    const name = `test-migration-${crypto.randomUUID()}`;
    const current = openDatabase(name);
    const client = await createClient(current, clientInput());
    current.close();
    const upgrades: RowUpgrades = {
      [LATEST + 1]: { clients: (row) => ({ ...row, segment: 'company' }) },
    };
    const next = buildDatabase(
      name,
      [...SCHEMA_VERSIONS, { version: LATEST + 1, stores: {} }],
      upgrades,
    );
    await next.open();
    const stored: unknown = await next.table('clients').get(client.id);
    expect(stored).toEqual({ ...client, segment: 'company' });
    const fromBackup = upgradeTables({ clients: [client] }, LATEST, LATEST + 1, upgrades);
    expect(fromBackup.clients).toEqual([stored]);
    await next.delete();
  });

  it('the app schema has every table', async () => {
    const db = openDatabase(`test-schema-${crypto.randomUUID()}`);
    await db.open();
    expect(db.tables.map((table) => table.name).sort()).toEqual(
      [
        'activities',
        'allocations',
        'audit',
        'bankMovements',
        'bankStatements',
        'clientHistory',
        'creditNotes',
        'dunningEvents',
        'importPresets',
        'ledgerChunks',
        'legalEvents',
        'mandates',
        'notifications',
        'planDocuments',
        'savedViews',
        'clients',
        'disputes',
        'installments',
        'invoices',
        'payments',
        'plans',
        'promises',
        'settings',
        // v4: sync through CouchDB (issue 15).
        'syncChanges',
        'syncConflicts',
        'syncDocs',
        'syncMeta',
        // v5: records sync set aside by a unique key (issue 15).
        'syncHeld',
      ].sort(),
    );
    await db.delete();
  });
});
