import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import {
  confirmMatch,
  ignoreMovement,
  importStatements,
  ledgerOpenItems,
  reconciliationInputs,
  reconciliationList,
  unlinkedPaymentsNear,
  unmatchedCredits,
} from '../../../../renderer/src/db/statements-repo';
import { suggestMatchesIndexed } from '../../../../shared/domain/reconciliation-index';
import { createSuggester } from '../../../../renderer/src/db/statements/suggester';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { readBankStatement } from '../../../../shared/formats/bank-statement';
import { norma43File } from '../../shared/formats/norma43-fixture';
import { recordPayment } from '../../../../renderer/src/db/payments-repo';
import { clientInput, freshDb, invoiceInput, issueCodesOf, paymentInput } from './test-db';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

const bytes = (text: string) => new TextEncoder().encode(text);

const payment = {
  date: '260305',
  amountCents: 121_000,
  concept: 'TRANSF TALLERES GARCIA 2026-0001',
};
const fee = { date: '260306', amountCents: -300, concept: 'COMISION' };

describe('importStatements', () => {
  it('stores a statement once: the same file again books nothing', async () => {
    db = freshDb();
    const file = readBankStatement(bytes(norma43File([payment, fee])));
    expect(await importStatements(db, file, 'marzo.n43')).toEqual({
      statements: 1,
      added: 2,
      alreadyStored: 0,
    });
    expect(await issueCodesOf(importStatements(db, file, 'marzo.n43'))).toEqual([
      'statement_already_imported',
    ]);
    expect(await db.bankMovements.count()).toBe(2);
    expect(await db.bankStatements.count()).toBe(1);
  });

  it('keeps byte-identical movements of one file, and skips them in an overlapping file', async () => {
    db = freshDb();
    const twice = readBankStatement(bytes(norma43File([fee, fee])));
    expect((await importStatements(db, twice, 'a.n43')).added).toBe(2);
    const overlap = readBankStatement(bytes(norma43File([fee, fee, payment])));
    expect(await importStatements(db, overlap, 'b.n43')).toEqual({
      statements: 1,
      added: 1,
      alreadyStored: 2,
    });
    expect(await db.bankMovements.count()).toBe(3);
  });
});

describe('reconciliation', () => {
  it('suggests the invoice and books the confirmed match as a payment, once', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    const invoice = await createInvoice(db, invoiceInput(client.id));
    await importStatements(db, readBankStatement(bytes(norma43File([payment, fee]))), 'marzo.n43');
    const [entry, ...rest] = await reconciliationList(db);
    expect(rest).toEqual([]);
    const best = entry!.suggestions[0]!;
    expect(best.items.map((item) => item.id)).toEqual([invoice.id]);
    expect(best.reasons).toEqual(['amount_exact', 'number_in_text', 'name_in_text']);
    await confirmMatch(db, entry!.movement.id, {
      clientId: client.id,
      invoiceIds: [invoice.id],
    });
    const paid = await db.invoices.get(invoice.id);
    expect([paid?.paidCents, paid?.outstandingCents]).toEqual([121_000, 0]);
    const movement = await db.bankMovements.get(entry!.movement.id);
    expect(movement?.status).toBe('matched');
    expect((await db.payments.get(movement!.paymentId!))?.amountCents).toBe(121_000);
    await expect(
      confirmMatch(db, entry!.movement.id, {
        clientId: client.id,
        invoiceIds: [invoice.id],
      }),
    ).rejects.toThrow();
    expect(await db.payments.count()).toBe(1);
    expect(await reconciliationList(db)).toEqual([]);
  });

  it('keeps what exceeds the chosen invoices as the client credit', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    const invoice = await createInvoice(
      db,
      invoiceInput(client.id, {
        taxableBaseCents: 50_000,
        dues: [{ dueDate: '2026-02-14', amountCents: 60_500 }],
      }),
    );
    await importStatements(db, readBankStatement(bytes(norma43File([payment]))), 'm.n43');
    const [entry] = await reconciliationList(db);
    await confirmMatch(db, entry!.movement.id, {
      clientId: client.id,
      invoiceIds: [invoice.id],
    });
    const [stored] = await db.payments.toArray();
    expect(stored?.unallocatedCents).toBe(121_000 - 60_500);
  });
});

