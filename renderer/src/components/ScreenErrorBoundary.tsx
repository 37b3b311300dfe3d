// Catches a screen that throws while rendering: says so plainly, logs it, and offers "copiar detalles".
import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n';
import { logError, toLogRecord } from '../app/error-log';
import './screen-error-boundary.css';

interface Props {
  /** Which screen this is, for the log and the copied details. */
  screen: string;
  children: ReactNode;
}

interface State {
  error: unknown;
  componentStack: string;
}

function FailedScreen({
  screen,
  error,
  componentStack,
  onRetry,
}: {
  screen: string;
  error: unknown;
  componentStack: string;
  onRetry: () => void;
}) {
  const t = useT();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const record = toLogRecord(screen, error, componentStack);
  const details = [
    `Pantalla: ${screen}`,
    `Fecha: ${new Date().toISOString()}`,
    `Navegador: ${navigator.userAgent}`,
    record.message,
    record.detail ?? '',
  ].join('\n');
  const copy = () => {
    navigator.clipboard
      .writeText(details)
      .then(() => setCopyState('copied'))
      .catch(() => setCopyState('failed'));
  };
  return (
    <section className="screen" aria-labelledby="screen-error-title">
      <div className="card" role="alert">
        <h1 id="screen-error-title">{t('reliability.boundary.title')}</h1>
        <p>{t('reliability.boundary.body')}</p>
        <div className="toolbar">
          <button type="button" className="button button--primary" onClick={onRetry}>
            {t('reliability.boundary.retry')}
          </button>
          <button type="button" className="button" onClick={copy}>
            {t('reliability.boundary.copy')}
          </button>
        </div>
        {copyState !== 'idle' && (
          <p className={`alert ${copyState === 'copied' ? 'alert--info' : 'alert--warning'}`}>
            {t(
              copyState === 'copied'
                ? 'reliability.boundary.copied'
                : 'reliability.boundary.copyFailed',
            )}
          </p>
        )}
        <details open={copyState === 'failed'}>
          <summary>{t('reliability.boundary.details')}</summary>
          <pre className="error-details" tabIndex={0}>
            {details}
          </pre>
        </details>
      </div>
    </section>
  );
}

export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, componentStack: '' };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    // `null` would read as "no error": keep something truthy for odd throws like `throw null`.
    return { error: error ?? new Error('Error sin descripción') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const componentStack = info.componentStack ?? '';
    this.setState({ componentStack });
    logError(`pantalla ${this.props.screen}`, error, componentStack);
  }

  override render(): ReactNode {
    const { error, componentStack } = this.state;
    if (error === null) return this.props.children;
    return (
      <FailedScreen
        screen={this.props.screen}
        error={error}
        componentStack={componentStack}
        onRetry={() => this.setState({ error: null, componentStack: '' })}
      />
    );
  }
}
