// The ledger's virtualized table: only the visible rows exist in the DOM; arrows move, Enter opens.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Table } from '@tanstack/react-table';
import { useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import type { LedgerRow } from '../../db/ledger-queries';
import type { LedgerTotals } from '../../../../shared/domain/ledger-filter';
import { LEDGER_COLUMNS, type LedgerColumn } from './ledger-columns';

const ROW_HEIGHT = 33;
const byId = new Map(LEDGER_COLUMNS.map((column) => [column.id, column]));

interface LedgerTableProps {
  table: Table<LedgerRow>;
  rows: readonly LedgerRow[];
  totals: LedgerTotals;
  activeIndex: number;
  onActiveIndexChange: (index: number) => void;
  onOpen: (row: LedgerRow) => void;
}

export function LedgerTable(props: LedgerTableProps) {
  const { table, rows, totals, activeIndex, onActiveIndexChange, onOpen } = props;
  const t = useT();
  const { money, date, count } = useFormat();
  const format = { t, money, date };
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design; this component is not memoized by the compiler.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const columns = table
    .getVisibleLeafColumns()
    .map((column) => byId.get(column.id))
    .filter((column): column is LedgerColumn => column !== undefined);
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
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
      const row = rows[activeIndex];
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
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const active = item.index === activeIndex;
            return (
              <tr
                key={row.id}
                data-testid="ledger-row"
                aria-selected={active}
                className={active ? 'ledger-row--active' : undefined}
                style={{ height: ROW_HEIGHT }}
                onClick={() => onActiveIndexChange(item.index)}
                onDoubleClick={() => onOpen(row)}
              >
                {columns.map((column) => (
                  <td key={column.id} className={column.numeric ? 'num' : undefined}>
                    {column.render(row, format)}
                  </td>
                ))}
              </tr>
            );
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
