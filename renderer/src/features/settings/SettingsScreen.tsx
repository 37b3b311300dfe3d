// "Ajustes": language, the user's business, sample data and where the data lives.
import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { savePreferences } from '../../db/settings-repo';
import { getPlatform } from '../../platform';
import type { AppInfo } from '../../platform/platform';
import type { Language } from '../../../../shared/domain/records';
import { CompanyProfileCard } from './CompanyProfileCard';
import { DunningSettingsCard } from './DunningSettingsCard';
import { DemoDataCard } from './DemoDataCard';
import { StorageCard } from './StorageCard';
import { BackupCard } from './BackupCard';
import { ErrorLogCard } from './ErrorLogCard';
import { NotificationsCard } from './NotificationsCard';
import { VatSettingsCard } from '../vat/VatSettingsCard';
import { SyncCard } from '../sync/SyncCard';
import { SyncConflictsCard } from '../sync/SyncConflictsCard';

function LanguageCard() {
  const t = useT();
  const language = useUiStore((state) => state.language);
  const setLanguage = useUiStore((state) => state.setLanguage);
  const showToast = useUiStore((state) => state.showToast);
  // The screen switches once the choice is stored: what is shown is what the next start shows.
  const change = (next: Language) => {
    savePreferences(getDb(), { language: next })
      .then(() => setLanguage(next))
      .catch((error: unknown) =>
        showToast({ tone: 'error', message: t('error.generic', { message: String(error) }) }),
      );
  };
  return (
    <div className="card">
      <div className="field" style={{ maxWidth: 280 }}>
        <label htmlFor="language">{t('settings.language')}</label>
        <select
          id="language"
          className="input"
          value={language}
          onChange={(event) => change(event.target.value as Language)}
        >
          <option value="es">{t('settings.language.es')}</option>
          <option value="en">{t('settings.language.en')}</option>
        </select>
      </div>
    </div>
  );
}

function AboutCard() {
  const t = useT();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    getPlatform()
      .appInfo()
      .then(setInfo)
      .catch(() => setInfo(null));
  }, []);
  return (
    <div className="card">
      <h2>{t('settings.about')}</h2>
      {info && (
        <p>{t('settings.about.version', { version: info.version, platform: info.platform })}</p>
      )}
      <p className="screen__lead">{t('settings.about.data')}</p>
    </div>
  );
}

export function SettingsScreen() {
  const t = useT();
  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <LanguageCard />
      <CompanyProfileCard />
      <DunningSettingsCard />
      <VatSettingsCard />
      <NotificationsCard />
      <DemoDataCard />
      <StorageCard />
      <BackupCard />
      <SyncCard />
      <SyncConflictsCard />
      <ErrorLogCard />
      <AboutCard />
    </section>
  );
}
