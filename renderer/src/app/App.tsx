// The app shell: sidebar, the current screen, the open dialog and the toasts.
import { useEffect, useSyncExternalStore } from 'react';
import { Sidebar } from './Sidebar';
import { useRoute, type Route } from './router';
import { Toasts } from '../components/Toasts';
import { ScreenErrorBoundary } from '../components/ScreenErrorBoundary';
import { useUiStore } from '../store/ui-store';
import { useT } from '../i18n';
import { getDb, onDatabaseSwitch } from '../db/database';
import { getPreferences } from '../db/settings-repo';
import { ClientsScreen } from '../features/clients/ClientsScreen';
import { ClientDetailScreen } from '../features/clients/ClientDetailScreen';
import { ClientFormDialog } from '../features/clients/ClientFormDialog';
import { LedgerScreen } from '../features/ledger/LedgerScreen';
import { InvoiceFormDialog } from '../features/ledger/InvoiceFormDialog';
import { InvoiceDetailDialog } from '../features/ledger/InvoiceDetailDialog';
import { PaymentFormDialog } from '../features/payments/PaymentFormDialog';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { TodayScreen } from '../features/today/TodayScreen';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { PlansScreen } from '../features/plans/PlansScreen';
import { PlanDetailScreen } from '../features/plans/PlanDetailScreen';
import { ImportScreen } from '../features/import/ImportScreen';
import { useNotificationScheduler } from '../features/notifications/use-notification-scheduler';
import { useAutoBackup } from '../features/settings/use-auto-backup';
import { useBackgroundSync } from '../features/sync/use-background-sync';
import { useBackupFilesFromOs } from '../features/settings/opened-backup';
import { DemoBanner } from '../features/settings/DemoBanner';
import { useLedgerWarmUp } from './use-ledger-warm-up';

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'today':
      return <TodayScreen />;
    case 'invoices':
      return <LedgerScreen />;
    case 'clients':
      return <ClientsScreen />;
    case 'client':
      return <ClientDetailScreen clientId={route.clientId} />;
    case 'plans':
      return <PlansScreen />;
    case 'plan':
      return <PlanDetailScreen planId={route.planId} />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'import':
      return <ImportScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

function OpenDialog() {
  const dialog = useUiStore((state) => state.dialog);
  switch (dialog.kind) {
    case 'none':
      return null;
    case 'client':
      return <ClientFormDialog clientId={dialog.clientId} />;
    case 'invoice':
      return <InvoiceFormDialog clientId={dialog.clientId} invoiceId={dialog.invoiceId ?? null} />;
    case 'invoiceDetail':
      return (
        <InvoiceDetailDialog invoiceId={dialog.invoiceId} settleDispute={dialog.settleDispute} />
      );
    case 'payment':
      return <PaymentFormDialog clientId={dialog.clientId} />;
  }
}

function useStoredLanguage() {
  const language = useUiStore((state) => state.language);
  const setLanguage = useUiStore((state) => state.setLanguage);
  useEffect(() => {
    getPreferences(getDb())
      .then((preferences) => setLanguage(preferences.language))
      .catch(() => undefined);
  }, [setLanguage]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
}

const activeDatabaseName = () => getDb().name;

/** Keyed by the active database: after a switch (demonstration in or out) every view reads anew. */
export function App() {
  const name = useSyncExternalStore(onDatabaseSwitch, activeDatabaseName);
  return <Shell key={name} />;
}

function Shell() {
  const route = useRoute();
  const t = useT();
  useStoredLanguage();
  useNotificationScheduler();
  useAutoBackup();
  useBackgroundSync();
  useBackupFilesFromOs();
  useLedgerWarmUp();
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Sidebar route={route} />
      <main id="main" className="main" tabIndex={-1}>
        <DemoBanner />
        {/* Keyed by screen: moving to another screen clears a failure. */}
        <ScreenErrorBoundary key={route.screen} screen={route.screen}>
          <Screen route={route} />
        </ScreenErrorBoundary>
      </main>
      <OpenDialog />
      <Toasts />
    </div>
  );
}
