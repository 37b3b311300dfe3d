// A client's invoices in the ledger mirror, built only as far as a screen asks: Hoy wants the open
// invoices, Clientes the receivables, the ledger and the Panel every one.
import {
  isInSelection,
  readStoredInvoices,
  storedInvoicesAddUp,
  type InvoiceSelection,
} from '../../../shared/domain/ledger-model-decode';
import type { CompactInvoice, StoredInvoiceRow } from '../../../shared/domain/ledger-read-model';
import type { MirroredInvoices } from './ledger-mirror';

/*
 * Why: at 1.000.000 invoices, building every invoice of the stored rows took 2,2 s (and most of a
 * 1,8 s garbage collection) before Hoy, the app's first screen, could show the open ones (about a
 * quarter of the sample's).
 * The row is checked when read (a row that does not add up still reads as absent, and the model is
 * rebuilt); what a selection builds is frozen and shared with every later selection of the row.
 */

type Part = Exclude<InvoiceSelection, 'all'>;

function built(invoices: CompactInvoice[]): readonly CompactInvoice[] {
  for (const invoice of invoices) {
    if (!Object.isFrozen(invoice)) {
      for (const due of invoice.dues) Object.freeze(due);
      Object.freeze(invoice.dues);
      Object.freeze(invoice);
    }
  }
  return Object.freeze(invoices);
}

class ClientInvoices implements MirroredInvoices {
  readonly invoiceCount: number;
  readonly creditCents: number;
  /** Kept until every invoice is built. */
  #row: StoredInvoiceRow | null;
  #all: readonly CompactInvoice[] | null = null;
  readonly #parts = new Map<Part, readonly CompactInvoice[]>();

  constructor(row: StoredInvoiceRow) {
    this.#row = row;
    this.invoiceCount = row.invoiceCount;
    this.creditCents = row.creditCents;
  }

  get invoices(): readonly CompactInvoice[] {
    if (!this.#all) {
      // The receivables hold the open invoices: reusing the larger part reuses both.
      const known = this.#parts.get('receivable') ?? this.#parts.get('open') ?? [];
      this.#all = built(this.#read('all', known));
      this.#row = null;
    }
    return this.#all;
  }

  part(selection: Part): readonly CompactInvoice[] {
    const known = this.#parts.get(selection);
    if (known) return known;
    const wider = this.#all ?? (selection === 'open' ? this.#parts.get('receivable') : undefined);
    const made = wider
      ? Object.freeze(wider.filter((invoice) => isInSelection(selection, invoice)))
      : built(this.#read(selection, this.#parts.get('open') ?? []));
    this.#parts.set(selection, made);
    return made;
  }

  #read(selection: InvoiceSelection, reuse: readonly CompactInvoice[]): CompactInvoice[] {
    const invoices = this.#row && readStoredInvoices(this.#row, selection, reuse);
    // The row was checked when it was read (clientInvoicesOf).
    if (!invoices) throw new Error('A ledger row checked on reading no longer reads');
    return invoices;
  }
}

/** The mirror's entry for a stored row, or null when the row does not add up. */
export function clientInvoicesOf(row: StoredInvoiceRow): MirroredInvoices | null {
  return storedInvoicesAddUp(row) ? new ClientInvoices(row) : null;
}

/** An entry's invoices of `selection`, in id order, frozen; built from the row only as needed. */
export function invoicesOf(
  entry: MirroredInvoices,
  selection: InvoiceSelection,
): readonly CompactInvoice[] {
  if (selection === 'all') return entry.invoices;
  if (entry instanceof ClientInvoices) return entry.part(selection);
  return Object.freeze(entry.invoices.filter((invoice) => isInSelection(selection, invoice)));
}

/** How many clients' invoices are built between two turns of the page (about 20.000 invoices). */
const CLIENTS_PER_SLICE = 1_000;

/**
 * Builds every invoice of `entries` ahead, a slice of clients at a time with `between` awaited
 * after each: the ledger and the Panel then open on built rows, and no keystroke waits for all.
 */
export async function buildInSlices(
  entries: Iterable<MirroredInvoices>,
  between: () => Promise<void>,
): Promise<void> {
  let inSlice = 0;
  for (const entry of entries) {
    void entry.invoices;
    inSlice += 1;
    if (inSlice === CLIENTS_PER_SLICE) {
      inSlice = 0;
      await between();
    }
  }
}
