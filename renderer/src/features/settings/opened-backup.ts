// A backup file the OS opened with the app, waiting for Ajustes → Copias de seguridad to preview it.
import { useEffect } from 'react';
import { create } from 'zustand';
import { getPlatform } from '../../platform';
import type { BackupFileFromOs } from '../../platform/platform';
import { navigate } from '../../app/router';
import type { MessageKey } from '../../i18n';

interface OpenedBackupState {
  /** UI state only: the file's text until the preview dialog takes it. */
  file: BackupFileFromOs | null;
  offer: (file: BackupFileFromOs) => void;
  take: () => BackupFileFromOs | null;
}

export const useOpenedBackup = create<OpenedBackupState>()((set, get) => ({
  file: null,
  offer: (file) => set({ file }),
  take: () => {
    const { file } = get();
    if (file) set({ file: null });
    return file;
  },
}));

export const OPENED_BACKUP_PROBLEMS: Record<
  NonNullable<BackupFileFromOs['problem']>,
  MessageKey
> = {
  too_large: 'desktop.openedBackup.too_large',
  not_backup: 'desktop.openedBackup.not_backup',
  unreadable: 'desktop.openedBackup.unreadable',
};

/** App-wide: a file opened from the OS takes the person to the backup card, which asks first. */
export function useBackupFilesFromOs(): void {
  useEffect(
    () =>
      getPlatform().onBackupFileOpened((file) => {
        useOpenedBackup.getState().offer(file);
        navigate({ screen: 'settings' });
      }),
    [],
  );
}
