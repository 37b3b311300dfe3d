// An invoice status in words and colour (the colour is never the only signal).
import type { InvoiceStatus } from '../../../shared/domain/records';
import { useT } from '../i18n';

/** `inPlan`: an invoice in an active plan that is late on an installment reads "Vencida · En plan". */
export function StatusBadge({
  status,
  inPlan = false,
}: {
  status: InvoiceStatus;
  inPlan?: boolean;
}) {
  const t = useT();
  const badge = <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>;
  if (!inPlan || status === 'in_plan') return badge;
  return (
    <>
      {badge} <span className="badge badge--in_plan">{t('status.in_plan')}</span>
    </>
  );
}
