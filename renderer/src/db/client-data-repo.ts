// One client's data: export everything stored about them, or erase them for good (GDPR).
// Both read the same list from the reference map (references.ts): what an erase removes is what
// the export shows.
import type { ClientRecord } from '../../../shared/domain/records';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { fail, nowInstant } from './repo-helpers';
import { tablesTouchedBy } from './references';
import { applyRemoval, changedRows, planRemoval, removedRows } from './removal';

export interface ClientDataExport {
  exportedAt: string;
  client: ClientRecord;
  tables: Record<string, unknown[]>;
}

const tables = () => tablesTouchedBy('client', 'erase');

export async function exportClientData(
  db: CuentasDatabase,
  clientId: string,
): Promise<ClientDataExport> {
  return db.transaction('r', tables(), async () => {
    const client = await db.clients.get(clientId);
    if (!client) fail('clientId', 'not_found', { id: clientId });
    const plan = await planRemoval(db, 'client', [clientId], 'erase');
    const out: Record<string, unknown[]> = {};
    for (const table of plan.removed.keys()) {
      if (table !== 'clients') out[table] = removedRows(plan, table);
    }
    // Bank movements are the user's records, kept by an erase: shown as they are now.
    for (const table of plan.changed.keys()) {
      out[table] = [...(out[table] ?? []), ...changedRows(plan, table).map((row) => row.before)];
    }
    return { exportedAt: nowInstant(), client, tables: out };
  });
}

/**
 * Erases the client and everything about them, their audit history included; bank movements
 * stay (they are the user's bank records) but go back to "por conciliar" and lose the link to
 * the erased payment or client.
 */
export async function eraseClient(db: CuentasDatabase, clientId: string): Promise<void> {
  await db.transaction('rw', tables(), async () => {
    const client = await db.clients.get(clientId);
    if (!client) fail('clientId', 'not_found', { id: clientId });
    await applyRemoval(db, await planRemoval(db, 'client', [clientId], 'erase'));
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
