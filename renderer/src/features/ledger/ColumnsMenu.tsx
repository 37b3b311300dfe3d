// Column visibility and order: a checkbox per column and buttons to move it left or right.
import { useState } from 'react';
import type { Table } from '@tanstack/react-table';
import { useT } from '../../i18n';
import type { LedgerRow } from '../../db/ledger-queries';
import { LEDGER_COLUMNS } from './ledger-columns';

export function ColumnsMenu({ table }: { table: Table<LedgerRow> }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const order = table.getAllLeafColumns().map((column) => column.id);
  const headers = new Map(LEDGER_COLUMNS.map((column) => [column.id, column.header]));
  const move = (index: number, by: number) => {
    const next = [...order];
    const [id] = next.splice(index, 1);
    if (id === undefined) return;
    next.splice(index + by, 0, id);
    table.setColumnOrder(next);
  };
  return (
    <div className="ledger-columns">
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls="ledger-columns-panel"
        onClick={() => setOpen(!open)}
      >
        {t('ledger.columns')}
      </button>
      {open && (
        <div
          id="ledger-columns-panel"
          className="ledger-columns__panel"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              setOpen(false);
            }
          }}
        >
          <ul className="list-plain">
            {table.getAllLeafColumns().map((column, index) => {
              const header = headers.get(column.id);
              const label = header ? t(header) : column.id;
              return (
                <li key={column.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={column.getIsVisible()}
                      onChange={column.getToggleVisibilityHandler()}
                    />{' '}
                    {label}
                  </label>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={index === 0}
                    aria-label={`${t('ledger.columns.left')}: ${label}`}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={index === order.length - 1}
                    aria-label={`${t('ledger.columns.right')}: ${label}`}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
