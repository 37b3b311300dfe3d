// Bank statements: idempotent import, reconciliation suggestions, and confirmed matches as payments.
import type { BankMovementRecord, BankStatementRecord } from '../../../shared/domain/records';
import type { NormalizedStatement } from '../../../shared/formats/bank-statement';
import type { MatchSuggestion, OpenItem } from '../../../shared/domain/reconciliation';
import { suggestMatches } from '../../../shared/domain/reconciliation';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { recordPayment } from './payments-repo';
import { fail, newId, nowInstant } from './repo-helpers';

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

/** Open invoices and plan installments, with their clients' names and tax ids. */
export async function loadOpenItems(db: CuentasDatabase): Promise<OpenItem[]> {
  return db.transaction('r', [db.clients, db.invoices, db.plans, db.installments], async () => {
    const clients = new Map((await db.clients.toArray()).map((client) => [client.id, client]));
    const invoices = await db.invoices
      .filter((invoice) => invoice.lifecycle === 'issued' && invoice.outstandingCents > 0)
      .toArray();
    const items: OpenItem[] = [];
    for (const invoice of invoices) {
      const client = clients.get(invoice.clientId);
      if (!client || invoice.planId !== null) continue;
      items.push({
        kind: 'invoice',
        id: invoice.id,
        clientId: client.id,
        clientName: client.name,
        clientTaxId: client.taxId,
        label: invoice.number,
        invoiceIds: [invoice.id],
        outstandingCents: invoice.outstandingCents,
        dueDate: invoice.nextDueDate,
      });
    }
    const plans = new Map(
      (await db.plans.where('status').equals('active').toArray()).map((plan) => [plan.id, plan]),
    );
    for (const installment of await db.installments.toArray()) {
      const plan = plans.get(installment.planId);
      const client = plan ? clients.get(plan.clientId) : undefined;
      const owed = installment.amountCents - installment.paidCents;
      if (!plan || !client || owed <= 0) continue;
      items.push({
        kind: 'installment',
        id: installment.id,
        clientId: client.id,
        clientName: client.name,
        clientTaxId: client.taxId,
        label: `plazo ${installment.seq}`,
        invoiceIds: plan.invoiceIds,
        outstandingCents: owed,
        dueDate: installment.dueDate,
      });
    }
    return items;
  });
}

export interface MovementWithSuggestions {
  movement: BankMovementRecord;
  suggestions: MatchSuggestion[];
}

/** Unmatched credits, newest first, each with its best suggestions. */
export async function reconciliationList(db: CuentasDatabase): Promise<MovementWithSuggestions[]> {
  const movements = await db.bankMovements.where('status').equals('unmatched').toArray();
  const items = await loadOpenItems(db);
  return movements
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((movement) => ({ movement, suggestions: suggestMatches(movement, items) }));
}

export interface MatchChoice {
  clientId: string;
  /**
   * Invoices to pay (an installment's suggestion lists its plan's invoices): the amount goes to
   * them oldest first and any rest stays as the client's credit; plans follow their invoices.
   */
  invoiceIds: string[];
}

/** Books the movement as a payment of the chosen invoices/installments, in one transaction. */
export async function confirmMatch(
  db: CuentasDatabase,
  movementId: string,
  choice: MatchChoice,
): Promise<string> {
  const tables = [
    db.bankMovements,
    db.clients,
    db.invoices,
    db.payments,
    db.allocations,
    db.audit,
    // recordPayment also recomputes the client's payment plans.
    db.plans,
    db.installments,
  ];
  return db.transaction('rw', tables, async () => {
    const movement = await db.bankMovements.get(movementId);
    if (!movement) fail('movementId', 'not_found', { id: movementId });
    if (movement.status !== 'unmatched' || movement.amountCents <= 0) {
      fail('movementId', 'allocation_wrong_client', { id: movementId });
    }
    const invoices = (await db.invoices.bulkGet(choice.invoiceIds))
      .filter((invoice) => invoice !== undefined)
      .filter((invoice) => invoice.lifecycle === 'issued' && invoice.outstandingCents > 0)
      .sort((a, b) => (a.nextDueDate ?? '').localeCompare(b.nextDueDate ?? ''));
    let left = movement.amountCents;
    const items = [];
    for (const invoice of invoices) {
      const amountCents = Math.min(left, invoice.outstandingCents);
      if (amountCents <= 0) break;
      items.push({ invoiceId: invoice.id, amountCents });
      left -= amountCents;
    }
    const { payment } = await recordPayment(db, {
      clientId: choice.clientId,
      date: movement.date,
      amountCents: movement.amountCents,
      method: 'transfer',
      reference: [movement.concept, ...movement.references].join(' ').slice(0, 140),
      note: 'Conciliado desde el extracto bancario',
      allocation: { mode: 'chosen', items },
      keepExcessAsCredit: true,
    });
    await db.bankMovements.put({ ...movement, status: 'matched', paymentId: payment.id });
    return payment.id;
  });
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
