// The app's main navigation: one link per user task.
import { useT, type MessageKey } from '../i18n';
import { hrefOf, type Route } from './router';
import { NotificationBell } from '../features/notifications/NotificationCentre';

const ITEMS: { screen: Exclude<Route['screen'], 'client' | 'plan'>; label: MessageKey }[] = [
  { screen: 'today', label: 'nav.today' },
  { screen: 'invoices', label: 'nav.invoices' },
  { screen: 'clients', label: 'nav.clients' },
  { screen: 'plans', label: 'nav.plans' },
  { screen: 'dashboard', label: 'nav.dashboard' },
  { screen: 'import', label: 'nav.import' },
  { screen: 'settings', label: 'nav.settings' },
];

export function Sidebar({ route }: { route: Route }) {
  const t = useT();
  const current =
    route.screen === 'client' ? 'clients' : route.screen === 'plan' ? 'plans' : route.screen;
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        {t('app.name')}
        <span className="sidebar__tagline">{t('app.tagline')}</span>
      </div>
      <NotificationBell />
      <nav aria-label={t('nav.main')}>
        <ul>
          {ITEMS.map((item) => (
            <li key={item.screen}>
              <a
                href={hrefOf({ screen: item.screen })}
                aria-current={current === item.screen ? 'page' : undefined}
              >
                {t(item.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar__footer">v{__APP_VERSION__}</div>
    </aside>
  );
}
