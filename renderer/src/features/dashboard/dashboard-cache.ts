// The Panel's figures kept for the data and day they came from: the same ledger on the same day gives
// the same figures, so a Panel opened again shows them without computing them again.
import type { CalendarDate } from '../../../../shared/domain/dates';
import type { DashboardInputs } from '../../db/ledger-queries';
import { computeDashboard, type DashboardFigures } from './dashboard-figures';

interface Kept {
  /** The revision of the ledger (invoices, payments, allocations) the figures came from. */
  revision: object;
  today: CalendarDate;
  /** The plans, installments and promises, by value: they are not part of the revision. */
  facts: string;
  clients: DashboardInputs['clients'];
  figures: DashboardFigures;
}

let kept: Kept | null = null;

function factsKey(inputs: DashboardInputs): string {
  return JSON.stringify([inputs.facts, inputs.installments, inputs.promises]);
}

function sameClients(a: DashboardInputs['clients'], b: DashboardInputs['clients']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] as DashboardInputs['clients'][number];
    const y = b[i] as DashboardInputs['clients'][number];
    if (
      x.id !== y.id ||
      x.name !== y.name ||
      x.taxId !== y.taxId ||
      x.creditLimitCents !== y.creditLimitCents
    )
      return false;
  }
  return true;
}

/**
 * computeDashboard(inputs, today), or the figures it gave for the same revision of the ledger, day,
 * plans, installments, promises and clients. The revision is the loader's day columns: one object
 * per revision of the ledger's read model (panel-histories.ts); inputs without them (no model in
 * memory) are always computed. The figures returned are shared: read them, never change them.
 */
export function dashboardFigures(inputs: DashboardInputs, today: CalendarDate): DashboardFigures {
  const revision = inputs.dayColumns;
  if (!revision || revision.count !== inputs.invoices.length) {
    return computeDashboard(inputs, today);
  }
  const facts = factsKey(inputs);
  if (
    kept &&
    kept.revision === revision &&
    kept.today === today &&
    kept.facts === facts &&
    sameClients(kept.clients, inputs.clients)
  ) {
    return kept.figures;
  }
  const figures = computeDashboard(inputs, today);
  kept = { revision, today, facts, clients: inputs.clients, figures };
  return figures;
}
