// Saved views: the two built-in ones and the person's own, applied with one choice.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { getDb } from '../../db/database';
import { deleteView, listSavedViews, saveView } from '../../db/ledger-queries';
import { Dialog } from '../../components/Dialog';
import { useUiStore } from '../../store/ui-store';
import { useToday } from '../../app/use-today';
import { BUILT_IN_VIEWS, readViewState, type LedgerViewState } from './ledger-view-state';

interface SavedViewsProps {
  current: LedgerViewState;
  onApply: (state: Partial<LedgerViewState>) => void;
}

export function SavedViews({ current, onApply }: SavedViewsProps) {
  const t = useT();
  const today = useToday();
  const showToast = useUiStore((state) => state.showToast);
  const views = useLiveQuery(() => listSavedViews(getDb()), []) ?? [];
  const [chosen, setChosen] = useState('');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const chosenView = views.find((view) => view.id === chosen);

  const apply = (id: string) => {
    setChosen(id);
    const builtIn = BUILT_IN_VIEWS.find((view) => view.id === id);
    if (builtIn) return onApply(builtIn.build(today));
    const state = readViewState(views.find((view) => view.id === id)?.state);
    if (state) onApply(state);
  };

  const save = async () => {
    if (name.trim() === '') return setNameError(true);
    const record = await saveView(getDb(), name, current);
    setNaming(false);
    setChosen(record.id);
    showToast({ tone: 'success', message: t('ledger.views.saved', { name: record.name }) });
  };

  return (
    <div className="toolbar">
      <div className="field">
        <label htmlFor="ledger-view">{t('ledger.views')}</label>
        <select
          id="ledger-view"
          className="input"
          value={chosen}
          onChange={(event) => apply(event.target.value)}
        >
          <option value="">{t('ledger.views.choose')}</option>
          {BUILT_IN_VIEWS.map((view) => (
            <option key={view.id} value={view.id}>
              {t(view.name)}
            </option>
          ))}
          {views.map((view) => (
            <option key={view.id} value={view.id}>
              {view.name}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button"
        onClick={() => {
          setName('');
          setNameError(false);
          setNaming(true);
        }}
      >
        {t('ledger.views.save')}
      </button>
      {chosenView && (
        <button type="button" className="button" onClick={() => setConfirmDelete(true)}>
          {t('ledger.views.delete')}
        </button>
      )}
      {naming && (
        <Dialog
          title={t('ledger.views.save')}
          onClose={() => setNaming(false)}
          testId="view-dialog"
        >
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <div className="field">
              <label htmlFor="ledger-view-name">{t('ledger.views.name')}</label>
              <input
                id="ledger-view-name"
                className="input"
                value={name}
                aria-invalid={nameError || undefined}
                aria-describedby={nameError ? 'ledger-view-name-error' : undefined}
                onChange={(event) => {
                  setName(event.target.value);
                  setNameError(false);
                }}
              />
              {nameError && (
                <span id="ledger-view-name-error" className="field__error">
                  {t('issue.required')}
                </span>
              )}
            </div>
            <div className="toolbar">
              <button type="submit" className="button button--primary">
                {t('common.save')}
              </button>
              <button type="button" className="button" onClick={() => setNaming(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        </Dialog>
      )}
      {confirmDelete && chosenView && (
        <Dialog title={t('ledger.views.delete')} onClose={() => setConfirmDelete(false)}>
          <p>{t('ledger.views.deleteConfirm', { name: chosenView.name })}</p>
          <div className="toolbar">
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                void deleteView(getDb(), chosenView.id).then(() => {
                  setConfirmDelete(false);
                  setChosen('');
                });
              }}
            >
              {t('common.delete')}
            </button>
            <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
