// The Panel's joined collections and day columns of one revision of the ledger, made client by
// client: a write makes a new revision in which every other client's rows are the same objects
// (ledger-mirror.ts), so only the written client's part is derived again and the rest is copied.
import type { InvoiceCollections } from '../../../shared/domain/invoice-collections';
import { ledgerDayColumns, type LedgerDayColumns } from '../../../shared/domain/ledger-day-columns';
import { concatDayColumns, type ColumnRange } from '../../../shared/domain/day-columns-concat';
import {
  mirroredMoney,
  type LedgerMirror,
  type MirroredInvoices,
  type MirroredMoney,
} from './ledger-mirror';
import { joinRows, type DecodedRows } from './panel-join';

/**
 * What one client's rows (its invoices and its money, either may be absent) give the Panel: its
 * part of the columns, where it now lies. A piece with strays is never copied: its allocations
 * belong to another client's invoice (or a payment elsewhere), which only the whole join finds.
 */
interface ClientPiece {
  readonly invoices: MirroredInvoices | undefined;
  readonly money: MirroredMoney | undefined;
  readonly strays: boolean;
  /** The columns holding its rows: the whole join it came from, or its own. */
  columns: LedgerDayColumns;
  rowFrom: number;
  rowTo: number;
  paymentFrom: number;
  paymentTo: number;
}

/** By the client's invoices entry (its money entry when it has none). */
const pieces = new WeakMap<object, ClientPiece>();

/** Derived alone when fewer than this share of the clients were written; else the whole at once. */
const MOST_CLIENTS = 0.25;

/** A revision's collections and day columns, aligned with its invoices in key order. */
export interface PanelJoin {
  collections: InvoiceCollections;
  dayColumns: LedgerDayColumns;
}

/** `mirror`'s rows as joinHistories reads them. */
function rowsOf(
  invoices: ReadonlyMap<string, MirroredInvoices>,
  money: ReadonlyMap<string, MirroredMoney>,
): DecodedRows {
  return {
    invoiceRows: [...invoices].map(([clientId, entry]) => ({ clientId, invoices: entry.invoices })),
    moneyRows: [...money].map(([owner, entry]) => ({ owner, ...entry })),
  };
}

/** The join of `rows` and its columns (the collections sorted by day in place). */
function joinWithColumns(rows: DecodedRows): { join: PanelJoin; strayCount: number } {
  const { model, collections, paymentDays, strayCount } = joinRows(rows);
  const dayColumns = ledgerDayColumns(model.invoices, collections, model.payments, paymentDays);
  return { join: { collections, dayColumns }, strayCount };
}

/** The kept piece of these rows, if it was made from these very objects. */
function keptPiece(
  invoices: MirroredInvoices | undefined,
  money: MirroredMoney | undefined,
): ClientPiece | undefined {
  const piece = pieces.get((invoices ?? money) as object);
  return piece && piece.invoices === invoices && piece.money === money ? piece : undefined;
}

/** A piece of these rows lying in `columns` (one shape for every piece: they are placed by the 100,000). */
function newPiece(
  invoices: MirroredInvoices | undefined,
  money: MirroredMoney | undefined,
  strays: boolean,
  columns: LedgerDayColumns,
): ClientPiece {
  const piece: ClientPiece = {
    invoices,
    money,
    strays,
    columns,
    rowFrom: 0,
    rowTo: columns.count,
    paymentFrom: 0,
    paymentTo: columns.paymentDays.length,
  };
  pieces.set((invoices ?? money) as object, piece);
  return piece;
}

/** One client's piece, derived from its rows alone. */
function pieceOf(
  clientId: string,
  invoices: MirroredInvoices | undefined,
  money: MirroredMoney | undefined,
): ClientPiece {
  const { join, strayCount } = joinWithColumns({
    invoiceRows: invoices ? [{ clientId, invoices: invoices.invoices }] : [],
    moneyRows: money ? [{ owner: clientId, ...money }] : [],
  });
  return newPiece(invoices, money, strayCount > 0, join.dayColumns);
}

/**
 * A piece of each client lying in `columns`, joined whole from the clients of `invoices` then of
 * `money` one after another: the next revisions copy from these.
 */
function placePieces(
  invoices: ReadonlyMap<string, MirroredInvoices>,
  money: ReadonlyMap<string, MirroredMoney>,
  columns: LedgerDayColumns,
): void {
  const rows = rangesOf(invoices, (entry) => entry.invoices.length);
  const paid = rangesOf(money, (entry) => entry.payments.length);
  for (const clientId of new Set([...invoices.keys(), ...money.keys()])) {
    const piece = newPiece(invoices.get(clientId), money.get(clientId), false, columns);
    [piece.rowFrom, piece.rowTo] = rows.get(clientId) ?? [0, 0];
    [piece.paymentFrom, piece.paymentTo] = paid.get(clientId) ?? [0, 0];
  }
}

