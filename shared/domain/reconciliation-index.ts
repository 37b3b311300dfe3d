// Reconciliation at scale: the open items and recorded payments indexed once per statement, so
// each movement looks up its candidate clients (by exact amount, invoice or plan number, tax id,
// name words) instead of reading every client against its text. Same suggestions as suggestMatches.
import type { Cents } from './money';
import type { CalendarDate } from './dates';
import type {
  ClientGroup,
  MatchSuggestion,
  MovementToMatch,
  OpenItem,
  SearchableText,
} from './reconciliation';
import {
  LEGAL_FORMS,
  byDueDate,
  clientSuggestions,
  groupByClient,
  mentionsNumber,
  normalize,
  rankSuggestions,
  searchableText,
} from './reconciliation';
import type { RecordedPayment, RecordedPaymentsByAmount } from './reconciliation-links';
import { byAmount, withLinks } from './reconciliation-links';

/** A client's name and tax id, when the caller has them apart from the open items. */
export interface MatchClient {
  id: string;
  name: string;
  taxId: string;
}

/** Strings found inside a movement's compact text: looked up by every length they come in. */
interface SubstringIndex<T> {
  map: Map<string, T[]>;
  lengths: number[];
}

interface IndexedClient {
  /** Position of the client's first item in the ledger: results keep that order among ties. */
  order: number;
  group: ClientGroup;
}

export interface MatchIndex {
  clients: IndexedClient[];
  /** Clients with an item owing exactly this amount. */
  byAmount: Map<Cents, number[]>;
  /** Invoices by their number without separators (three characters or more). */
  invoiceNumbers: SubstringIndex<{ client: number; item: OpenItem }>;
  /** Clients by their plans' references and plan invoices' numbers, without separators. */
  planNumbers: SubstringIndex<number>;
  /** Clients by tax id without separators. */
  taxIds: SubstringIndex<number>;
  /** Clients whose tax id reads as nothing: mentioned by any text, as mentionsTaxId has it. */
  emptyTaxIds: number[];
  /** Clients by each significant word of their name, with how many times the name has it. */
  nameWords: Map<string, { client: number; times: number }[]>;
  /** Significant words of each client's name (repeats counted), by client. */
  nameWordCounts: number[];
  recorded: RecordedPaymentsByAmount;
}

function compactOf(text: string): string {
  return normalize(text).replace(/ /g, '');
}

function addTo<T>(index: SubstringIndex<T>, key: string, value: T): void {
  const list = index.map.get(key);
  if (list) list.push(value);
  else index.map.set(key, [value]);
  if (!index.lengths.includes(key.length)) index.lengths.push(key.length);
}

/** Every indexed string that occurs in the compact text (a superset of what mentionsNumber finds). */
function lookup<T>(index: SubstringIndex<T>, compact: string, found: (value: T) => void): void {
  for (const length of index.lengths) {
    const seen = new Set<string>();
    for (let start = 0; start + length <= compact.length; start += 1) {
      const piece = compact.slice(start, start + length);
      if (seen.has(piece)) continue;
      seen.add(piece);
      const values = index.map.get(piece);
      if (values) for (const value of values) found(value);
    }
  }
}

function significantWords(name: string): string[] {
  return normalize(name)
    .split(' ')
    .filter((word) => word.length >= 3 && !LEGAL_FORMS.has(word));
}

/**
 * Indexes the open items (and the payments recorded but not linked yet) once for a statement.
 * `clients` gives the names and tax ids to read movements against; without it (or for a client
 * it lacks) the first open item's are used, as suggestMatches does.
 */
