// The last automatic backup that failed (UI state): Ajustes shows it, not only the log.
import { create } from 'zustand';

interface AutoBackupFailureState {
  failure: { message: string } | null;
  report: (error: unknown) => void;
  clear: () => void;
}

export const useAutoBackupFailure = create<AutoBackupFailureState>()((set) => ({
  failure: null,
  report: (error) =>
    set({ failure: { message: error instanceof Error ? error.message : String(error) } }),
  clear: () => set({ failure: null }),
}));