/** Each client's [from, to) when the entries' rows (`lengthOf` each) lie one after another. */
function rangesOf<T>(
  entries: ReadonlyMap<string, T>,
  lengthOf: (entry: T) => number,
): Map<string, [number, number]> {
  const ranges = new Map<string, [number, number]>();
  let at = 0;
  for (const [clientId, entry] of entries) {
    const from = at;
    at += lengthOf(entry);
    ranges.set(clientId, [from, at]);
  }
  return ranges;
}

/**
 * The Panel's collections and day columns of `mirror` (read with its money), equal to joining its
 * rows whole (joinHistories, then ledgerDayColumns). The clients written since the last revision derived are derived alone and the others'
 * columns copied; the whole is joined at once the first time, when most clients changed, or when
 * an allocation lies outside its client's rows.
 */
export function panelJoinOf(mirror: LedgerMirror): PanelJoin {
  const invoices = mirror.invoices;
  const money = mirroredMoney(mirror);
  const byClient = new Map<string, ClientPiece>();
  const missing: string[] = [];
  const look = (clientId: string) => {
    const piece = keptPiece(invoices.get(clientId), money.get(clientId));
    if (piece) byClient.set(clientId, piece);
    else missing.push(clientId);
  };
  for (const clientId of invoices.keys()) look(clientId);
  for (const clientId of money.keys()) if (!invoices.has(clientId)) look(clientId);
  const clientCount = byClient.size + missing.length;
  if (missing.length > clientCount * MOST_CLIENTS) return wholeJoin(invoices, money);
  for (const clientId of missing) {
    byClient.set(clientId, pieceOf(clientId, invoices.get(clientId), money.get(clientId)));
  }
  for (const piece of byClient.values()) if (piece.strays) return wholeJoin(invoices, money, false);
  const rowRanges: ColumnRange[] = [];
  for (const clientId of invoices.keys()) {
    const piece = byClient.get(clientId) as ClientPiece;
    rowRanges.push({ columns: piece.columns, from: piece.rowFrom, to: piece.rowTo });
  }
  const paymentRanges: ColumnRange[] = [];
  for (const clientId of money.keys()) {
    const piece = byClient.get(clientId) as ClientPiece;
    paymentRanges.push({ columns: piece.columns, from: piece.paymentFrom, to: piece.paymentTo });
  }
  // The kept pieces stay where they lie (mostly one run of the last whole join): placing 100,000s
  // of them again would cost more than the copy.
  const dayColumns = concatDayColumns(rowRanges, paymentRanges);
  return { collections: dayColumns.collections, dayColumns };
}

/** The whole joined at once; its pieces kept for the next revision unless strays forbid. */
function wholeJoin(
  invoices: ReadonlyMap<string, MirroredInvoices>,
  money: ReadonlyMap<string, MirroredMoney>,
  keepPieces = true,
): PanelJoin {
  const { join, strayCount } = joinWithColumns(rowsOf(invoices, money));
  if (keepPieces && strayCount === 0) placePieces(invoices, money, join.dayColumns);
  return join;
}

/** Clients joined together per step of warmPanelPieces: a step at 1.000.000 invoices takes about 0,1 s. */
const WARM_RANGE_CLIENTS = 1_000;

/**
 * Makes ahead the pieces of `mirror`'s clients that have none, `rangeClients` clients (in key
 * order) joined at a time, awaiting `between()` after each range: no step holds the page long
 * (the whole join at once is 5 s at 1.000.000 invoices), and panelJoinOf then copies the pieces
 * (neighbouring ranges copy as one run). A range whose allocations reach outside it keeps none:
 * the whole join finds those.
 */
export async function warmPanelPieces(
  mirror: LedgerMirror,
  between: () => Promise<void>,
  rangeClients = WARM_RANGE_CLIENTS,
): Promise<void> {
  const invoices = mirror.invoices;
  const money = mirroredMoney(mirror);
  const clientIds = [...new Set([...invoices.keys(), ...money.keys()])].sort();
  for (let from = 0; from < clientIds.length; from += rangeClients) {
    const rangeInvoices = new Map<string, MirroredInvoices>();
    const rangeMoney = new Map<string, MirroredMoney>();
    for (const clientId of clientIds.slice(from, from + rangeClients)) {
      const [ownInvoices, ownMoney] = [invoices.get(clientId), money.get(clientId)];
      if (keptPiece(ownInvoices, ownMoney)) continue;
      if (ownInvoices) rangeInvoices.set(clientId, ownInvoices);
      if (ownMoney) rangeMoney.set(clientId, ownMoney);
    }
    if (rangeInvoices.size + rangeMoney.size === 0) continue;
    const { join, strayCount } = joinWithColumns(rowsOf(rangeInvoices, rangeMoney));
    if (strayCount === 0) placePieces(rangeInvoices, rangeMoney, join.dayColumns);
    await between();
  }
}

/** The piece kept for a client's rows in `mirror`, if any (tests see which were made again). */
export function clientPieceOf(mirror: LedgerMirror, clientId: string): object | undefined {
  return keptPiece(mirror.invoices.get(clientId), mirror.money?.get(clientId));
}
