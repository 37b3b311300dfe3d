// Open items packed for the trip to the suggestions worker: copying 25.000 small objects between
// threads costs hundreds of milliseconds on the sending thread, copying a few columns a few dozen.
import type { OpenItem } from './reconciliation';

export interface PackedOpenItems {
  /** Each client once: its id, name and tax id, by position. */
  clientIds: string[];
  clientNames: string[];
  clientTaxIds: string[];
  /** The plain invoices (nearly every item), column by column; `clientOf` points into the clients. */
  ids: string[];
  labels: string[];
  dueDates: string[];
  clientOf: Int32Array;
  amounts: Float64Array;
  /** Every other item (plan installments, say) whole, with its place in the list. */
  others: { at: number; item: OpenItem }[];
}

/** An invoice item with only the fields the open items' read gives it: it packs into columns. */
function isPlainInvoice(item: OpenItem): item is OpenItem & { dueDate: string } {
  return (
    item.kind === 'invoice' &&
    typeof item.dueDate === 'string' &&
    item.invoiceIds.length === 1 &&
    item.invoiceIds[0] === item.id &&
    item.planId === undefined &&
    item.planReference === undefined &&
    item.planInvoiceNumbers === undefined &&
    item.endToEndId === undefined
  );
}

export function packOpenItems(items: readonly OpenItem[]): PackedOpenItems {
  const clients = new Map<string, number>();
  const packed: PackedOpenItems = {
    clientIds: [],
    clientNames: [],
    clientTaxIds: [],
    ids: [],
    labels: [],
    dueDates: [],
    clientOf: new Int32Array(items.length),
    amounts: new Float64Array(items.length),
    others: [],
  };
  items.forEach((item, at) => {
    if (!isPlainInvoice(item)) {
      packed.others.push({ at, item });
      return;
    }
    let client = clients.get(item.clientId);
    if (client === undefined) {
      client = packed.clientIds.length;
      clients.set(item.clientId, client);
      packed.clientIds.push(item.clientId);
      packed.clientNames.push(item.clientName);
      packed.clientTaxIds.push(item.clientTaxId);
    } else if (
      packed.clientNames[client] !== item.clientName ||
      packed.clientTaxIds[client] !== item.clientTaxId
    ) {
      // One client, one name: an item naming its client otherwise travels whole.
      packed.others.push({ at, item });
      return;
    }
    const row = packed.ids.length;
    packed.ids.push(item.id);
    packed.labels.push(item.label);
    packed.dueDates.push(item.dueDate);
    packed.clientOf[row] = client;
    packed.amounts[row] = item.outstandingCents;
  });
  return packed;
}

/** The same items in the same order (a plain invoice's fields in the order the read gives them). */
export function unpackOpenItems(packed: PackedOpenItems): OpenItem[] {
  const total = packed.ids.length + packed.others.length;
  const items: OpenItem[] = [];
  let row = 0;
  let other = 0;
  for (let at = 0; at < total; at += 1) {
    const next = packed.others[other];
    if (next && next.at === at) {
      items.push(next.item);
      other += 1;
      continue;
    }
    const client = packed.clientOf[row] ?? 0;
    const id = packed.ids[row] ?? '';
    items.push({
      kind: 'invoice',
      id,
      clientId: packed.clientIds[client] ?? '',
      clientName: packed.clientNames[client] ?? '',
      clientTaxId: packed.clientTaxIds[client] ?? '',
      label: packed.labels[row] ?? '',
      invoiceIds: [id],
      outstandingCents: packed.amounts[row] ?? 0,
      dueDate: packed.dueDates[row] ?? '',
    });
    row += 1;
  }
  return items;
}
