// A plan's status as a coloured word, reusing the invoice badge colours.
import type { PlanStatus } from '../../../../shared/domain/records';
import { useT } from '../../i18n';

const TONE: Record<PlanStatus, string> = {
  draft: 'badge',
  active: 'badge badge--in_plan',
  completed: 'badge badge--paid',
  broken: 'badge badge--overdue',
  cancelled: 'badge badge--written_off',
};

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const t = useT();
  return (
    <span className={TONE[status]} data-testid="plan-status">
      {t(`plans.status.${status}`)}
    </span>
  );
}
