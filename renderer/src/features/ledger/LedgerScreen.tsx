// The ledger: every invoice, what is outstanding and how late, sortable and filterable.
import { useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useT, type MessageKey } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { listClients, listInvoicesForLedger } from '../../db/queries';
import { EmptyState } from '../../components/EmptyState';
import { StatusBadge } from '../../components/StatusBadge';
import { hrefOf } from '../../app/router';
import { useToday } from '../../app/use-today';
import { useFormat } from '../../app/use-format';
import type { InvoiceStatus } from '../../../../shared/domain/records';
import { matchesSearch, toLedgerRows, type LedgerRow } from './ledger-rows';

const STATUSES: InvoiceStatus[] = [
  'pending',
  'partial',
  'overdue',
  'paid',
  'disputed',
  'in_plan',
  'written_off',
  'draft',
];
const ROW_HEIGHT = 37;

function useColumns(): ColumnDef<LedgerRow>[] {
  const t = useT();
  const { money, date } = useFormat();
  return useMemo<ColumnDef<LedgerRow>[]>(() => {
    const header = (key: MessageKey) => () => t(key);
    return [
      {
        id: 'client',
        accessorKey: 'clientName',
        header: header('invoices.col.client'),
        cell: ({ row }) => (
          <a href={hrefOf({ screen: 'client', clientId: row.original.clientId })}>
            {row.original.clientName}
          </a>
        ),
      },
      { id: 'number', accessorKey: 'number', header: header('invoices.col.number') },
      {
        id: 'issueDate',
        accessorKey: 'issueDate',
        header: header('invoices.col.issueDate'),
        cell: ({ getValue }) => date(getValue<string>()),
      },
      {
        id: 'nextDue',
        accessorFn: (row) => row.nextDueDate ?? '9999-12-31',
        header: header('invoices.col.nextDue'),
        cell: ({ row }) => date(row.original.nextDueDate),
      },
      {
        id: 'payable',
        accessorKey: 'payableCents',
        header: header('invoices.col.payable'),
        cell: ({ getValue }) => money(getValue<number>()),
        meta: { numeric: true },
      },
      {
        id: 'outstanding',
        accessorKey: 'outstandingCents',
        header: header('invoices.col.outstanding'),
        cell: ({ getValue }) => money(getValue<number>()),
        meta: { numeric: true },
      },
      {
        id: 'daysOverdue',
        accessorKey: 'daysOverdue',
        header: header('invoices.col.daysOverdue'),
        cell: ({ getValue }) => {
          const days = getValue<number>();
          return days > 0 ? <span className="late">{days}</span> : '';
        },
        meta: { numeric: true },
      },
      {
        id: 'status',
        accessorKey: 'status',
        header: header('invoices.col.status'),
        cell: ({ getValue }) => <StatusBadge status={getValue<InvoiceStatus>()} />,
      },
    ];
  }, [t, money, date]);
}

function LedgerTable({ rows }: { rows: LedgerRow[] }) {
  const t = useT();
  const { money, count } = useFormat();
  const columns = useColumns();
  const [sorting, setSorting] = useState<SortingState>([]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table returns fresh functions by design; this component is not memoized by the compiler.
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const payable = rows.reduce((sum, row) => sum + row.payableCents, 0);
  // Drafts and written-off invoices are not expected money: they stay out of the total.
  const outstanding = rows.reduce(
    (sum, row) => (row.lifecycle === 'issued' ? sum + row.outstandingCents : sum),
    0,
  );
  const colSpan = columns.length;

  return (
    <>
      <p className="screen__lead" data-testid="ledger-totals" role="status">
        {t(rows.length === 1 ? 'invoices.totals.one' : 'invoices.totals', {
          count: count(rows.length),
          payable: money(payable),
          outstanding: money(outstanding),
        })}
      </p>
      <div className="virtual-scroll" ref={scrollRef}>
        <table className="table" data-testid="ledger-table">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const numeric = header.column.columnDef.meta?.numeric;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={numeric ? 'num' : undefined}
                      aria-sort={
                        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'
                      }
                    >
                      <button
                        type="button"
                        className="sort-button"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr aria-hidden="true">
                <td colSpan={colSpan} style={{ height: paddingTop, padding: 0, border: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const row = tableRows[item.index];
              if (!row) return null;
              return (
                <tr key={row.id} data-testid="ledger-row" style={{ height: ROW_HEIGHT }}>
                  {row.getVisibleCells().map((cell) => {
                    const numeric = cell.column.columnDef.meta?.numeric;
                    return (
                      <td key={cell.id} className={numeric ? 'num' : undefined}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden="true">
                <td colSpan={colSpan} style={{ height: paddingBottom, padding: 0, border: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function LedgerScreen() {
  const t = useT();
  const today = useToday();
  const openDialog = useUiStore((state) => state.openDialog);
  const search = useUiStore((state) => state.ledgerSearch);
  const setSearch = useUiStore((state) => state.setLedgerSearch);
  const status = useUiStore((state) => state.ledgerStatus);
  const setStatus = useUiStore((state) => state.setLedgerStatus);
  const data = useLiveQuery(async () => {
    const [invoices, clients] = await Promise.all([
      listInvoicesForLedger(getDb()),
      listClients(getDb()),
    ]);
    return { invoices, clients };
  }, []);

  const allRows = useMemo(() => {
    if (!data) return [];
    const taxIds = new Map(data.clients.map((client) => [client.id, client.taxId]));
    return toLedgerRows(data.invoices, taxIds, today);
  }, [data, today]);

  const rows = useMemo(
    () =>
      allRows.filter(
        (row) =>
          (status === 'all' ||
            (status === 'open'
              ? row.outstandingCents > 0 && row.lifecycle === 'issued'
              : row.status === status)) &&
          matchesSearch(row, search),
      ),
    [allRows, status, search],
  );

  const newInvoice = (
    <button
      type="button"
      className="button button--primary"
      onClick={() => openDialog({ kind: 'invoice', clientId: null })}
    >
      {t('invoices.new')}
    </button>
  );

  if (data === undefined) return <p>{t('common.loading')}</p>;

  return (
    <section className="screen screen--full" aria-labelledby="ledger-title">
      <header className="screen__header">
        <h1 id="ledger-title">{t('invoices.title')}</h1>
        <div className="toolbar">
          {data.invoices.length > 0 && (
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
      {data.invoices.length === 0 ? (
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
          <div className="toolbar">
            <div className="field" style={{ minWidth: 320 }}>
              <label htmlFor="ledger-search">{t('common.search')}</label>
              <input
                id="ledger-search"
                className="input"
                type="search"
                placeholder={t('invoices.searchPlaceholder')}
                value={search}
                onChange={(event) => setSearch(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="ledger-status">{t('invoices.filter.status')}</label>
              <select
                id="ledger-status"
                className="input"
                value={status}
                onChange={(event) => setStatus(event.target.value as typeof status)}
              >
                <option value="all">{t('invoices.filter.allStatuses')}</option>
                <option value="open">{t('invoices.filter.open')}</option>
                {STATUSES.map((value) => (
                  <option key={value} value={value}>
                    {t(`status.${value}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {rows.length === 0 ? (
            <p className="alert alert--info">{t('invoices.noMatches')}</p>
          ) : (
            <LedgerTable rows={rows} />
          )}
        </>
      )}
    </section>
  );
}
