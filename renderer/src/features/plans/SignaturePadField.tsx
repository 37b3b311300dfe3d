// A drawn signature (signature_pad) on a labelled canvas; reports a PNG data URL or null when empty.
import { useEffect, useRef } from 'react';
import SignaturePad from 'signature_pad';
import { useT } from '../../i18n';

interface SignaturePadFieldProps {
  label: string;
  testId: string;
  error?: string | undefined;
  onChange: (pngDataUrl: string | null) => void;
}

export function SignaturePadField({ label, testId, error, onChange }: SignaturePadFieldProps) {
  const t = useT();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // Sharp strokes on high-density screens: the bitmap follows the device pixel ratio.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext('2d')?.scale(ratio, ratio);
    const pad = new SignaturePad(canvas, { penColor: '#1f2933', backgroundColor: 'rgba(0,0,0,0)' });
    const report = () => onChangeRef.current(pad.isEmpty() ? null : pad.toDataURL('image/png'));
    pad.addEventListener('endStroke', report);
    padRef.current = pad;
    return () => {
      pad.removeEventListener('endStroke', report);
      pad.off();
      padRef.current = null;
    };
  }, []);

  return (
    <div className="field plan-signature">
      <span className="field__label" id={`${testId}-label`}>
        {label}
      </span>
      <canvas
        ref={canvasRef}
        className="plan-signature__canvas"
        data-testid={testId}
        role="img"
        aria-labelledby={`${testId}-label`}
        aria-description={t('plans.sign.padLabel')}
      />
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
      <button
        type="button"
        className="button button--link"
        onClick={() => {
          padRef.current?.clear();
          onChange(null);
        }}
      >
        {t('plans.sign.clear')}
      </button>
    </div>
  );
}
