import { describe, expect, it } from 'vitest';
import { buildDatabase, openDatabase } from '../../../../renderer/src/db/database';
import { SCHEMA_VERSIONS } from '../../../../renderer/src/db/schema';
import type { SchemaVersion } from '../../../../renderer/src/db/schema';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { clientInput, invoiceInput } from './test-db';

/** A rehearsal v2: indexes clients by city and fills a field every client must now have. */
const withV2: SchemaVersion[] = [
  ...SCHEMA_VERSIONS,
  {
    version: 2,
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
  it('v1 data survives an upgrade to v2 and is filled in by its upgrade function', async () => {
    const name = `test-migration-${crypto.randomUUID()}`;
    const v1 = openDatabase(name);
    const client = await createClient(v1, clientInput());
    const invoice = await createInvoice(v1, invoiceInput(client.id));
    v1.close();

    const v2 = buildDatabase(name, withV2);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await v2.invoices.get(invoice.id)).toEqual(invoice);
    const byCity = await v2.clients.where('city').equals('Zaragoza').toArray();
    expect(byCity).toEqual([{ ...client, segment: 'company' }]);
    expect(await v2.table('clients').where('segment').equals('company').count()).toBe(1);
    await v2.delete();
  });

  it('the app schema starts at version 1 with every table', async () => {
    const db = openDatabase(`test-schema-${crypto.randomUUID()}`);
    await db.open();
    expect(db.tables.map((table) => table.name).sort()).toEqual(
      [
        'activities',
        'allocations',
        'audit',
        'clients',
        'disputes',
        'installments',
        'invoices',
        'payments',
        'plans',
        'promises',
        'settings',
      ].sort(),
    );
    await db.delete();
  });
});
