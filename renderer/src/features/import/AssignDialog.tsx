// Assigning a bank credit by hand: pick the client and tick the invoices or installments it pays.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { Dialog } from '../../components/Dialog';
import { getDb } from '../../db/database';
import { clientsForAssignment, loadOpenItems } from '../../db/statements-repo';
import type { OpenItem } from '../../../../shared/domain/reconciliation';

interface AssignDialogProps {
  amountCents: number;
  money: (cents: number) => string;
  date: (value: string | null) => string;
  onClose: () => void;
  onAssign: (clientId: string, clientName: string, items: OpenItem[]) => void;
}

export function AssignDialog({ amountCents, money, date, onClose, onAssign }: AssignDialogProps) {
  const t = useT();
  const clients = useLiveQuery(() => clientsForAssignment(getDb()), []) ?? [];
  const items = useLiveQuery(() => loadOpenItems(getDb()), []) ?? [];
  const [clientId, setClientId] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  // Oldest due first (loadOpenItems orders them): invoices and plan installments alike.
  const own = items.filter((item) => item.clientId === clientId);
  const client = clients.find((candidate) => candidate.id === clientId);
  const picked = own.filter((item) => chosen.has(item.id));
  // With open items, the money must say what it pays; with none it is the client's credit.
  const nothingChosen = own.length > 0 && picked.length === 0;
  const lineOf = (item: OpenItem) =>
    item.kind === 'installment'
      ? t('import.recon.installment', {
          plan: item.planReference || item.planInvoiceNumbers?.join(', ') || '—',
          seq: item.label.replace(/^plazo /, ''),
          date: date(item.dueDate),
        })
      : t('import.recon.invoiceLine', { number: item.label, date: date(item.dueDate) });
  return (
    <Dialog title={t('import.recon.assignTitle', { amount: money(amountCents) })} onClose={onClose}>
      <div className="field">
        <label htmlFor="assign-client">{t('import.recon.client')}</label>
        <select
          id="assign-client"
          className="input"
          value={clientId}
          onChange={(event) => {
            setClientId(event.target.value);
            setChosen(new Set());
          }}
        >
          <option value="">—</option>
          {clients.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name} ({option.taxId})
            </option>
          ))}
        </select>
      </div>
      {client && (
        <fieldset className="field">
          <legend>{t('import.recon.invoices')}</legend>
          {own.length === 0 && <p>{t('import.recon.noInvoices')}</p>}
          {own.map((item) => (
            <label key={item.id} className="import-assign__item">
              <input
                type="checkbox"
                checked={chosen.has(item.id)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(item.id);
                  else next.delete(item.id);
                  setChosen(next);
                }}
              />{' '}
              {lineOf(item)} · {money(item.outstandingCents)}
            </label>
          ))}
        </fieldset>
      )}
      {client && nothingChosen && (
        <p className="field__hint" role="status">
          {t('import.recon.nothingChosen')}
        </p>
      )}
      <div className="toolbar" style={{ marginTop: 'var(--space-3)' }}>
        <button
          type="button"
          className="button button--primary"
          disabled={!client || nothingChosen}
          onClick={() => client && !nothingChosen && onAssign(client.id, client.name, picked)}
        >
          {t('import.recon.save')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