export function buildMatchIndex(
  openItems: readonly OpenItem[],
  clients: readonly MatchClient[] = [],
  recordedPayments: readonly RecordedPayment[] = [],
): MatchIndex {
  const known = new Map(clients.map((client) => [client.id, client]));
  const index: MatchIndex = {
    clients: [],
    byAmount: new Map(),
    invoiceNumbers: { map: new Map(), lengths: [] },
    planNumbers: { map: new Map(), lengths: [] },
    taxIds: { map: new Map(), lengths: [] },
    emptyTaxIds: [],
    nameWords: new Map(),
    nameWordCounts: [],
    recorded: byAmount(recordedPayments),
  };
  for (const items of groupByClient(openItems).values()) {
    const first = items[0];
    if (!first) continue;
    const client = known.get(first.clientId);
    const position = index.clients.length;
    const group: ClientGroup = {
      items,
      ordered: byDueDate(items),
      name: client?.name ?? first.clientName,
      taxId: client?.taxId ?? first.clientTaxId,
    };
    index.clients.push({ order: position, group });

    const amounts = new Set(items.map((item) => item.outstandingCents));
    for (const amount of amounts) {
      const list = index.byAmount.get(amount);
      if (list) list.push(position);
      else index.byAmount.set(amount, [position]);
    }
    const planKeys = new Set<string>();
    for (const item of items) {
      if (item.kind === 'invoice') {
        const key = compactOf(item.label);
        if (key.length >= 3) addTo(index.invoiceNumbers, key, { client: position, item });
      }
      for (const number of [...(item.planInvoiceNumbers ?? []), item.planReference ?? '']) {
        const key = compactOf(number);
        if (key.length >= 3) planKeys.add(key);
      }
    }
    for (const key of planKeys) addTo(index.planNumbers, key, position);

    if (group.taxId.length >= 8) {
      const key = compactOf(group.taxId);
      if (key === '') index.emptyTaxIds.push(position);
      else addTo(index.taxIds, key, position);
    }
    const words = significantWords(group.name);
    index.nameWordCounts.push(words.length);
    const times = new Map<string, number>();
    for (const word of words) times.set(word, (times.get(word) ?? 0) + 1);
    for (const [word, count] of times) {
      const list = index.nameWords.get(word);
      const entry = { client: position, times: count };
      if (list) list.push(entry);
      else index.nameWords.set(word, [entry]);
    }
  }
  return index;
}

/**
 * The same index with other recorded payments: the open items' part (the costly one) is kept, so a
 * statement's index survives a payment recorded elsewhere or a new statement's dates.
 */
export function withRecordedPayments(
  index: MatchIndex,
  recordedPayments: readonly RecordedPayment[],
): MatchIndex {
  return { ...index, recorded: byAmount(recordedPayments) };
}

/** Clients the movement may concern, in ledger order, and the invoices whose number it names. */
function candidates(
  index: MatchIndex,
  text: SearchableText,
  amountCents: Cents,
): { clients: number[]; numbered: Set<OpenItem>; byTaxId: Set<number>; byName: Set<number> } {
  const chosen = new Set<number>(index.byAmount.get(amountCents) ?? []);
  const numbered = new Set<OpenItem>();
  lookup(index.invoiceNumbers, text.compact, ({ client, item }) => {
    if (numbered.has(item) || !mentionsNumber(text, item.label)) return;
    numbered.add(item);
    chosen.add(client);
  });
  lookup(index.planNumbers, text.compact, (client) => chosen.add(client));
  const byTaxId = new Set<number>(index.emptyTaxIds);
  lookup(index.taxIds, text.compact, (client) => byTaxId.add(client));
  for (const client of byTaxId) chosen.add(client);
  const byName = new Set<number>();
  // Name words: a client is named when most of its significant words are words of the text.
  const found = new Map<number, number>();
  for (const word of new Set(text.spaced.trim().split(' '))) {
    for (const { client, times } of index.nameWords.get(word) ?? []) {
      found.set(client, (found.get(client) ?? 0) + times);
    }
  }
  for (const [client, count] of found) {
    const words = index.nameWordCounts[client] ?? 0;
    if (count >= Math.min(2, words) && count / words >= 0.5) {
      byName.add(client);
      chosen.add(client);
    }
  }
  return { clients: [...chosen].sort((a, b) => a - b), numbered, byTaxId, byName };
}

/**
 * The movement's best suggestions, as withLinks(movement, suggestMatches(movement, items),
 * recorded) gives them: linking to a payment already recorded first, then what to record.
 */
export function suggestMatchesIndexed(
  index: MatchIndex,
  movement: MovementToMatch & { valueDate?: CalendarDate },
  limit = 5,
): MatchSuggestion[] {
  if (movement.amountCents <= 0) return [];
  const text = searchableText(movement);
  const { clients, numbered, byTaxId, byName } = candidates(index, text, movement.amountCents);
  const results: MatchSuggestion[] = [];
  for (const position of clients) {
    const client = index.clients[position];
    if (!client) continue;
    results.push(
      ...clientSuggestions(text, client.group, movement.amountCents, (item) => numbered.has(item), {
        taxId: byTaxId.has(position),
        name: byName.has(position),
      }),
    );
  }
  return withLinks(movement, rankSuggestions(results, limit), index.recorded, limit);
}
