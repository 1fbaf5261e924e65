import { useTranslation } from 'react-i18next';
import { TARGET_FIELDS, type ColumnMapping, type TargetField } from '../../core/import';
import type { ImportSettings } from './useImportFlow';

const REQUIRED: ReadonlySet<TargetField> = new Set(['orderId', 'placedAt', 'unitPrice']);

/** Excel-style column letters, so "C: Description" matches what the person sees in a spreadsheet. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** One select per field the importer knows, listing the file's columns. */
export function MappingForm({ header, settings, onChange, disabled }: { header: string[]; settings: ImportSettings; onChange: (s: ImportSettings) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const setField = (f: TargetField, value: string) => {
    const mapping: ColumnMapping = { ...settings.mapping };
    if (value === '') delete mapping[f];
    else {
      const col = Number(value);
      // A column feeds one field: taking it here frees it elsewhere.
      for (const other of TARGET_FIELDS) if (mapping[other] === col) delete mapping[other];
      mapping[f] = col;
    }
    onChange({ ...settings, mapping });
  };
  return (
    <fieldset className="imp-mapping" disabled={disabled}>
      <legend>{t('import.mapping.title')}</legend>
      <p className="k-muted small">{t('import.mapping.hint')}</p>
      <div className="imp-mapping-grid">
        {TARGET_FIELDS.map((f) => (
          <label key={f} className="imp-field">
            <span>
              {t(`import.field.${f}`)}
              {REQUIRED.has(f) ? ' *' : ''}
            </span>
            <select className="k-input" data-testid={`import-map-${f}`} value={settings.mapping[f] ?? ''} onChange={(e) => setField(f, e.target.value)}>
              <option value="">{t('import.mapping.none')}</option>
              {header.map((h, i) => (
                <option key={i} value={i}>
                  {columnLetter(i)}: {h}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="imp-field">
          <span>{t('import.dateOrder.label')}</span>
          <select className="k-input" data-testid="import-date-order" value={settings.dateOrder} onChange={(e) => onChange({ ...settings, dateOrder: e.target.value as ImportSettings['dateOrder'] })}>
            <option value="mdy">{t('import.dateOrder.mdy')}</option>
            <option value="dmy">{t('import.dateOrder.dmy')}</option>
          </select>
        </label>
        <label className="imp-field">
          <span>{t('import.preset.label')}</span>
          <select className="k-input" data-testid="import-preset" value={settings.preset} onChange={(e) => onChange({ ...settings, preset: e.target.value as ImportSettings['preset'] })}>
            <option value="uci-online-retail">{t('import.preset.uci-online-retail')}</option>
            <option value="generic">{t('import.preset.generic')}</option>
          </select>
        </label>
      </div>
    </fieldset>
  );
}
