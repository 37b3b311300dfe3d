// @vitest-environment jsdom
import { useState } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DateInput,
  dateInputText,
  parseDateInput,
} from '../../../../renderer/src/components/DateInput';
import { useUiStore } from '../../../../renderer/src/store/ui-store';

afterEach(() => {
  cleanup();
  useUiStore.setState({ language: 'es' });
});

function Harness({ initial }: { initial: string | null }) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <>
      <label htmlFor="d">Fecha</label>
      <DateInput id="d" value={value} onChange={setValue} />
      <output data-testid="value">{value ?? 'null'}</output>
    </>
  );
}

describe('DateInput', () => {
  it('shows a stored date as dd/mm/aaaa and parses what people type, ISO included', () => {
    expect(dateInputText('2026-12-31')).toBe('31/12/2026');
    expect(dateInputText(null)).toBe('');
    expect(parseDateInput('31/12/2026')).toBe('2026-12-31');
    expect(parseDateInput('1/2/26')).toBe('2026-02-01');
    expect(parseDateInput('2026-02-01')).toBe('2026-02-01');
    expect(parseDateInput('  ')).toBeNull();
    expect(parseDateInput('31/02/2026')).toBeUndefined();
    expect(parseDateInput('12/31/2026')).toBeUndefined();
  });

  it('is a text field with a Spanish mask in Spanish and a day-first one in English', () => {
    render(<Harness initial="2026-11-23" />);
    const input = screen.getByLabelText('Fecha');
    expect(input).toHaveProperty('type', 'text');
    expect(input).toHaveProperty('value', '23/11/2026');
    expect(input.getAttribute('placeholder')).toBe('dd/mm/aaaa');
    cleanup();
    useUiStore.setState({ language: 'en' });
    render(<Harness initial={null} />);
    expect(screen.getByLabelText('Fecha').getAttribute('placeholder')).toBe('dd/mm/yyyy');
  });

  it('reports a date only once it exists, null when emptied, and marks an impossible one', async () => {
    const user = userEvent.setup();
    render(<Harness initial={null} />);
    const input = screen.getByLabelText('Fecha');
    await user.type(input, '31/02/2026');
    expect(screen.getByTestId('value').textContent).toBe('null');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await user.clear(input);
    await user.type(input, '5/3/2026');
    expect(screen.getByTestId('value').textContent).toBe('2026-03-05');
    await user.tab();
    expect(input).toHaveProperty('value', '05/03/2026');
    await user.clear(input);
    expect(screen.getByTestId('value').textContent).toBe('null');
  });
});
