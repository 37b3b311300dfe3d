// The column mapping: one select per target field, with saved presets to reuse next time.
import { useState } from 'react';
import { useT } from '../../i18n';
import type { ImportPresetRecord } from '../../../../shared/domain/records';
import {
  REQUIRED_FIELDS,
  fieldsOf,
  presetFits,
  type ColumnMapping,
  type ImportKind,
} from '../../../../shared/formats/column-mapping';
import { FIELD_LABELS } from './row-issue-text';

interface MappingFormProps {
  kind: ImportKind;
  header: readonly string[];
  mapping: ColumnMapping;
  presets: readonly ImportPresetRecord[];
  onChange: (mapping: ColumnMapping) => void;
  onSavePreset: (name: string) => void;
}

export function MappingForm({
  kind,
  header,
  mapping,
  presets,
  onChange,
  onSavePreset,
}: MappingFormProps) {
  const t = useT();
  const [presetName, setPresetName] = useState('');
  const usable = presets.filter((preset) => presetFits(preset.mapping, header));
  const required = REQUIRED_FIELDS[kind];
  return (
    <div className="card">
      <h2>{t('import.mapping')}</h2>
      <p className="screen__lead">{t('import.mapping.intro')}</p>
      {usable.length > 0 && (
        <div className="field" style={{ maxWidth: 320 }}>
          <label htmlFor="import-preset">{t('import.preset')}</label>
          <select
            id="import-preset"
            className="input"
            defaultValue=""
            onChange={(event) => {
              const preset = usable.find((item) => item.id === event.target.value);
              if (preset) onChange({ ...mapping, ...preset.mapping });
            }}
          >
            <option value="">{t('import.preset.none')}</option>
            {usable.map((preset) => (
              <option key={preset.id} value={preset.id}>
                {preset.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="form-grid">
        {fieldsOf(kind).map((field) => {
          const id = `map-${field}`;
          const labelKey = FIELD_LABELS[field];
          return (
            <div className="field" key={field}>
              <label htmlFor={id}>
                {labelKey ? t(labelKey) : field}
                {required.includes(field) ? ' *' : ''}
              </label>
              <select
                id={id}
                className="input"
                value={mapping[field] ?? ''}
                onChange={(event) => onChange({ ...mapping, [field]: event.target.value })}
              >
                <option value="">{t('import.mapping.none')}</option>
                {header.map((column) => (
                  <option key={column} value={column}>
                    {column}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      <div className="toolbar" style={{ marginTop: 'var(--space-3)' }}>
        <div className="field">
          <label htmlFor="preset-name">{t('import.preset.name')}</label>
          <input
            id="preset-name"
            className="input"
            value={presetName}
            onChange={(event) => setPresetName(event.target.value)}
          />
        </div>
        <button
          type="button"
          className="button"
          disabled={presetName.trim() === ''}
          onClick={() => {
            onSavePreset(presetName.trim());
            setPresetName('');
          }}
        >
          {t('import.preset.save')}
        </button>
      </div>
    </div>
  );
}
