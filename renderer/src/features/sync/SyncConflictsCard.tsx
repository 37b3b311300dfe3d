// "Conflictos de sincronización": what each side had, which value was kept, and undo.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useT } from '../../i18n';
import { getDb } from '../../db/database';
import { listConflicts, undoConflict } from '../../db/sync/conflicts';
import { SyncHeldList } from './SyncHeldList';

/** The tables whose records can conflict (mutable records), named for people. */
const TABLES = {
  clients: true,
  invoices: true,
  promises: true,
  plans: true,
  installments: true,
  disputes: true,
  settings: true,
  mandates: true,
  importPresets: true,
  savedViews: true,
};

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function SyncConflictsCard() {
  const t = useT();
  const db = getDb();
  const conflicts = useLiveQuery(() => listConflicts(db), [db]);
  const [error, setError] = useState<string | null>(null);
  if (!conflicts) return null;
  const tableLabel = (table: string) =>
    table in TABLES ? t(`sync.table.${table as keyof typeof TABLES}`) : table;
  const undo = (id: string) => {
    setError(null);
    undoConflict(db, id).catch((reason: unknown) =>
      setError(reason instanceof Error ? reason.message : String(reason)),
    );
  };
  return (
    <div className="card" data-testid="sync-conflicts">
      <h2>{t('sync.conflicts')}</h2>
      <p className="screen__lead">{t('sync.conflicts.intro')}</p>
      {error && <p className="alert alert--error">{error}</p>}
      {conflicts.length === 0 ? (
        <p>{t('sync.conflicts.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('sync.conflicts.record')}</th>
              <th>{t('sync.conflicts.field')}</th>
              <th>{t('sync.conflicts.here')}</th>
              <th>{t('sync.conflicts.there')}</th>
              <th>{t('sync.conflicts.won')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {conflicts.map((conflict) => (
              <tr key={conflict.id} data-testid="sync-conflict">
                <td>
                  {tableLabel(conflict.table)}: {conflict.label}
                </td>
                <td>{conflict.field}</td>
                <td>{show(conflict.localValue)}</td>
                <td>{show(conflict.remoteValue)}</td>
                <td>
                  {show(conflict.winnerValue)} ({t(`sync.conflicts.winner.${conflict.winner}`)})
                </td>
                <td>
                  {conflict.undoneAt ? (
                    t('sync.conflicts.undone')
                  ) : (
                    <button type="button" className="button" onClick={() => undo(conflict.id)}>
                      {t('sync.conflicts.undo')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SyncHeldList />
    </div>
  );
}
