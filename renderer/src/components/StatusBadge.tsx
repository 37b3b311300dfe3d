// An invoice status in words and colour (the colour is never the only signal).
import type { InvoiceStatus } from '../../../shared/domain/records';
import { useT } from '../i18n';

export function StatusBadge({ status }: { status: InvoiceStatus }) {
  const t = useT();
  return <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>;
}
