// The Panel's figures kept for the data and day they came from: the same ledger on the same day gives
// the same figures, so a Panel opened again shows them without computing them again.
import type { CalendarDate } from '../../../../shared/domain/dates';
import type { DashboardInputs } from '../../db/ledger-queries';
import { computeDashboard, type DashboardFigures } from './dashboard-figures';

interface Kept {
  /**
   * The revision of the ledger the figures came from: a write to any table they read (invoices,
   * payments, clients, plans, installments, promises) makes a new one (ledger-read-model.ts).
   */
  revision: object;
  today: CalendarDate;
  figures: DashboardFigures;
}

let kept: Kept | null = null;

/**
 * computeDashboard(inputs, today), or the figures it gave for the same revision of the ledger and
 * day. The revision is the loader's day columns: one object per revision of the ledger's read model
 * (panel-histories.ts); inputs without them (no model in memory) are always computed. The figures
 * returned are shared: read them, never change them.
 */
export function dashboardFigures(inputs: DashboardInputs, today: CalendarDate): DashboardFigures {
  const revision = inputs.dayColumns;
  if (!revision || revision.count !== inputs.invoices.length) {
    return computeDashboard(inputs, today);
  }
  if (kept && kept.revision === revision && kept.today === today) return kept.figures;
  const figures = computeDashboard(inputs, today);
  kept = { revision, today, figures };
  return figures;
}
