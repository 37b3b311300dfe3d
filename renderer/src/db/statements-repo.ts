// Bank statements: idempotent import, reconciliation suggestions, and confirmed matches as payments.
import Dexie from 'dexie';
import type { BankMovementRecord, BankStatementRecord } from '../../../shared/domain/records';
import type { NormalizedStatement } from '../../../shared/formats/bank-statement';
import type { MatchSuggestion, OpenItem } from '../../../shared/domain/reconciliation';
import type { RecordedPayment } from '../../../shared/domain/reconciliation-links';
import { LINK_WINDOW_DAYS } from '../../../shared/domain/reconciliation-links';
import type { MatchIndex } from '../../../shared/domain/reconciliation-index';
import {
  buildMatchIndex,
  suggestMatchesIndexed,
} from '../../../shared/domain/reconciliation-index';
import { addDays } from '../../../shared/domain/dates';
import { endToEndIdOf } from '../../../shared/domain/plan-direct-debits';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { linkMovementToPayment, receiveMoney } from './payments/receive-money';
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

/** Open invoices and plan installments (oldest first), with their clients' names and tax ids. */
export async function loadOpenItems(db: CuentasDatabase): Promise<OpenItem[]> {
  return db.transaction('r', [db.clients, db.invoices, db.plans, db.installments], async () => {
    const clients = new Map((await db.clients.toArray()).map((client) => [client.id, client]));
    // nextDueDate is null once settled and IndexedDB skips nulls: the index holds the open set,
    // so a large ledger's settled invoices are never read (as the worklist reads it).
    const invoices = await db.invoices
      .where('[lifecycle+nextDueDate]')
      .between(['issued', Dexie.minKey], ['issued', Dexie.maxKey])
      .filter((invoice) => invoice.outstandingCents > 0)
      .toArray();
    const numbers = new Map(invoices.map((invoice) => [invoice.id, invoice.number]));
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
    const installments = await db.installments
      .where('planId')
      .anyOf([...plans.keys()])
      .toArray();
    for (const installment of installments) {
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
        planId: plan.id,
        planReference: plan.terms?.reference ?? '',
        planInvoiceNumbers: plan.invoiceIds.flatMap((id) => numbers.get(id) ?? []),
        endToEndId:
          installment.presentations?.[installment.presentations.length - 1]?.endToEndId ??
          endToEndIdOf(plan, installment),
      });
    }
    return items.sort(
      (a, b) =>
        (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.label.localeCompare(b.label),
    );
  });
}

/** Payments not linked to a bank movement, recorded near the given movements' dates. */
export async function unlinkedPaymentsNear(
  db: CuentasDatabase,
  movements: readonly Pick<BankMovementRecord, 'date' | 'valueDate'>[],
): Promise<RecordedPayment[]> {
  const dates = movements.flatMap((movement) => [movement.date, movement.valueDate]).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (first === undefined || last === undefined) return [];
  return db.transaction('r', [db.payments, db.bankMovements, db.clients], async () => {
    const linked = new Set(
      (await db.bankMovements.orderBy('paymentId').uniqueKeys()).filter(
        (key): key is string => typeof key === 'string',
      ),
    );
    const payments = await db.payments
      .where('date')
      .between(addDays(first, -LINK_WINDOW_DAYS), addDays(last, LINK_WINDOW_DAYS), true, true)
      .filter((payment) => !linked.has(payment.id))
      .toArray();
    const clientIds = [...new Set(payments.map((payment) => payment.clientId))];
    const clients = new Map(
      (await db.clients.bulkGet(clientIds)).flatMap((client) =>
        client ? [[client.id, client]] : [],
      ),
    );
    return payments.flatMap((payment) => {
      const client = clients.get(payment.clientId);
      if (!client) return [];
      return [
        {
          paymentId: payment.id,
          clientId: client.id,
          clientName: client.name,
          clientTaxId: client.taxId,
          date: payment.date,
          amountCents: payment.amountCents,
        },
      ];
    });
  });
}

export interface MovementWithSuggestions {
  movement: BankMovementRecord;
  suggestions: MatchSuggestion[];
}

/** What reconciling the unmatched credits needs: the movements newest first, and the index. */
export interface ReconciliationInputs {
  movements: BankMovementRecord[];
  index: MatchIndex;
}

/**
 * Reads the unmatched credits, the open items and the payments recorded near them, and indexes
 * the items and payments once for the whole statement.
 */
export async function reconciliationInputs(db: CuentasDatabase): Promise<ReconciliationInputs> {
  const movements = await db.bankMovements.where('status').equals('unmatched').toArray();
  const items = await loadOpenItems(db);
  const recorded = await unlinkedPaymentsNear(db, movements);
  return {
    movements: movements.sort((a, b) => b.date.localeCompare(a.date)),
    index: buildMatchIndex(items, [], recorded),
  };
}

/** Movements per slice: a slice takes a few milliseconds, so the screen keeps responding. */
export const SUGGESTION_SLICE = 50;

/** Lets the browser paint and handle input between slices (a task, not a microtask). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The suggestions for every movement, computed in slices that yield to the event loop; after each
 * slice `onSlice` gets the rows ready so far (newest first) and the total, so the first ones show
 * before the last are computed. Stops early (and returns what it has) when `cancel.cancelled`.
 */
export async function suggestInSlices(
  inputs: ReconciliationInputs,
  onSlice: (ready: MovementWithSuggestions[], total: number) => void = () => undefined,
  cancel: { cancelled: boolean } = { cancelled: false },
  slice = SUGGESTION_SLICE,
): Promise<MovementWithSuggestions[]> {
  const ready: MovementWithSuggestions[] = [];
  const total = inputs.movements.length;
  if (total === 0) onSlice([], 0);
  for (let start = 0; start < total; start += slice) {
    if (cancel.cancelled) return ready;
    for (const movement of inputs.movements.slice(start, start + slice)) {
      ready.push({ movement, suggestions: suggestMatchesIndexed(inputs.index, movement) });
    }
    onSlice([...ready], total);
    if (start + slice < total) await nextTask();
  }
  return ready;
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
