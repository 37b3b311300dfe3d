// One client's data: export everything stored about them, or erase them for good (GDPR).
import type { ClientRecord } from '../../../shared/domain/records';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { fail, nowInstant } from './repo-helpers';

export interface ClientDataExport {
  exportedAt: string;
  client: ClientRecord;
  tables: Record<string, unknown[]>;
}

/** Tables whose rows carry a clientId index. */
const BY_CLIENT = [
  'invoices',
  'payments',
  'allocations',
  'activities',
  'promises',
  'plans',
  'disputes',
  'dunningEvents',
  'mandates',
  'legalEvents',
] as const;

/** Every row in these tables has a string id (audit rows a numeric seq, handled apart). */
function idOf(row: unknown): string {
  const id = typeof row === 'object' && row !== null && 'id' in row ? row.id : undefined;
  return typeof id === 'string' ? id : '';
}

async function collect(db: CuentasDatabase, client: ClientRecord) {
  const tables: Record<string, unknown[]> = {};
  for (const name of BY_CLIENT) {
    tables[name] = await db.table(name).where('clientId').equals(client.id).toArray();
  }
  const planIds = (tables.plans ?? []).map(idOf);
  tables.installments = await db.installments.where('planId').anyOf(planIds).toArray();
  tables.planDocuments = await db.planDocuments.where('planId').anyOf(planIds).toArray();
  const paymentIds = (tables.payments ?? []).map(idOf);
  tables.bankMovements = (await db.bankMovements.toArray()).filter(
    (movement) => movement.paymentId !== null && paymentIds.includes(movement.paymentId),
  );
  const entityIds = new Set<string>([
    client.id,
    ...Object.values(tables).flatMap((rows) => rows.map(idOf)),
  ]);
  const trail = (await db.audit.toArray()).filter((entry) => entityIds.has(entry.entityId));
  tables.audit = trail;
  return { tables, auditSeqs: trail.map((entry) => entry.seq ?? -1) };
}

function allTables(db: CuentasDatabase) {
  return [...BY_CLIENT, 'clients', 'installments', 'planDocuments', 'bankMovements', 'audit'].map(
    (name) => db.table(name),
  );
}

export async function exportClientData(
  db: CuentasDatabase,
  clientId: string,
): Promise<ClientDataExport> {
  return db.transaction('r', allTables(db), async () => {
    const client = await db.clients.get(clientId);
    if (!client) fail('clientId', 'not_found', { id: clientId });
    return { exportedAt: nowInstant(), client, tables: (await collect(db, client)).tables };
  });
}

/**
 * Erases the client and everything about them, their audit history included; bank movements
 * stay (they are the user's bank records) but lose the link to the erased payment.
 */
export async function eraseClient(db: CuentasDatabase, clientId: string): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    const client = await db.clients.get(clientId);
    if (!client) fail('clientId', 'not_found', { id: clientId });
    const { tables, auditSeqs } = await collect(db, client);
    for (const [name, rows] of Object.entries(tables)) {
      if (name === 'bankMovements' || name === 'audit') continue;
      await db.table(name).bulkDelete(rows.map(idOf));
    }
    for (const movement of tables.bankMovements ?? []) {
      await db.bankMovements.update(idOf(movement), { status: 'unmatched', paymentId: null });
    }
    await db.audit.bulkDelete(auditSeqs);
    await db.clients.delete(clientId);
    await writeAudit(db, {
      entity: 'client',
      entityId: clientId,
      action: 'delete',
      // No personal data in the trail of an erasure.
      summary: 'Cliente borrado a petición del interesado (RGPD)',
      before: null,
      after: null,
    });
  });
}
