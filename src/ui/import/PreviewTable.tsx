import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { previewRows, TARGET_FIELDS, type SampleAnalysis } from '../../core/import';
import type { ImportSettings } from './useImportFlow';

/** The first rows as the importer will read them with the current mapping; bad cells flagged. */
export function PreviewTable({ analysis, settings }: { analysis: SampleAnalysis; settings: ImportSettings }) {
  const { t } = useTranslation();
  const rows = useMemo(() => previewRows(analysis, settings.mapping, settings.dateOrder), [analysis, settings.mapping, settings.dateOrder]);
  const fields = TARGET_FIELDS.filter((f) => settings.mapping[f] !== undefined);
  return (
    <section className="imp-preview">
      <h2 className="imp-h2">{t('import.preview.title', { n: rows.length })}</h2>
      <div className="k-table-wrap">
        <table className="k-table" data-testid="import-preview">
          <thead>
            <tr>
              <th scope="col">{t('import.preview.row')}</th>
              {fields.map((f) => (
                <th key={f} scope="col">
                  {t(`import.field.${f}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td className="k-muted">{i + 2}</td>
                {fields.map((f) => {
                  const c = r[f];
                  const bad = c?.issue ? t(`import.reason.${c.issue}`) : undefined;
                  return (
                    <td key={f} className={bad ? 'imp-bad' : undefined} title={bad}>
                      {c?.value ?? ''}
                      {bad ? <span className="sr-only"> ({bad})</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