describe('suggesting on this thread (no Worker, as in unit tests)', () => {
  it('hands over the rows batch by batch, newest first, as reconciliationList gives them', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id));
    const credits = Array.from({ length: 7 }, (_, k) => ({
      ...payment,
      date: `2603${String(10 + k)}`,
      concept: `TRANSF ${k}`,
    }));
    await importStatements(db, readBankStatement(bytes(norma43File([...credits, fee]))), 'a.n43');
    const movements = await unmatchedCredits(db);
    const suggester = createSuggester();
    expect(suggester.engine()).toBe('main');
    await suggester.setLedger(await ledgerOpenItems(db));
    suggester.setRecorded(await unlinkedPaymentsNear(db, movements));
    const seen: [number, number][] = [];
    const { rows, complete } = await suggester.suggest(
      movements,
      (ready, total) => seen.push([ready.length, total]),
      3,
    ).done;
    expect(complete).toBe(true);
    expect(seen).toEqual([
      [3, 7],
      [6, 7],
      [7, 7],
    ]);
    expect(rows).toEqual(await reconciliationList(db));
    expect(rows.map((row) => row.movement.date)).toEqual(
      [...rows.map((row) => row.movement.date)].sort().reverse(),
    );
    expect(rows[0]?.suggestions[0]?.reasons).toEqual(['amount_exact']);
  });

  it('stops between batches when cancelled, and reports an empty list at once', async () => {
    db = freshDb();
    const credits = Array.from({ length: 5 }, (_, k) => ({ ...payment, concept: `T ${k}` }));
    await importStatements(db, readBankStatement(bytes(norma43File(credits))), 'b.n43');
    const movements = await unmatchedCredits(db);
    const suggester = createSuggester();
    await suggester.setLedger(await ledgerOpenItems(db));
    const calls: number[] = [];
    const run = suggester.suggest(
      movements,
      (ready) => {
        calls.push(ready.length);
        run.cancel();
      },
      2,
    );
    const { rows, complete } = await run.done;
    expect(complete).toBe(false);
    expect(rows).toHaveLength(2);
    expect(calls).toEqual([2]);
    const empty: number[] = [];
    await suggester.suggest([], (_, total) => empty.push(total)).done;
    expect(empty).toEqual([0]);
  });
});

/** Emissions of a live query, and a way to wait until it has given `count` of them. */
function watch<T>(query: () => Promise<T>) {
  const seen: T[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  const subscription = liveQuery(query).subscribe({
    next: (value) => {
      seen.push(value);
      for (const wait of waiting) if (seen.length >= wait.count) wait.resolve();
    },
  });
  const until = (count: number) =>
    new Promise<void>((resolve) => {
      if (seen.length >= count) resolve();
      else waiting.push({ count, resolve });
    });
  return { seen, until, stop: () => subscription.unsubscribe() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('the statement screen keeps its index while the ledger stands still', () => {
  it('reads the open items again only after a payment, not when a movement is ignored or a statement arrives', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id, { number: '2026-0001' }));
    await importStatements(db, readBankStatement(bytes(norma43File([payment]))), 'a.n43');
    const items = watch(() => ledgerOpenItems(db));
    await items.until(1);

    const [credit] = await unmatchedCredits(db);
    await ignoreMovement(db, credit!.id);
    const more = { ...payment, date: '260320', concept: 'TRANSF TALLERES GARCIA' };
    await importStatements(db, readBankStatement(bytes(norma43File([more]))), 'b.n43');
    await settle();
    expect(items.seen).toHaveLength(1);

    const [next] = await unmatchedCredits(db);
    await confirmMatch(db, next!.id, {
      clientId: client.id,
      invoiceIds: items.seen[0]!.map((item) => item.id),
    });
    await items.until(2);
    expect(items.seen[1]).toEqual([]);
    items.stop();
  });

  it('matches as reconciliationInputs does once the recorded payments are added', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id, { number: '2026-0001' }));
    await createInvoice(db, invoiceInput(client.id, { number: '2026-0002' }));
    // Typed by hand two days before the bank booked it: the first suggestion links to it.
    await recordPayment(
      db,
      paymentInput(client.id, { date: '2026-03-03', amountCents: payment.amountCents }),
    );
    await importStatements(db, readBankStatement(bytes(norma43File([payment]))), 'a.n43');
    const movements = await unmatchedCredits(db);
    const suggester = createSuggester();
    await suggester.setLedger(await ledgerOpenItems(db));
    suggester.setRecorded(await unlinkedPaymentsNear(db, movements));
    const { rows } = await suggester.suggest(movements).done;
    const whole = await reconciliationInputs(db);
    expect(rows[0]?.suggestions[0]?.link).toBeDefined();
    expect(rows.map((row) => row.suggestions)).toEqual(
      whole.movements.map((movement) => suggestMatchesIndexed(whole.index, movement)),
    );
  });

  it("computes a movement's suggestions once per ledger and payments", async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id));
    await importStatements(db, readBankStatement(bytes(norma43File([payment]))), 'a.n43');
    const movements = await unmatchedCredits(db);
    const items = await ledgerOpenItems(db);
    const suggester = createSuggester();
    await suggester.setLedger(items);
    suggester.setRecorded([]);
    const first = (await suggester.suggest(movements).done).rows[0]!.suggestions;
    expect(first[0]?.reasons).toEqual(['amount_exact', 'number_in_text', 'name_in_text']);
    // The same payments again (a live query rerun) keep what was computed.
    suggester.setRecorded([]);
    const again = (await suggester.suggest([{ ...movements[0]! }]).done).rows[0]!.suggestions;
    expect(again).toBe(first);
    await suggester.setLedger(items);
    const fresh = (await suggester.suggest(movements).done).rows[0]!.suggestions;
    expect(fresh).not.toBe(first);
    expect(fresh).toEqual(first);
  });
});
