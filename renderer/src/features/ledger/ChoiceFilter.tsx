// One of the ledger's drop-down filters: "all", one choice, or — when a saved view or the Panel set
// several — a read-only "many" entry naming them, so the select never shows a value it cannot hold.
import { useMemo, useState } from 'react';

export interface ChoiceOption<V extends string> {
  value: V;
  label: string;
}

interface ChoiceFilterProps<V extends string> {
  id: string;
  label: string;
  chosen: readonly V[];
  allLabel: string;
  /** What the "many" entry reads when more than one value is chosen. */
  manyLabel: string;
  options: readonly ChoiceOption<V>[];
  onChange: (chosen: V[]) => void;
  /**
   * Only "all" and the chosen entries until the select is focused or pressed: thousands of
   * clients would otherwise be made as elements each time the ledger opens, before it can answer.
   */
  lazy?: boolean;
}

export function ChoiceFilter<V extends string>(props: ChoiceFilterProps<V>) {
  const { chosen } = props;
  const value = chosen.length === 1 ? chosen[0] : chosen.length > 1 ? 'many' : 'all';
  const [wanted, setWanted] = useState(props.lazy !== true);
  const want = wanted ? undefined : () => setWanted(true);
  const single = chosen.length === 1 ? chosen[0] : undefined;
  // The same elements while the options stay the same: thousands of clients are not re-rendered
  // on every keystroke in the search box.
  const options = useMemo(
    () =>
      (wanted ? props.options : props.options.filter((option) => option.value === single)).map(
        (option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ),
      ),
    [props.options, wanted, single],
  );
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        className="input"
        value={value}
        onFocus={want}
        onPointerDown={want}
        onChange={(event) => {
          const picked = event.target.value;
          if (picked === 'many') return;
          props.onChange(picked === 'all' ? [] : [picked as V]);
        }}
      >
        <option value="all">{props.allLabel}</option>
        {value === 'many' && <option value="many">{props.manyLabel}</option>}
        {options}
      </select>
    </div>
  );
}
