// Assigning a bank credit by hand: pick the client and tick the invoices it pays.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { Dialog } from '../../components/Dialog';
import { getDb } from '../../db/database';
import { clientsForAssignment, loadOpenItems } from '../../db/statements-repo';

interface AssignDialogProps {
  amountCents: number;
  money: (cents: number) => string;
  onClose: () => void;
  onAssign: (clientId: string, clientName: string, invoiceIds: string[]) => void;
}

export function AssignDialog({ amountCents, money, onClose, onAssign }: AssignDialogProps) {
  const t = useT();
  const clients = useLiveQuery(() => clientsForAssignment(getDb()), []) ?? [];
  const items = useLiveQuery(() => loadOpenItems(getDb()), []) ?? [];
  const [clientId, setClientId] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const own = items.filter((item) => item.clientId === clientId);
  const client = clients.find((candidate) => candidate.id === clientId);
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
            <label key={item.id} style={{ display: 'block' }}>
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
              {item.label} · {money(item.outstandingCents)}
            </label>
          ))}
        </fieldset>
      )}
      <div className="toolbar" style={{ marginTop: 'var(--space-3)' }}>
        <button
          type="button"
          className="button button--primary"
          disabled={!client}
          onClick={() =>
            client &&
            onAssign(
              client.id,
              client.name,
              own.filter((item) => chosen.has(item.id)).flatMap((item) => [...item.invoiceIds]),
            )
          }
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
