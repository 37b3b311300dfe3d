// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ChoiceFilter } from '../../../../renderer/src/features/ledger/ChoiceFilter';

const OPTIONS = [
  { value: 'paid', label: 'Cobrada' },
  { value: 'overdue', label: 'Vencida' },
] as const;

afterEach(cleanup);

describe('ChoiceFilter', () => {
  it('names every chosen value when several are set, and picking one narrows to it', () => {
    const onChange = vi.fn();
    render(
      <ChoiceFilter
        id="status"
        label="Estado"
        chosen={['paid', 'overdue']}
        allLabel="Todos"
        manyLabel="Cobrada, Vencida"
        options={OPTIONS}
        onChange={onChange}
      />,
    );
    const select = screen.getByLabelText<HTMLSelectElement>('Estado');
    expect(select.value).toBe('many');
    expect(select.selectedOptions[0]?.textContent).toBe('Cobrada, Vencida');
    fireEvent.change(select, { target: { value: 'overdue' } });
    expect(onChange).toHaveBeenLastCalledWith(['overdue']);
  });

  it('"all" clears the filter, and no "many" entry exists for a single choice', () => {
    const onChange = vi.fn();
    render(
      <ChoiceFilter
        id="status"
        label="Estado"
        chosen={['paid']}
        allLabel="Todos"
        manyLabel="unused"
        options={OPTIONS}
        onChange={onChange}
      />,
    );
    const select = screen.getByLabelText<HTMLSelectElement>('Estado');
    expect(select.value).toBe('paid');
    expect([...select.options].map((option) => option.value)).toEqual(['all', 'paid', 'overdue']);
    fireEvent.change(select, { target: { value: 'all' } });
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('a lazy list holds "all" and the chosen entry until focused, then every entry', () => {
    const onChange = vi.fn();
    render(
      <ChoiceFilter
        id="client"
        label="Cliente"
        chosen={['overdue']}
        allLabel="Todos"
        manyLabel="unused"
        options={OPTIONS}
        onChange={onChange}
        lazy
      />,
    );
    const select = screen.getByLabelText<HTMLSelectElement>('Cliente');
    expect(select.value).toBe('overdue');
    expect([...select.options].map((option) => option.value)).toEqual(['all', 'overdue']);
    fireEvent.focus(select);
    expect([...select.options].map((option) => option.value)).toEqual(['all', 'paid', 'overdue']);
    expect(select.value).toBe('overdue');
    fireEvent.change(select, { target: { value: 'paid' } });
    expect(onChange).toHaveBeenLastCalledWith(['paid']);
  });

  it('a lazy list is made whole by a press too', () => {
    render(
      <ChoiceFilter
        id="client"
        label="Cliente"
        chosen={[]}
        allLabel="Todos"
        manyLabel="unused"
        options={OPTIONS}
        onChange={vi.fn()}
        lazy
      />,
    );
    const select = screen.getByLabelText<HTMLSelectElement>('Cliente');
    expect([...select.options].map((option) => option.value)).toEqual(['all']);
    fireEvent.pointerDown(select);
    expect(select.options).toHaveLength(3);
  });
});
