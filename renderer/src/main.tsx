// The renderer's entry: styles, the React root, nothing else.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/tokens.css';
import './styles/base.css';
import { App } from './app/App';
import { installGlobalErrorLogging } from './app/error-log';
import { requestPersistentStorage } from './app/storage';
import { backupBeforeUpgradeIfNeeded } from './features/settings/use-auto-backup';

installGlobalErrorLogging();
// Ask early: browsers may evict "best-effort" data under disk pressure, and this is someone's books.
void requestPersistentStorage();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('The page has no #root element');

function render(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// The copy before a schema upgrade must exist before the first query upgrades the database;
// if it cannot be made, the app still opens (the failure is logged) rather than locking the user out.
backupBeforeUpgradeIfNeeded()
  .catch((error: unknown) => console.error('Backup before upgrade failed', error))
  .finally(() => render(rootElement));
