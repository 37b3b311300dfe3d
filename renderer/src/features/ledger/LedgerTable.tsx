// The ledger's windowed table: only the visible rows exist in the DOM; arrows move, Enter opens.
import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { Table } from '@tanstack/react-table';
import { useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import type { LedgerRow } from '../../db/ledger-queries';
import type { LedgerTotals } from '../../../../shared/domain/ledger-filter';
import { LEDGER_COLUMNS, type CellFormat, type LedgerColumn } from './ledger-columns';
import { useRowWindow } from './row-window';

const ROW_HEIGHT = 33;
const OVERSCAN = 12;
const byId = new Map(LEDGER_COLUMNS.map((column) => [column.id, column]));

/** The rows in display order, read by position: an array, or a view over the loaded rows. */
export interface RowList {
  readonly length: number;
  at: (index: number) => LedgerRow | undefined;
}

interface RowProps {
  row: LedgerRow;
  index: number;
  active: boolean;
  columns: readonly LedgerColumn[];
  format: CellFormat;
  onSelect: (index: number) => void;
  onOpen: (row: LedgerRow) => void;
}

/** One row; unchanged rows are not rendered again when the active row moves. */
const LedgerTableRow = memo(function LedgerTableRow(props: RowProps) {
  const { row, index, active, columns, format, onSelect, onOpen } = props;
  return (
    <tr
      data-testid="ledger-row"
      aria-selected={active}
      className={active ? 'ledger-row--active' : undefined}
      style={{ height: ROW_HEIGHT }}
      onClick={() => onSelect(index)}
      onDoubleClick={() => onOpen(row)}
    >
      {columns.map((column) => (
        <td key={column.id} className={column.numeric ? 'num' : undefined}>
          {column.render(row, format)}
        </td>
      ))}
    </tr>
  );
});

interface LedgerTableProps {
  table: Table<LedgerRow>;
  rows: RowList;
  totals: LedgerTotals;
  activeIndex: number;
  onActiveIndexChange: (index: number) => void;
  onOpen: (row: LedgerRow) => void;
}

export function LedgerTable(props: LedgerTableProps) {
  const { table, rows, totals, activeIndex, onActiveIndexChange, onOpen } = props;
  const t = useT();
  const { money, date, count } = useFormat();
  const format = useMemo(() => ({ t, money, date }), [t, money, date]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { start, end, paddingTop, paddingBottom, scrollToIndex } = useRowWindow(
    scrollRef,
    rows.length,
    ROW_HEIGHT,
    OVERSCAN,
    'tbody tr[data-testid="ledger-row"]',
  );
  useEffect(() => {
    if (activeIndex >= 0) scrollToIndex(activeIndex);
  }, [activeIndex, scrollToIndex]);

  const leafColumns = table.getVisibleLeafColumns();
  const columns = useMemo(
    () =>
      leafColumns
        .map((column) => byId.get(column.id))
        .filter((column): column is LedgerColumn => column !== undefined),
    [leafColumns],
  );
  const sorting = table.getState().sorting[0];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: -rows.length,
      End: rows.length,
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      const from = activeIndex < 0 ? (move > 0 ? -1 : rows.length) : activeIndex;
      onActiveIndexChange(Math.min(rows.length - 1, Math.max(0, from + move)));
    } else if (event.key === 'Enter') {
      const row = activeIndex >= 0 ? rows.at(activeIndex) : undefined;
      if (row) {
        event.preventDefault();
        onOpen(row);
      }
    }
  };

  return (
    <div
      className="virtual-scroll ledger-scroll"
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-label={t('invoices.title')}
      onKeyDown={onKeyDown}
      data-testid="ledger-scroll"
    >
      <table className="table" data-testid="ledger-table" aria-rowcount={rows.length}>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = sorting?.id === column.id ? (sorting.desc ? 'desc' : 'asc') : false;
              return (
                <th
                  key={column.id}
                  scope="col"
                  className={column.numeric ? 'num' : undefined}
                  aria-sort={
                    sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'
                  }
                >
                  <button
                    type="button"
                    className="sort-button"
                    data-sort-column={column.id}
                    onClick={table.getColumn(column.id)?.getToggleSortingHandler()}
                  >
                    {t(column.header)}
                    {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                  </button>
                </th>
              );
            })}
          </tr>
          <tr className="ledger-totals" data-testid="ledger-totals-row">
            {columns.map((column, index) => {
              const value =
                column.id === 'payable'
                  ? money(totals.payableCents)
                  : column.id === 'outstanding'
                    ? money(totals.outstandingCents)
                    : column.id === 'overdue'
                      ? money(totals.overdueCents)
                      : index === 0
                        ? t('ledger.totals.label', { count: count(totals.count) })
                        : '';
              return (
                <th key={column.id} scope="col" className={column.numeric ? 'num' : undefined}>
                  {value}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: paddingTop, padding: 0, border: 0 }} />
            </tr>
          )}
          {Array.from({ length: end - start }, (_, offset) => {
            const index = start + offset;
            const row = rows.at(index);
            // Keyed by place, not by invoice: a keystroke that changes every row updates the
            // same elements instead of replacing them.
            return row ? (
              <LedgerTableRow
                key={index}
                row={row}
                index={index}
                active={index === activeIndex}
                columns={columns}
                format={format}
                onSelect={onActiveIndexChange}
                onOpen={onOpen}
              />
            ) : null;
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true">
              <td
                colSpan={columns.length}
                style={{ height: paddingBottom, padding: 0, border: 0 }}
              />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
