// UI state only (language, filters, open dialogs, toasts): never a copy of what Dexie holds.
import { create } from 'zustand';
import type { Language } from '../../../shared/domain/records';
import { EMPTY_FILTER, type LedgerFilter } from '../../../shared/domain/ledger-filter';

export type DialogState =
  | { kind: 'none' }
  | { kind: 'client'; clientId: string | null }
  | {
      kind: 'invoice';
      clientId: string | null;
      /** Set to edit that invoice. */ invoiceId?: string;
    }
  | {
      kind: 'invoiceDetail';
      invoiceId: string;
      /** Opens on the credit note form that settles this dispute. */
      settleDispute?: { id: string; amountCents: number; reason: string };
    }
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
  /** The ledger's filters; the dashboard sets them so a click opens exactly what a figure counts. */
  ledgerFilter: LedgerFilter;
  setLedgerFilter: (filter: LedgerFilter) => void;
  setLanguage: (language: Language) => void;
  openDialog: (dialog: DialogState) => void;
  closeDialog: () => void;
  showToast: (toast: Omit<Toast, 'id'>) => void;
  dismissToast: (id: number) => void;
}

let nextToastId = 1;
export const MAX_TOASTS = 3;

export const useUiStore = create<UiState>((set) => ({
  language: 'es',
  dialog: { kind: 'none' },
  toasts: [],
  ledgerFilter: EMPTY_FILTER,
  setLedgerFilter: (ledgerFilter) => set({ ledgerFilter }),
  setLanguage: (language) => set({ language }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: { kind: 'none' } }),
  // At most three at once: a burst of confirmations replaces the oldest instead of piling up.
  showToast: (toast) =>
    set((state) => ({
      toasts: [...state.toasts, { ...toast, id: nextToastId++ }].slice(-MAX_TOASTS),
    })),
  dismissToast: (id) =>
    set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
}));
