// Bank statements: idempotent import, reconciliation suggestions, and confirmed matches as payments.
import type { BankMovementRecord, BankStatementRecord } from '../../../shared/domain/records';
import type { NormalizedStatement } from '../../../shared/formats/bank-statement';
import type { OpenItem } from '../../../shared/domain/reconciliation';
import type { MatchIndex } from '../../../shared/domain/reconciliation-index';
import {
  buildMatchIndex,
  suggestMatchesIndexed,
} from '../../../shared/domain/reconciliation-index';
import type { SuggestedRow } from './statements/suggester';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { linkMovementToPayment, receiveMoney } from './payments/receive-money';
import { fail, newId, nowInstant } from './repo-helpers';
import {
  loadOpenItems,
  readClientNames,
  unlinkedPaymentsNear,
} from './statements/reconciliation-reads';

export interface StatementImportResult {
  statements: number;
  added: number;
  /** Movements already stored from an earlier (overlapping) statement. */
  alreadyStored: number;
}

/** Stores new statements and only the movements not seen before; a repeated file is refused. */
export async function importStatements(
  db: CuentasDatabase,
  statements: readonly NormalizedStatement[],
  fileName: string,
): Promise<StatementImportResult> {
  return db.transaction('rw', [db.bankStatements, db.bankMovements, db.audit], async () => {
    const at = nowInstant();
    let added = 0;
    let alreadyStored = 0;
    let fresh = 0;
    for (const statement of statements) {
      const known = await db.bankStatements
        .where('fingerprint')
        .equals(statement.fingerprint)
        .first();
      if (known) continue;
      fresh += 1;
      const record: BankStatementRecord = {
        id: newId(),
        fingerprint: statement.fingerprint,
        format: statement.format,
        accountIban: statement.account,
        fromDate: statement.fromDate,
        toDate: statement.toDate,
        fileName,
        movementCount: statement.movements.length,
        importedAt: at,
      };
      await db.bankStatements.add(record);
      const fingerprints = statement.movements.map((movement) => movement.fingerprint);
      const existing = new Set(
        (await db.bankMovements.where('fingerprint').anyOf(fingerprints).toArray()).map(
          (movement) => movement.fingerprint,
        ),
      );
      const movements: BankMovementRecord[] = statement.movements
        .filter((movement) => !existing.has(movement.fingerprint))
        .map((movement) => ({
          id: newId(),
          statementId: record.id,
          fingerprint: movement.fingerprint,
          date: movement.date,
          valueDate: movement.valueDate,
          amountCents: movement.amountCents,
          concept: movement.concept,
          references: movement.references,
          commonCode: movement.commonCode,
          counterpartyName: movement.counterpartyName,
          // Only money in can pay an invoice; the rest is shown but needs nothing.
          status: movement.amountCents > 0 ? 'unmatched' : 'ignored',
          paymentId: null,
        }));
      await db.bankMovements.bulkAdd(movements);
      added += movements.length;
      alreadyStored += statement.movements.length - movements.length;
    }
    if (fresh === 0) fail('file', 'statement_already_imported', { fileName });
    await writeAudit(db, {
      at,
      entity: 'payment',
      entityId: `statement:${fileName}`,
      action: 'create',
      summary: `Extracto ${fileName}: ${added} movimientos nuevos`,
      before: null,
      after: { added, alreadyStored },
    });
    return { statements: fresh, added, alreadyStored };
  });
}

export { loadOpenItems, unlinkedPaymentsNear } from './statements/reconciliation-reads';

export type MovementWithSuggestions = SuggestedRow<BankMovementRecord>;

/** What reconciling the unmatched credits needs: the movements newest first, and the index. */
export interface ReconciliationInputs {
  movements: BankMovementRecord[];
  index: MatchIndex;
}

