// Short confirmations and errors in a corner, with undo where it is cheap.
import { useEffect } from 'react';
import { useUiStore, type Toast } from '../store/ui-store';
import { useT } from '../i18n';

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useUiStore((state) => state.dismissToast);
  const t = useT();
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), toast.undo ? 8000 : 5000);
    return () => clearTimeout(timer);
  }, [dismiss, toast.id, toast.undo]);
  return (
    <div
      className={`toast toast--${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
    >
      <span>{toast.message}</span>
      {toast.undo && (
        <button
          type="button"
          className="button button--link"
          onClick={() => {
            toast.undo?.();
            dismiss(toast.id);
          }}
        >
          {t('common.undo')}
        </button>
      )}
      <button
        type="button"
        className="button button--link"
        aria-label={t('common.close')}
        onClick={() => dismiss(toast.id)}
      >
        ✕
      </button>
    </div>
  );
}

export function Toasts() {
  const toasts = useUiStore((state) => state.toasts);
  return (
    <div className="toasts">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
