// A due's VAT recovery state as a coloured badge.
import { useT } from '../../i18n';
import type { VatDueState } from '../../../../shared/domain/vat-recovery-status';

export function VatStateBadge({ state }: { state: VatDueState }) {
  const t = useT();
  return (
    <span className={`badge vat__state vat__state--${state}`} data-state={state}>
      {t(`vat.state.${state}`)}
    </span>
  );
}
