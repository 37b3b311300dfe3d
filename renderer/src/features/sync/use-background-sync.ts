// Starts the sync runner for the user's database when the app opens (never for the sample data).
import { useEffect } from 'react';
import { getDb, isDemoDatabase } from '../../db/database';
import { stopSyncRunner, syncRunnerFor } from './sync-runner';

export function useBackgroundSync(): void {
  useEffect(() => {
    const db = getDb();
    if (isDemoDatabase(db)) return;
    syncRunnerFor(db);
    return () => stopSyncRunner(db);
  }, []);
}
