// Payment plans are the next piece of work (issue: payment plans and signed PDF agreements).
import { useT } from '../../i18n';
import { EmptyState } from '../../components/EmptyState';

export function PlansScreen() {
  const t = useT();
  return (
    <section className="screen" aria-labelledby="plans-title">
      <h1 id="plans-title">{t('plans.title')}</h1>
      <EmptyState title={t('common.comingSoon')} body={t('plans.pending')} />
    </section>
  );
}
