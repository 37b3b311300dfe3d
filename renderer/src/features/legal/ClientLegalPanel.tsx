// The client's legal path: when each debt prescribes, the steps recorded, and the documents to send.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { getDb } from '../../db/database';
import { getClientLegal } from '../../db/legal-queries';
import { deleteLegalEvent } from '../../db/legal-repo';
import { useToday } from '../../app/use-today';
import { useFormat } from '../../app/use-format';
import { INTERRUPTING_KINDS } from '../../../../shared/domain/claim-prescription';
import { LegalEventDialog } from './LegalEventDialog';
import { LegalDocuments } from './LegalDocuments';
import { MandatesCard } from './MandatesCard';
import { ClaimSummary } from './ClaimSummary';
import './legal.css';

export function ClientLegalPanel({ clientId }: { clientId: string }) {
  const t = useT();
  const today = useToday();
  const { money, date } = useFormat();
  const [recording, setRecording] = useState(false);
  // Paid-late invoices the person chose to claim too; none by default.
  const [paidLateIds, setPaidLateIds] = useState<string[]>([]);
  // Prescribed invoices are left out unless the person explicitly includes them.
  const [prescribedIds, setPrescribedIds] = useState<string[]>([]);
  const legal = useLiveQuery(() => getClientLegal(getDb(), clientId, today), [clientId, today]);
  if (!legal) return null;

  async function remove(id: string) {
    if (!window.confirm(t('legal.deleteConfirm'))) return;
    await deleteLegalEvent(getDb(), id);
  }

  return (
    <section className="card legal" aria-labelledby="legal-title" data-testid="client-legal">
      <div className="screen__header">
        <h2 id="legal-title">{t('legal.title')}</h2>
        <div className="toolbar">
          <button
            type="button"
            className="button button--primary"
            onClick={() => setRecording(true)}
          >
            {t('legal.record')}
          </button>
          <LegalDocuments
            clientId={clientId}
            choice={{ paidLate: paidLateIds, prescribed: prescribedIds }}
          />
        </div>
      </div>
      <p className="stat__hint">{t('legal.hint')}</p>

      {legal.prescriptions.length === 0 ? (
        <p className="screen__lead">{t('legal.prescription.none')}</p>
      ) : (
        <table className="table" data-testid="legal-prescriptions">
          <thead>
            <tr>
              <th scope="col">{t('legal.prescription.invoice')}</th>
              <th scope="col" className="num">
                {t('legal.prescription.amount')}
              </th>
              <th scope="col">{t('legal.prescription.from')}</th>
              <th scope="col">{t('legal.prescription.deadline')}</th>
              <th scope="col">{t('legal.prescription.state')}</th>
            </tr>
          </thead>
          <tbody>
            {legal.prescriptions.map((row) => (
              <tr
                key={row.invoiceId}
                data-testid="legal-prescription"
                data-state={row.status.state}
              >
                <td>{row.number}</td>
                <td className="num">{money(row.outstandingCents)}</td>
                <td>{date(row.status.startsOn)}</td>
                <td data-testid="legal-deadline" data-date={row.status.deadline}>
                  {date(row.status.deadline)}
                </td>
                <td>
                  <span className={`badge legal__state legal__state--${row.status.state}`}>
                    {t(`legal.state.${row.status.state}`)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <ClaimSummary
        legal={legal}
        today={today}
        paidLateIds={paidLateIds}
        onPaidLateChange={setPaidLateIds}
        prescribedIds={prescribedIds}
        onPrescribedChange={setPrescribedIds}
      />

      <h3>{t('legal.steps')}</h3>
      {legal.events.length === 0 ? (
        <p className="screen__lead">{t('legal.events.empty')}</p>
      ) : (
        <ul className="legal__events" data-testid="legal-events">
          {legal.events.map((event) => (
            <li key={event.id}>
              <span className="timeline__date">{date(event.date)}</span>{' '}
              <strong>{t(`legal.kind.${event.kind}`)}</strong> · {event.channel}
              {event.answer && <> · {event.answer}</>}
              {INTERRUPTING_KINDS.includes(event.kind) && (
                <span className="badge">{t('legal.interrupts')}</span>
              )}{' '}
              <button
                type="button"
                className="button"
                onClick={() => void remove(event.id)}
                aria-label={`${t('legal.delete')} ${t(`legal.kind.${event.kind}`)} ${date(event.date)}`}
              >
                {t('legal.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <MandatesCard clientId={clientId} mandates={legal.mandates} />

      {recording && (
        <LegalEventDialog
          clientId={clientId}
          invoices={legal.openInvoices}
          onClose={() => setRecording(false)}
        />
      )}
    </section>
  );
}
