// Importar: invoices and clients from tables, e-invoices, and bank statements with reconciliation.
import { useState } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { TableImport } from './TableImport';
import { EInvoiceImport } from './EInvoiceImport';
import { StatementImport } from './StatementImport';
import './import.css';

type Tab = 'table' | 'einvoice' | 'bank';

const TABS: { id: Tab; label: MessageKey }[] = [
  { id: 'table', label: 'import.tab.table' },
  { id: 'einvoice', label: 'import.tab.einvoice' },
  { id: 'bank', label: 'import.tab.bank' },
];

export function ImportScreen() {
  const t = useT();
  const [tab, setTab] = useState<Tab>('table');
  return (
    <section className="screen" aria-labelledby="import-title">
      <div className="screen__header">
        <h1 id="import-title">{t('import.title')}</h1>
      </div>
      <p className="screen__lead">{t('import.lead')}</p>
      <div className="import-tabs" role="tablist">
        {TABS.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            id={`import-tab-${item.id}`}
            aria-selected={tab === item.id}
            aria-controls={`import-panel-${item.id}`}
            className="button"
            onClick={() => setTab(item.id)}
          >
            {t(item.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`import-panel-${tab}`} aria-labelledby={`import-tab-${tab}`}>
        {tab === 'table' && <TableImport />}
        {tab === 'einvoice' && <EInvoiceImport />}
        {tab === 'bank' && <StatementImport />}
      </div>
    </section>
  );
}
