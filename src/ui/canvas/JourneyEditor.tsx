import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ReactFlowProvider } from '@xyflow/react';
import { useCanWrite } from '../../app/store';
import { useActiveWorkspace } from '../../app/useActiveWorkspace';
import { getJourney, getVersion } from '../../storage/journeys';
import { EmptyState, ErrorBox } from '../kit';
import { EditorContext } from './editorContext';
import { createEditorStore, type EditorStore } from './editorStore';
import { EditorShell } from './EditorShell';
import './canvas.css';

/**
 * /journeys/:id — the journey canvas. `?present=1` opens the presentation mode (read-only, large
 * type); `?version=N` shows a published version, read-only. Read-only too when this tab is not
 * the writer.
 */
export function JourneyEditor() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { db, workspace, dataVersion } = useActiveWorkspace();
  const canWrite = useCanWrite();
  const version = params.get('version');
  const present = params.get('present') === '1';
  const [store, setStore] = useState<EditorStore | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'missing'>('loading');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!db) return;
    let live = true;
    setState('loading');
    setStore(null);
    setError(null);
    const load = version ? getVersion(db, id, Number(version)).then((v) => v?.journey ?? null) : getJourney(db, id);
    load.then(
      (j) => {
        if (!live) return;
        if (!j) return setState('missing');
        setStore(createEditorStore(j, true));
        setState('ready');
      },
      (e) => live && (setError(e), setState('missing')),
    );
    return () => {
      live = false;
    };
  }, [db, id, version]);

  const readOnly = !canWrite || !!version || present;
  useEffect(() => store?.getState().setReadOnly(readOnly), [store, readOnly]);

  const onPresent = useCallback(
    (on: boolean) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (on) next.set('present', '1');
          else next.delete('present');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  if (error) return <div className="page"><ErrorBox error={error} testId="journey-load-error" /></div>;
  if (state === 'missing')
    return (
      <div className="page">
        <EmptyState title={t('canvas.missing.title')} testId="journey-missing">
          <Link to="/journeys">{t('canvas.missing.back')}</Link>
        </EmptyState>
      </div>
    );
  if (!store || !db || !workspace) return <p className="page-loading">{t('canvas.loading')}</p>;
  return (
    <EditorContext.Provider value={store}>
      <ReactFlowProvider>
        <EditorShell db={db} store={store} currency={workspace.currency} dataVersion={dataVersion} present={present} onPresent={onPresent} />
        {version ? (
          <p className="cv-version-banner" data-testid="version-banner">
            {t('canvas.versionView', { revision: version })} <Link to={`/journeys/${id}`}>{t('canvas.backToDraft')}</Link>
          </p>
        ) : null}
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}
