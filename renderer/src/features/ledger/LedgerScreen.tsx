// The ledger: every invoice, found in a keystroke, filtered, sorted, totalled and exported.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  getCoreRowModel,
  useReactTable,
  type ColumnOrderState,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import {
  hasKeptLedger,
  loadLedger,
  loadLedgerFirstPage,
  type LedgerRow,
} from '../../db/ledger-queries';
import { EmptyState } from '../../components/EmptyState';
import { navigate } from '../../app/router';
import { useToday } from '../../app/use-today';
import { useFormat } from '../../app/use-format';
import {
  EMPTY_FILTER,
  isEmptyFilter,
  ledgerTotals,
  narrows,
  type LedgerFilter,
} from '../../../../shared/domain/ledger-filter';
import {
  orderSelection,
  selectRows,
  type LedgerIndex,
} from '../../../../shared/domain/ledger-index';
import {
  HIDDEN_BY_DEFAULT,
  LEDGER_COLUMNS,
  sortOrder,
  sortRows,
  toColumnDefs,
} from './ledger-columns';
import type { LedgerColumn } from './ledger-columns';
import { LedgerTable, type RowList } from './LedgerTable';
import { LedgerFilters } from './LedgerFilters';
import { SavedViews } from './SavedViews';
import { ColumnsMenu } from './ColumnsMenu';
import { exportLedger } from './ledger-export';
import type { LedgerViewState } from './ledger-view-state';
import { ledgerIndexOf } from './ledger-index-cache';
import { reportAllRows, reportFirstRows, useReadyMark } from './bench-marks';
import './ledger.css';

const COLUMN_DEFS = toColumnDefs(LEDGER_COLUMNS);
const NO_ROWS: LedgerRow[] = [];
const FIRST_PAGE = 60;
const byId = new Map(LEDGER_COLUMNS.map((column) => [column.id, column]));