/** The credits not reconciled yet, newest first. */
export async function unmatchedCredits(db: CuentasDatabase): Promise<BankMovementRecord[]> {
  const movements = await db.bankMovements.where('status').equals('unmatched').toArray();
  return movements.sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * The open items to match against (the worker indexes them), read from index keys in one
 * transaction. As a live query it reruns only when what it read changes (open invoices, plans,
 * clients' names), so the index is built once per statement screen and again only after the
 * ledger changed, not when a movement is ignored or another statement arrives.
 */
export async function ledgerOpenItems(db: CuentasDatabase): Promise<OpenItem[]> {
  return db.transaction('r', [db.clients, db.invoices, db.plans, db.installments], async () =>
    loadOpenItems(db, await readClientNames(db)),
  );
}

/**
 * Reads the unmatched credits, the open items and the payments recorded near them, and indexes
 * the items and payments once for the whole statement.
 */
export async function reconciliationInputs(db: CuentasDatabase): Promise<ReconciliationInputs> {
  const { movements, items, recorded } = await db.transaction(
    'r',
    [db.bankMovements, db.clients, db.invoices, db.plans, db.installments, db.payments],
    async () => {
      const credits = await unmatchedCredits(db);
      const clients = await readClientNames(db);
      return {
        movements: credits,
        items: await loadOpenItems(db, clients),
        recorded: await unlinkedPaymentsNear(db, credits, clients),
      };
    },
  );
  return { movements, index: buildMatchIndex(items, [], recorded) };
}

/**
 * Unmatched credits, newest first, each with its best suggestions: linking to a payment already
 * recorded comes before recording a new one.
 */
export async function reconciliationList(db: CuentasDatabase): Promise<MovementWithSuggestions[]> {
  const { movements, index } = await reconciliationInputs(db);
  return movements.map((movement) => ({
    movement,
    suggestions: suggestMatchesIndexed(index, movement),
  }));
}

export interface MatchChoice {
  clientId: string;
  /** Invoices to pay, oldest first. */
  invoiceIds: string[];
  /** Plans whose installments it pays (through their invoices, then interest), oldest first. */
  planIds?: string[];
}

/**
 * Books the movement as a new payment of the chosen invoices and plans (receiveMoney: one
 * transaction with the movement's link); what is left after them is the client's credit.
 */
export async function confirmMatch(
  db: CuentasDatabase,
  movementId: string,
  choice: MatchChoice,
): Promise<string> {
  const movement = await db.bankMovements.get(movementId);
  if (!movement) fail('movementId', 'not_found', { id: movementId });
  const debit = await isDirectDebitCollection(db, movement, choice.clientId);
  const { payment } = await receiveMoney(db, {
    source: debit ? 'direct_debit' : 'bank_movement',
    movementId,
    clientId: choice.clientId,
    date: movement.date,
    amountCents: movement.amountCents,
    method: debit ? 'direct_debit' : 'transfer',
    reference: [movement.concept, ...movement.references].join(' ').slice(0, 140),
    note: 'Conciliado desde el extracto bancario',
    allocation: {
      mode: 'targets',
      invoiceIds: choice.invoiceIds,
      planIds: choice.planIds ?? [],
    },
    keepExcessAsCredit: true,
  });
  return payment.id;
}

/** Words banks write on the credit of a SEPA direct debit remittance. */
const DEBIT_WORDS = /\bREMESA\b|\bSEPA\b|\bADEUDO|\bRECIBOS?\b|\bDOMICILIAC/i;

/** A remittance credit for a client with an active SEPA mandate: collected by direct debit. */
async function isDirectDebitCollection(
  db: CuentasDatabase,
  movement: BankMovementRecord,
  clientId: string,
): Promise<boolean> {
  if (!DEBIT_WORDS.test([movement.concept, ...movement.references].join(' '))) return false;
  const mandates = await db.mandates.where('clientId').equals(clientId).toArray();
  return mandates.some((mandate) => mandate.status === 'active');
}

/** The movement is a payment already recorded: link it, record nothing new. */
export async function linkMatch(
  db: CuentasDatabase,
  movementId: string,
  paymentId: string,
): Promise<void> {
  await linkMovementToPayment(db, movementId, paymentId);
}

export async function ignoreMovement(db: CuentasDatabase, movementId: string): Promise<void> {
  await db.transaction('rw', [db.bankMovements], async () => {
    const movement = await db.bankMovements.get(movementId);
    if (!movement) fail('movementId', 'not_found', { id: movementId });
    await db.bankMovements.put({ ...movement, status: 'ignored' });
  });
}

/** Clients to choose from when assigning a movement by hand, by name. */
export async function clientsForAssignment(
  db: CuentasDatabase,
): Promise<{ id: string; name: string; taxId: string }[]> {
  const clients = await db.clients.orderBy('name').toArray();
  return clients.map((client) => ({ id: client.id, name: client.name, taxId: client.taxId }));
}
