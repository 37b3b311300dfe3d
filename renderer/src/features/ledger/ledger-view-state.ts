// A ledger view: filters, sort and columns, as saved in savedViews and as the built-in views.
import type { ColumnOrderState, SortingState, VisibilityState } from '@tanstack/react-table';
import { EMPTY_FILTER, type LedgerFilter } from '../../../../shared/domain/ledger-filter';
import type { MessageKey } from '../../i18n';

export interface LedgerViewState {
  filter: LedgerFilter;
  sorting: SortingState;
  columnOrder: ColumnOrderState;
  columnVisibility: VisibilityState;
}

/** A stored view's state, or null when it is not one this version understands. */
export function readViewState(state: unknown): LedgerViewState | null {
  if (typeof state !== 'object' || state === null) return null;
  const candidate = state as Partial<LedgerViewState>;
  if (typeof candidate.filter !== 'object' || candidate.filter === null) return null;
  return {
    // Filters added in later versions start empty in older views.
    filter: { ...EMPTY_FILTER, ...candidate.filter },
    sorting: Array.isArray(candidate.sorting) ? candidate.sorting : [],
    columnOrder: Array.isArray(candidate.columnOrder) ? candidate.columnOrder : [],
    columnVisibility:
      typeof candidate.columnVisibility === 'object' && candidate.columnVisibility !== null
        ? candidate.columnVisibility
        : {},
  };
}

export interface BuiltInView {
  id: string;
  name: MessageKey;
  /** Built from today so "this month" is always the current one. */
  build: (today: string) => Pick<LedgerViewState, 'filter' | 'sorting'>;
}

export const BUILT_IN_VIEWS: readonly BuiltInView[] = [
  {
    id: 'builtin-overdue60',
    name: 'ledger.views.overdue60',
    build: () => ({
      filter: { ...EMPTY_FILTER, buckets: ['d61_90', 'd90_plus'] },
      sorting: [{ id: 'daysOverdue', desc: true }],
    }),
  },
  {
    id: 'builtin-not-contacted',
    name: 'ledger.views.notContacted',
    build: (today) => ({
      filter: { ...EMPTY_FILTER, statuses: ['open'], notContactedSince: `${today.slice(0, 8)}01` },
      sorting: [{ id: 'outstanding', desc: true }],
    }),
  },
];
