// The ledger's columns: how each cell shows, sorts and exports; and a sort order that never copies rows.
import type { ReactNode } from 'react';
import type { ColumnDef, SortingState } from '@tanstack/react-table';
import type { MessageKey, Translate } from '../../i18n';
import type { LedgerRow } from '../../db/ledger-queries';
import { StatusBadge } from '../../components/StatusBadge';
import { InvoiceLink } from './InvoiceLink';
import { hrefOf } from '../../app/router';
import { centsToEuroNumber, type CsvCell } from '../../../../shared/formats/spanish-csv';
import {
  ledgerOrder,
  sortPermutation,
  type LedgerOrder,
} from '../../../../shared/domain/ledger-index';

export interface CellFormat {
  t: Translate;
  money: (cents: number) => string;
  date: (value: string | null) => string;
}

export interface LedgerColumn {
  id: string;
  header: MessageKey;
  numeric?: boolean;
  /** Money columns become € number cells in XLSX. */
  money?: boolean;
  sortKey: (row: LedgerRow) => string | number;
  render: (row: LedgerRow, format: CellFormat) => ReactNode;
  exportValue: (row: LedgerRow, format: CellFormat) => CsvCell;
}

const moneyColumn = (
  id: string,
  header: MessageKey,
  value: (row: LedgerRow) => number,
): LedgerColumn => ({
  id,
  header,
  numeric: true,
  money: true,
  sortKey: value,
  render: (row, { money }) => money(value(row)),
  exportValue: (row) => centsToEuroNumber(value(row)),
});

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  {
    id: 'client',
    header: 'invoices.col.client',
    sortKey: (row) => row.searchText,
    render: (row) => (
      <a
        className="ledger-client"
        href={hrefOf({ screen: 'client', clientId: row.clientId })}
        tabIndex={-1}
        title={row.clientName}
      >
        {row.clientName}
      </a>
    ),
    exportValue: (row) => row.clientName,
  },
  {
    id: 'taxId',
    header: 'ledger.col.taxId',
    sortKey: (row) => row.clientTaxId,
    render: (row) => row.clientTaxId,
    exportValue: (row) => row.clientTaxId,
  },
  {
    id: 'number',
    header: 'invoices.col.number',
    sortKey: (row) => row.number,
    // The number opens the invoice: its figures, credit notes and life actions.
    render: (row, { t }) => (
      <InvoiceLink
        id={row.id}
        number={row.number}
        label={t('life.open', { number: row.number })}
        tabIndex={-1}
      />
    ),
    exportValue: (row) => row.number,
  },
  {
    id: 'issueDate',
    header: 'invoices.col.issueDate',
    sortKey: (row) => row.issueDate,
    render: (row, { date }) => date(row.issueDate),
    exportValue: (row, { date }) => date(row.issueDate),
  },
  {
    id: 'nextDue',
    header: 'invoices.col.nextDue',
    sortKey: (row) => row.nextDueDate ?? '9999-12-31',
    render: (row, { date }) => date(row.nextDueDate),
    exportValue: (row, { date }) => (row.nextDueDate ? date(row.nextDueDate) : null),
  },
  moneyColumn('total', 'ledger.col.total', (row) => row.totalCents),
  moneyColumn('payable', 'invoices.col.payable', (row) => row.payableCents),
  moneyColumn('outstanding', 'invoices.col.outstanding', (row) => row.outstandingCents),
  moneyColumn('overdue', 'ledger.col.overdue', (row) => row.overdueCents),
  {
    id: 'daysOverdue',
    header: 'invoices.col.daysOverdue',
    numeric: true,
    sortKey: (row) => row.daysOverdue,
    render: (row) => (row.daysOverdue > 0 ? <span className="late">{row.daysOverdue}</span> : ''),
    exportValue: (row) => row.daysOverdue,
  },
  {
    id: 'bucket',
    header: 'ledger.col.bucket',
    sortKey: (row) => (row.bucket === null ? -1 : row.daysOverdue),
    render: (row, { t }) => (row.bucket ? t(`aging.${row.bucket}`) : ''),
    exportValue: (row, { t }) => (row.bucket ? t(`aging.${row.bucket}`) : null),
  },
  {
    id: 'lastContact',
    header: 'ledger.col.lastContact',
    sortKey: (row) => row.lastContactDate ?? '',
    render: (row, { date }) => date(row.lastContactDate),
    exportValue: (row, { date }) => (row.lastContactDate ? date(row.lastContactDate) : null),
  },
  {
    id: 'status',
    header: 'invoices.col.status',
    sortKey: (row) => row.status,
    render: (row) => <StatusBadge status={row.status} inPlan={row.inPlan === true} />,
    exportValue: (row, { t }) =>
      row.inPlan === true && row.status !== 'in_plan'
        ? `${t(`status.${row.status}`)} (${t('status.in_plan')})`
        : t(`status.${row.status}`),
  },
];

export const HIDDEN_BY_DEFAULT: Record<string, boolean> = {
  taxId: false,
  total: false,
  overdue: false,
  bucket: false,
  lastContact: false,
};

/** TanStack Table manages column order, visibility and sort state; rows never enter it. */
export function toColumnDefs(columns: readonly LedgerColumn[]): ColumnDef<LedgerRow>[] {
  return columns.map((column) => ({ id: column.id, accessorFn: column.sortKey }));
}

function sortColumn(sorting: SortingState): { column: LedgerColumn; desc: boolean } | null {
  const rule = sorting[0];
  const column = rule && LEDGER_COLUMNS.find((candidate) => candidate.id === rule.id);
  return rule && column ? { column, desc: rule.desc } : null;
}

/**
 * Every row's place when sorted by one column (null: unsorted), computed once per sort and load,
 * so a keystroke orders its selection without comparing rows (`orderSelection`).
 */
export function sortOrder(rows: readonly LedgerRow[], sorting: SortingState): LedgerOrder | null {
  const rule = sortColumn(sorting);
  if (!rule) return null;
  const keys = rows.map(rule.column.sortKey);
  return ledgerOrder(sortPermutation(keys, rule.desc));
}

/**
 * Sorts by one column without touching the rows: keys are read once, then an index permutation is
 * sorted. Ties keep the incoming order.
 */
export function sortRows(rows: readonly LedgerRow[], sorting: SortingState): readonly LedgerRow[] {
  const rule = sortColumn(sorting);
  if (!rule) return rows;
  const keys = rows.map(rule.column.sortKey);
  return Array.from(sortPermutation(keys, rule.desc), (index) => rows[index] as LedgerRow);
}
