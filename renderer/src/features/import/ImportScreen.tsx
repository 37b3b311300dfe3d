// Importing is the next piece of work (issue: import, bank reconciliation, export and backups).
import { useT } from '../../i18n';
import { EmptyState } from '../../components/EmptyState';

export function ImportScreen() {
  const t = useT();
  return (
    <section className="screen" aria-labelledby="import-title">
      <h1 id="import-title">{t('import.title')}</h1>
      <EmptyState title={t('common.comingSoon')} body={t('import.pending')} />
    </section>
  );
}
