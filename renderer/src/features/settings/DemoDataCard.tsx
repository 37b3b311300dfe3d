// Ajustes → "Cargar datos de ejemplo": the same realistic data every time, any size up to 100.000,
// opened as a demonstration in its own database: the user's data is never deleted or mixed.
import { useState } from 'react';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { isDemoDatabase } from '../../db/database';
import { leaveDemo, startDemo } from '../../db/demo-mode';
import { useToday } from '../../app/use-today';
import { useFormat } from '../../app/use-format';

const SIZES = [100, 1_000, 5_000, 10_000, 100_000];

export function DemoDataCard() {
  const t = useT();
  const today = useToday();
  const { count } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  const [size, setSize] = useState(1_000);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  async function load(): Promise<void> {
    setProgress({ done: 0, total: size });
    try {
      const result = await startDemo({
        invoices: size,
        today,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      showToast({
        tone: 'success',
        message: t('settings.demo.done', { count: count(result.invoices) }),
      });
    } catch (error) {
      showToast({ tone: 'error', message: t('error.generic', { message: String(error) }) });
    } finally {
      setProgress(null);
    }
  }

  const demo = isDemoDatabase();

  return (
    <div className="card">
      <h2>{t('settings.demo')}</h2>
      <p className="screen__lead">{t(demo ? 'settings.demo.active' : 'settings.demo.intro')}</p>
      <div className="toolbar" style={{ marginTop: 'var(--space-3)' }}>
        <div className="field">
          <label htmlFor="demo-size">{t('settings.demo.size')}</label>
          <select
            id="demo-size"
            className="input"
            value={size}
            onChange={(event) => setSize(Number(event.target.value))}
          >
            {SIZES.map((value) => (
              <option key={value} value={value}>
                {count(value)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button--primary"
          disabled={progress !== null}
          onClick={() => void load()}
        >
          {t('settings.demo.load')}
        </button>
        {demo && (
          <button
            type="button"
            className="button"
            disabled={progress !== null}
            onClick={() => {
              leaveDemo().catch((error: unknown) =>
                console.error('Leaving the demonstration failed', error),
              );
            }}
          >
            {t('demo.leave')}
          </button>
        )}
      </div>
      {progress && (
        <div role="status" style={{ marginTop: 'var(--space-3)' }}>
          <progress className="progress" max={progress.total} value={progress.done} />
          {t('settings.demo.progress', {
            done: count(progress.done),
            total: count(progress.total),
          })}
        </div>
      )}
    </div>
  );
}
