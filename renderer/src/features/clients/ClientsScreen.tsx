// The client list: who owes what, with search by name or tax id.
import { useDeferredValue, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { listClientsWithBalance } from '../../db/queries';
import { EmptyState } from '../../components/EmptyState';
import { hrefOf } from '../../app/router';
import { useToday } from '../../app/use-today';
import { useFormat } from '../../app/use-format';
import { useReadyMark } from '../ledger/bench-marks';

const MAX_ROWS = 500;

export function ClientsScreen() {
  const t = useT();
  const today = useToday();
  const { money } = useFormat();
  const openDialog = useUiStore((state) => state.openDialog);
  const clients = useLiveQuery(() => listClientsWithBalance(getDb(), today), [today]);
  useReadyMark('clients', clients !== undefined);
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);

  const visible = useMemo(() => {
    const needle = deferredSearch.trim().toLocaleLowerCase();
    const list = clients ?? [];
    return needle
      ? list.filter(
          (c) =>
            c.name.toLocaleLowerCase().includes(needle) || c.taxId.toLowerCase().includes(needle),
        )
      : list;
  }, [clients, deferredSearch]);

  const newClient = (
    <button
      type="button"
      className="button button--primary"
      onClick={() => openDialog({ kind: 'client', clientId: null })}
    >
      {t('clients.new')}
    </button>
  );

  return (
    <section className="screen" aria-labelledby="clients-title">
      <header className="screen__header">
        <h1 id="clients-title">{t('clients.title')}</h1>
        {newClient}
      </header>
      {clients === undefined ? (
        <p>{t('common.loading')}</p>
      ) : clients.length === 0 ? (
        <EmptyState
          title={t('clients.empty.title')}
          body={t('clients.empty.body')}
          action={newClient}
        />
      ) : (
        <>
          <div className="toolbar">
            <div className="field">
              <label htmlFor="client-search">{t('common.search')}</label>
              <input
                id="client-search"
                className="input"
                type="search"
                placeholder={t('clients.searchPlaceholder')}
                value={search}
                onChange={(event) => setSearch(event.target.value)}
              />
            </div>
          </div>
          {visible.length > MAX_ROWS && (
            <p className="alert alert--info" role="status">
              {t('clients.truncated', { shown: MAX_ROWS, total: visible.length })}
            </p>
          )}
          <div className="card" style={{ padding: 0, overflow: 'auto' }}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('clients.col.name')}</th>
                  <th scope="col">{t('clients.col.taxId')}</th>
                  <th scope="col" className="num">
                    {t('clients.col.invoices')}
                  </th>
                  <th scope="col" className="num">
                    {t('clients.col.outstanding')}
                  </th>
                  <th scope="col" className="num">
                    {t('clients.col.overdue')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {visible.slice(0, MAX_ROWS).map((client) => (
                  <tr key={client.id}>
                    <td>
                      <a href={hrefOf({ screen: 'client', clientId: client.id })}>{client.name}</a>
                    </td>
                    <td>{client.taxId}</td>
                    <td className="num">{client.invoiceCount}</td>
                    <td className="num">{money(client.outstandingCents)}</td>
                    <td className={client.overdueCents > 0 ? 'num late' : 'num'}>
                      {money(client.overdueCents)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