export function LedgerScreen() {
  const t = useT();
  const today = useToday();
  const { money, date, count } = useFormat();
  const openDialog = useUiStore((state) => state.openDialog);
  const showToast = useUiStore((state) => state.showToast);
  const filter = useUiStore((state) => state.ledgerFilter);
  const setFilter = useUiStore((state) => state.setLedgerFilter);
  // A screenful from the due-date index shows at once; the whole ledger is read only after it,
  // because IndexedDB would answer the small read behind the large one. A ledger kept from an
  // earlier visit (the model in memory) needs only small reads: it is asked for at once.
  const [kept] = useState(() => hasKeptLedger(getDb()));
  const firstPage = useLiveQuery(() => loadLedgerFirstPage(getDb(), today, FIRST_PAGE), [today]);
  const readWhole = kept || firstPage !== undefined;
  const full = useLiveQuery(
    () => (readWhole ? loadLedger(getDb(), today) : undefined),
    [today, readWhole],
  );
  const data = full ?? (firstPage && firstPage.rows.length > 0 ? firstPage : undefined);
  const partial = full === undefined;
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnOrder, setColumnOrder] = useState<ColumnOrderState>([]);
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>(HIDDEN_BY_DEFAULT);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [exporting, setExporting] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table returns fresh functions by design; this component is not memoized by the compiler.
  const table = useReactTable({
    data: NO_ROWS,
    columns: COLUMN_DEFS,
    state: { sorting, columnOrder, columnVisibility },
    onSortingChange: setSorting,
    onColumnOrderChange: setColumnOrder,
    onColumnVisibilityChange: setColumnVisibility,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableMultiSort: false,
  });

  const allRows = data?.rows ?? NO_ROWS;
  // Every invoice as columns (ledger-index.ts), once per load of new rows (kept across visits):
  // searches and filters read those.
  const index = useMemo(() => (partial ? null : ledgerIndexOf(allRows)), [allRows, partial]);
  // While someone types, each keystroke narrows the previous result instead of the whole ledger.
  const previous = useRef<{
    index: LedgerIndex<LedgerRow>;
    filter: LedgerFilter;
    positions: Int32Array;
  }>(null);
  // The kept rows' positions in the index (null: every row), and their totals.
  const selection = useMemo(() => {
    if (index === null || isEmptyFilter(filter)) return { positions: null, totals: index?.totals };
    const last = previous.current;
    const within =
      last && last.index === index && narrows(last.filter, filter) ? last.positions : null;
    const { positions, totals } = selectRows(index, filter, within);
    previous.current = { index, filter, positions };
    return { positions, totals };
  }, [index, filter]);
  // The whole ledger's order for the chosen sort, once per sort and load; a keystroke only picks
  // its rows out of it.
  const order = useMemo(
    () => (index === null ? null : sortOrder(index.rows, sorting)),
    [index, sorting],
  );
  const rows: RowList = useMemo(() => {
    // Only the first page so far: the rows as loaded, sorted in place.
    if (index === null) return sortRows(allRows, sorting);
    const { positions } = selection;
    const shown =
      order === null
        ? positions
        : positions === null
          ? order.order
          : orderSelection(order, positions);
    if (shown === null) return allRows;
    const loaded = index.rows;
    return {
      length: shown.length,
      at: (k) => (k >= 0 && k < shown.length ? loaded[shown[k] as number] : undefined),
    };
  }, [allRows, index, selection, order, sorting]);
  const totals = useMemo(
    () => selection.totals ?? ledgerTotals(allRows),
    [selection.totals, allRows],
  );
  const [seenRows, setSeenRows] = useState(rows);
  if (seenRows !== rows) {
    setSeenRows(rows);
    setActiveIndex(-1);
  }
  const openClient = useCallback(
    (row: LedgerRow) => navigate({ screen: 'client', clientId: row.clientId }),
    [],
  );
  useReadyMark('ledger', full !== undefined);
  useEffect(() => {
    if (rows.length > 0) reportFirstRows();
    if (full) reportAllRows();
  }, [rows, full]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (event.key === '/' && !typing && !document.querySelector('dialog[open]')) {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const visibleColumns = table
    .getVisibleLeafColumns()
    .map((column) => byId.get(column.id))
    .filter((column): column is LedgerColumn => column !== undefined);
  const viewState: LedgerViewState = { filter, sorting, columnOrder, columnVisibility };
  const applyView = (view: Partial<LedgerViewState>) => {
    if (view.filter) setFilter(view.filter);
    if (view.sorting) setSorting(view.sorting);
    if (view.columnOrder) setColumnOrder(view.columnOrder);
    if (view.columnVisibility) setColumnVisibility(view.columnVisibility);
  };
  const runExport = async (kind: 'csv' | 'xlsx') => {
    setExporting(true);
    try {
      const shown: LedgerRow[] = [];
      for (let k = 0; k < rows.length; k += 1) {
        const row = rows.at(k);
        if (row) shown.push(row);
      }
      const saved = await exportLedger(kind, shown, visibleColumns, { t, money, date }, today);
      if (saved) {
        showToast({
          tone: 'success',
          message: t('ledger.export.done', { count: count(rows.length) }),
        });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      showToast({ tone: 'error', message: t('ledger.export.failed', { message }) });
    } finally {
      setExporting(false);
    }
  };

  const newInvoice = (
    <button
      type="button"
      className="button button--primary"
      onClick={() => openDialog({ kind: 'invoice', clientId: null })}
    >
      {t('invoices.new')}
    </button>
  );

  if (data === undefined) return <p role="status">{t('common.loading')}</p>;

  return (
    <section
      className="screen screen--full ledger-screen"
      aria-labelledby="ledger-title"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || document.querySelector('dialog[open]')) return;
        // Esc empties the search first, then every other filter.
        if (filter.search !== '') setFilter({ ...filter, search: '' });
        else setFilter(EMPTY_FILTER);
      }}
    >
      <header className="screen__header">
        <h1 id="ledger-title">{t('invoices.title')}</h1>
        <div className="toolbar">
          {data.rows.length > 0 && (
            <button
              type="button"
              className="button"
              onClick={() => openDialog({ kind: 'payment', clientId: null })}
            >
              {t('payments.new')}
            </button>
          )}
          {data.clients.length > 0 && newInvoice}
        </div>
      </header>
      {data.rows.length === 0 ? (
        <EmptyState
          title={t('invoices.empty.title')}
          body={t('invoices.empty.body')}
          action={
            data.clients.length === 0 ? (
              <button
                type="button"
                className="button button--primary"
                onClick={() => openDialog({ kind: 'client', clientId: null })}
              >
                {t('invoices.empty.noClients')}
              </button>
            ) : (
              newInvoice
            )
          }
        />
      ) : (
        <>
          <fieldset className="ledger-fieldset" disabled={partial}>
            <legend className="visually-hidden">{t('ledger.filters')}</legend>
            <LedgerFilters
              filter={filter}
              onChange={setFilter}
              clients={data.clients}
              searchRef={searchRef}
              clear={
                isEmptyFilter(filter) ? null : (
                  <button type="button" className="button" onClick={() => setFilter(EMPTY_FILTER)}>
                    {t('ledger.clear')}
                  </button>
                )
              }
            />
            <div className="ledger-bar">
              <SavedViews current={viewState} onApply={applyView} />
              <div className="toolbar">
                <ColumnsMenu table={table} />
                <button
                  type="button"
                  className="button"
                  disabled={exporting || rows.length === 0}
                  onClick={() => void runExport('csv')}
                >
                  {t('ledger.export.csv')}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={exporting || rows.length === 0}
                  onClick={() => void runExport('xlsx')}
                >
                  {t('ledger.export.xlsx')}
                </button>
              </div>
            </div>
          </fieldset>
          <p className="ledger-hint" data-testid="ledger-totals" role="status">
            <span className="ledger-hint__totals">
              {partial
                ? t('ledger.loadingAll')
                : t('ledger.totals', {
                    count: count(totals.count),
                    payable: money(totals.payableCents),
                    outstanding: money(totals.outstandingCents),
                    overdue: money(totals.overdueCents),
                  })}
            </span>
            <span className="ledger-hint__keys" title={t('ledger.keyboard')}>
              {'\u00a0· '}
              {t('ledger.keyboard')}
            </span>
          </p>
          {rows.length === 0 ? (
            <EmptyState
              title={t('invoices.noMatches')}
              body={t('ledger.noMatches.body')}
              action={
                <button type="button" className="button" onClick={() => setFilter(EMPTY_FILTER)}>
                  {t('ledger.clear')}
                </button>
              }
            />
          ) : (
            <LedgerTable
              table={table}
              rows={rows}
              totals={totals}
              activeIndex={activeIndex}
              onActiveIndexChange={setActiveIndex}
              onOpen={openClient}
            />
          )}
        </>
      )}
    </section>
  );
}
