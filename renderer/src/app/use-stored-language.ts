// The language stored in the preferences, applied once read; and the page's `lang` kept in step.
import { useEffect } from 'react';
import { getDb } from '../db/database';
import { getPreferences } from '../db/settings-repo';
import { useUiStore } from '../store/ui-store';

export function useStoredLanguage(): void {
  const language = useUiStore((state) => state.language);
  const setLanguage = useUiStore((state) => state.setLanguage);
  useEffect(() => {
    const shownAtStart = useUiStore.getState().language;
    getPreferences(getDb())
      .then((preferences) => {
        // The read can wait seconds behind a large ledger's first read: a language chosen in
        // Ajustes meanwhile (stored before it is shown) is newer than what this read found.
        if (useUiStore.getState().language === shownAtStart) setLanguage(preferences.language);
      })
      .catch(() => undefined);
  }, [setLanguage]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
}
