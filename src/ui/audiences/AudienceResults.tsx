import { lazy, Suspense, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../core/model';
import type { Rule } from '../../core/rules';
import type { EngineClient, Persona } from '../../engine/engineClient';
import type { WorkspaceDB } from '../../storage/db';
import { Button, downloadBlob, ErrorBox, formatNumber, useLocale } from '../kit';
import { csvFileName, membersCsv, type ExportRow } from './audienceLogic';

// echarts is heavy: it loads only with this chunk, never with the page.
const PersonaCharts = lazy(() => import('./PersonaCharts'));

const SAMPLE = 20;
const READ_BATCH = 2000;

async function readMembers(db: WorkspaceDB, ids: string[]): Promise<ExportRow[]> {
  const out: ExportRow[] = [];
  for (let i = 0; i < ids.length; i += READ_BATCH) {
    const rows = await db.members.bulkGet(ids.slice(i, i + READ_BATCH));
    rows.forEach((m, k) => out.push({ id: ids[i + k], name: m?.name ?? '', region: m?.region ?? '', city: m?.city ?? '' }));
  }
  return out;
}

function download(text: string, fileName: string): void {
  // A BOM so spreadsheet apps read the Chinese names as UTF-8.
  downloadBlob(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }), fileName);
}

/** What the rule selects: a sample of members, the export, and the persona charts. */
export function AudienceResults({ db, engine, rule, asOf, count, name }: { db: WorkspaceDB; engine: EngineClient; rule: Rule; asOf: string; count: number; name: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [sample, setSample] = useState<Pick<Member, 'id' | 'name' | 'region' | 'city'>[] | null>(null);
  const [persona, setPersona] = useState<Persona | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    let live = true;
    engine
      .members(rule, { asOf, offset: 0, limit: SAMPLE })
      .then((r) => readMembers(db, r.ids))
      .then((rows) => live && setSample(rows), (e) => live && setError(e));
    engine.persona(rule, { asOf }).then((p) => live && setPersona(p), (e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [db, engine, rule, asOf]);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const { ids } = await engine.members(rule, { asOf, offset: 0, limit: Math.max(count, 1) });
      download(membersCsv(await readMembers(db, ids)), csvFileName(name || 'audience', asOf));
    } catch (e) {
      setError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="aud-results">
      {error ? <ErrorBox error={error} /> : null}
      <section className="k-card aud-sample">
        <div className="aud-section-head">
          <h2>{t('audiences.sample.title')}</h2>
          <Button data-testid="audience-export" disabled={exporting || count === 0} onClick={() => void exportCsv()}>
            {exporting ? t('audiences.editor.exporting') : t('audiences.editor.export')}
          </Button>
        </div>
        {sample && sample.length === 0 ? <p className="k-muted">{t('audiences.sample.none')}</p> : null}
        {sample && sample.length > 0 ? (
          <>
            <p className="k-muted small">{t('audiences.sample.more', { n: sample.length, total: formatNumber(count, locale) })}</p>
            <ul className="aud-sample-list" data-testid="audience-sample">
              {sample.map((m) => (
                <li key={m.id}>
                  <Link to={`/data/members/${encodeURIComponent(m.id)}`} className="aud-member" data-testid="audience-member">
                    <span className="mono">{m.id}</span>
                    <span>{m.name}</span>
                    <span className="k-muted small">{[m.region, m.city].filter(Boolean).join(' · ')}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section className="k-card aud-persona" data-testid="persona">
        <h2>{t('audiences.persona.title')}</h2>
        {persona ? (
          <Suspense fallback={<p className="k-muted">{t('audiences.persona.loading')}</p>}>
            <PersonaCharts persona={persona} />
          </Suspense>
        ) : (
          <p className="k-muted">{t('audiences.persona.loading')}</p>
        )}
      </section>
    </div>
  );
}
