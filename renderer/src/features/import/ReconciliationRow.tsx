// One bank credit: its best suggestion with confidence and reason, confirm, assign by hand, ignore.
import { memo, useState } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import {
  confirmMatch,
  ignoreMovement,
  linkMatch,
  type MovementWithSuggestions,
} from '../../db/statements-repo';
import {
  confidenceLevel,
  type MatchReasonCode,
  type OpenItem,
} from '../../../../shared/domain/reconciliation';
import { AssignDialog } from './AssignDialog';
import { choiceOf, itemsLabel } from './reconciliation-choice';

const REASONS: Record<MatchReasonCode, MessageKey> = {
  amount_exact: 'import.reason.amount_exact',
  sum_of_items: 'import.reason.sum_of_items',
  number_in_text: 'import.reason.number_in_text',
  tax_id_in_text: 'import.reason.tax_id_in_text',
  name_in_text: 'import.reason.name_in_text',
  plan_in_text: 'import.reason.plan_in_text',
  receipt_in_text: 'import.reason.receipt_in_text',
  recorded_payment: 'import.reason.recorded_payment',
};

const LEVELS: Record<'high' | 'medium' | 'low', MessageKey> = {
  high: 'import.recon.confidence.high',
  medium: 'import.recon.confidence.medium',
  low: 'import.recon.confidence.low',
};

const BADGE: Record<'high' | 'medium' | 'low', string> = {
  high: 'badge badge--paid',
  medium: 'badge badge--partial',
  low: 'badge',
};

interface RowProps {
  entry: MovementWithSuggestions;
  money: (cents: number) => string;
  date: (value: string | null) => string;
}

/** Memoised: while suggestions arrive in batches, rows already shown are not rendered again. */
export const ReconciliationRow = memo(function ReconciliationRow({ entry, money, date }: RowProps) {
  const t = useT();
  const showToast = useUiStore((state) => state.showToast);
  const [assigning, setAssigning] = useState(false);
  const { movement } = entry;
  const best = entry.suggestions[0];

  async function book(clientId: string, clientName: string, items: OpenItem[]): Promise<void> {
    try {
      await confirmMatch(getDb(), movement.id, { clientId, ...choiceOf(items) });
      showToast({
        tone: 'success',
        message: t('import.recon.confirmed', {
          amount: money(movement.amountCents),
          client: clientName,
        }),
      });
    } catch (error) {
      showToast({ tone: 'error', message: t('error.generic', { message: String(error) }) });
    }
  }

  async function link(clientName: string, paymentId: string): Promise<void> {
    try {
      await linkMatch(getDb(), movement.id, paymentId);
      showToast({
        tone: 'success',
        message: t('import.recon.linked', {
          amount: money(movement.amountCents),
          client: clientName,
        }),
      });
    } catch (error) {
      showToast({ tone: 'error', message: t('error.generic', { message: String(error) }) });
    }
  }

  const level = best ? confidenceLevel(best.confidence) : null;
  return (
    <tr>
      <td>{date(movement.date)}</td>
      <td>
        {movement.concept || movement.counterpartyName}
        {movement.references.length > 0 && (
          <div className="screen__lead">{movement.references.join(' · ')}</div>
        )}
      </td>
      <td>{money(movement.amountCents)}</td>
      <td>
        {best && level ? (
          <>
            <strong>{best.clientName}</strong>:{' '}
            {best.link
              ? t('import.recon.recordedOn', { date: date(best.link.date) })
              : itemsLabel(best.items)}{' '}
            ({money(best.amountCents)})
            <div>
              <span className={BADGE[level]}>
                {t(LEVELS[level])} · {Math.round(best.confidence * 100)} %
              </span>{' '}
              {best.reasons.map((reason) => t(REASONS[reason])).join('; ')}
            </div>
          </>
        ) : (
          <span>{t('import.recon.none')}</span>
        )}
        <div className="toolbar import-actions">
          {best?.link && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => best.link && void link(best.clientName, best.link.paymentId)}
            >
              {t('import.recon.link')}
            </button>
          )}
          {best && !best.link && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => void book(best.clientId, best.clientName, best.items)}
            >
              {t('import.recon.confirm')}
            </button>
          )}
          <button type="button" className="button" onClick={() => setAssigning(true)}>
            {t('import.recon.assign')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void ignoreMovement(getDb(), movement.id)}
          >
            {t('import.recon.ignore')}
          </button>
        </div>
        {assigning && (
          <AssignDialog
            amountCents={movement.amountCents}
            money={money}
            date={date}
            onClose={() => setAssigning(false)}
            onAssign={(clientId, clientName, items) => {
              setAssigning(false);
              void book(clientId, clientName, items);
            }}
          />
        )}
      </td>
    </tr>
  );
});
