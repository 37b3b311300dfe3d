// Desktop automatic backups from the renderer's side: the daily copy and the one before an upgrade.
import { useEffect } from 'react';
import { getPlatform } from '../../platform';
import { withUserDb } from '../../db/demo-mode';
import { exportBackup } from '../../db/backup-repo';
import { backupBeforeUpgrade } from '../../db/upgrade-backup';
import { useAutoBackupFailure } from './auto-backup-failure';

export function useAutoBackup(): void {
  useEffect(
    () =>
      getPlatform().onBackupDue(() => {
        // Always the user's own data, also while the demonstration is open.
        withUserDb(exportBackup)
          .then((content) => getPlatform().writeAutoBackup(content, 'daily'))
          .then(() => useAutoBackupFailure.getState().clear())
          .catch((error: unknown) => useAutoBackupFailure.getState().report(error));
      }),
    [],
  );
}

/**
 * Desktop: copies an older database aside before this version upgrades it. Call it before the
 * app's first query (renderer/src/main.tsx, before rendering); web mode has no backup folder.
 */
export async function backupBeforeUpgradeIfNeeded(): Promise<void> {
  const platform = getPlatform();
  if (platform.kind !== 'electron') return;
  try {
    const text = await backupBeforeUpgrade();
    if (text !== null) await platform.writeAutoBackup(text, 'before_upgrade');
  } catch (error) {
    useAutoBackupFailure.getState().report(error);
    throw error;
  }
}
