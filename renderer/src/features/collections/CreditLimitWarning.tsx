// Warns in the invoice form when the client is on hold or the new invoice takes it over its credit limit.
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import { getDb } from '../../db/database';
import { getClientExposure } from '../../db/collections-queries';

export function CreditLimitWarning({ clientId, addCents }: { clientId: string; addCents: number }) {
  const t = useT();
  const { money } = useFormat();
  const found = useLiveQuery(
    () => (clientId ? getClientExposure(getDb(), clientId) : Promise.resolve(null)),
    [clientId],
  );
  if (!found) return null;
  const { client, outstandingCents } = found;
  const limit = client.creditLimitCents;
  const after = outstandingCents + Math.max(0, addCents);
  return (
    <>
      {client.onHold && (
        <p className="alert alert--warning" data-testid="invoice-on-hold">
          {t('coll.invoiceForm.onHold')}
        </p>
      )}
      {limit !== null && after > limit && (
        <p className="alert alert--warning" data-testid="invoice-over-limit">
          {t('coll.invoiceForm.overLimit', { exposure: money(after), limit: money(limit) })}
        </p>
      )}
    </>
  );
}
