// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScreenErrorBoundary } from '../../../../renderer/src/components/ScreenErrorBoundary';
import { clearRecentErrors, recentErrors } from '../../../../renderer/src/app/error-log';

vi.mock('../../../../renderer/src/platform', () => ({
  getPlatform: () => ({ writeLog: () => Promise.resolve(false) }),
}));

afterEach(() => {
  cleanup();
  clearRecentErrors();
});

let broken = true;
function Fragile() {
  if (broken) throw new Error('No se pudo leer la factura');
  return <p>Pantalla buena</p>;
}

describe('ScreenErrorBoundary', () => {
  it('shows a plain message instead of a blank window, logs it, and recovers on retry', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    broken = true;
    render(
      <ScreenErrorBoundary screen="invoices">
        <Fragile />
      </ScreenErrorBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'Esta pantalla ha fallado' })).toBeTruthy();
    expect(recentErrors().at(-1)?.source).toBe('pantalla invoices');
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Volver a intentarlo' }));
    expect(screen.getByText('Pantalla buena')).toBeTruthy();
  });

  it('copies the details, naming the screen and the error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    broken = true;
    const user = userEvent.setup();
    render(
      <ScreenErrorBoundary screen="clients">
        <Fragile />
      </ScreenErrorBoundary>,
    );
    await user.click(screen.getByRole('button', { name: 'Copiar detalles' }));
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain('Pantalla: clients');
    expect(copied).toContain('Error: No se pudo leer la factura');
    expect(screen.getByText(/Detalles copiados/)).toBeTruthy();
  });
});
