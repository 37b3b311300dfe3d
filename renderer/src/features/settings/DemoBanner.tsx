// The demonstration's banner, on every screen while the sample database is the active one.
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { isDemoDatabase } from '../../db/database';
import { leaveDemo } from '../../db/demo-mode';
import { navigate, useRoute } from '../../app/router';

export function DemoBanner() {
  const t = useT();
  const route = useRoute();
  const showToast = useUiStore((state) => state.showToast);
  // The app shell remounts on every switch of database, so reading it once per mount is enough.
  if (!isDemoDatabase()) return null;

  function leave(): void {
    useUiStore.getState().closeDialog();
    // A sample client's or plan's page has nothing to show in the user's data: go to its list.
    if (route.screen === 'client') navigate({ screen: 'clients' });
    if (route.screen === 'plan') navigate({ screen: 'plans' });
    leaveDemo()
      .then(() => showToast({ tone: 'success', message: t('demo.left') }))
      .catch((error: unknown) => console.error('Leaving the demonstration failed', error));
  }

  return (
    <div className="demo-banner" role="status" data-testid="demo-banner">
      <span>{t('demo.banner')}</span>
      <button type="button" className="button button--primary" onClick={leave}>
        {t('demo.leave')}
      </button>
    </div>
  );
}
