// UI state only (language, filters, open dialogs, toasts): never a copy of what Dexie holds.
import { create } from 'zustand';
import type { Language } from '../../../shared/domain/records';
import type { InvoiceStatus } from '../../../shared/domain/records';

export type DialogState =
  | { kind: 'none' }
  | { kind: 'client'; clientId: string | null }
  | { kind: 'invoice'; clientId: string | null }
  | { kind: 'payment'; clientId: string | null };

export interface Toast {
  id: number;
  message: string;
  tone: 'success' | 'error';
  undo?: () => void;
}

interface UiState {
  language: Language;
  dialog: DialogState;
  toasts: Toast[];
  ledgerSearch: string;
  ledgerStatus: InvoiceStatus | 'all' | 'open';
  setLanguage: (language: Language) => void;
  openDialog: (dialog: DialogState) => void;
  closeDialog: () => void;
  showToast: (toast: Omit<Toast, 'id'>) => void;
  dismissToast: (id: number) => void;
  setLedgerSearch: (text: string) => void;
  setLedgerStatus: (status: InvoiceStatus | 'all' | 'open') => void;
}

let nextToastId = 1;

export const useUiStore = create<UiState>((set) => ({
  language: 'es',
  dialog: { kind: 'none' },
  toasts: [],
  ledgerSearch: '',
  ledgerStatus: 'all',
  setLanguage: (language) => set({ language }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: { kind: 'none' } }),
  showToast: (toast) =>
    set((state) => ({ toasts: [...state.toasts, { ...toast, id: nextToastId++ }] })),
  dismissToast: (id) =>
    set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
  setLedgerSearch: (ledgerSearch) => set({ ledgerSearch }),
  setLedgerStatus: (ledgerStatus) => set({ ledgerStatus }),
}));
