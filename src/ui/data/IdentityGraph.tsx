import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Identity, OneIdHistoryEntry, OneIdSettings } from '../../core/model';
import { evidenceKind, memberIdentityGraph, whyOnePerson, type MemberIdentityGraph } from '../../core/oneid';
import type { WorkspaceDB } from '../../storage/db';
import { historyOf, possibleMatches, readOneIdSettings, splitProfile, type PossibleMatch } from '../../storage/oneid';
import { dataChanged } from '../../app/workspaceActions';
import { useCanWrite } from '../../app/store';
import { Button, ConfirmDialog, ErrorBox } from '../kit';
import { enumLabel } from './labels';
import { IdentityGraphSvg, profileLabel } from './IdentityGraphSvg';
import { IdentityGraphHistory, OPERATOR } from './IdentityGraphHistory';
import './IdentityGraph.css';

interface Loaded {
  settings: OneIdSettings;
  matches: PossibleMatch[];
  history: OneIdHistoryEntry[];
}

/** The value part of an evidence key (`phone:138…` -> `138…`; `member_card:A:A-001` -> `A-001`). */
export function evidenceValue(key: string): string {
  const rest = key.slice(key.indexOf(':') + 1);
  return evidenceKind(key) === 'member_card' ? rest.slice(rest.indexOf(':') + 1) : rest;
}

function Why({ graph, reference, selected }: { graph: MemberIdentityGraph; reference: string; selected: string }) {
  const { t } = useTranslation();
  const node = (id: string) => graph.nodes.find((n) => n.id === id)!;
  const label = (id: string) => `${profileLabel(t, node(id))} (${id})`;
  if (reference === selected) return <p className="k-muted" data-testid="identity-why">{t('data.oneid.whySelf', { profile: label(reference) })}</p>;
  const path = whyOnePerson(graph, reference, selected);
  if (!path) return <p data-testid="identity-why">{t('data.oneid.whyNone', { profile: label(selected), other: label(reference) })}</p>;
  return (
    <ol className="idg-why" data-testid="identity-why">
      {path.map((e) => (
        <li key={`${e.a}|${e.b}|${e.evidence}`} data-testid="identity-why-step">
          {t('data.oneid.whyStep', {
            a: label(e.a), b: label(e.b), kind: enumLabel(t, 'identityKind', evidenceKind(e.evidence)), value: evidenceValue(e.evidence),
          })}
        </li>
      ))}
    </ol>
  );
}

/**
 * The member's identity graph (member page): its source profiles and shared evidence, why they
 * are one person, possible matches not merged, split with a note, and the OneID history with undo.
 */
export function IdentityGraph({ db, memberId, identities, dataVersion }: { db: WorkspaceDB; memberId: string; identities: Identity[]; dataVersion: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCanWrite();
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [splitting, setSplitting] = useState(false);
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  // The page reloads its rows after a split (this section remounts): the confirmation rides in
  // the history entry's state so it survives that, and a reload or back does not repeat it.
  const location = useLocation();
  const splitState = (location.state as { oneidSplit?: { from: string; to: string } } | null)?.oneidSplit;
  const done = splitState?.from === memberId ? splitState.to : null;
  const key = `${db.name}|${memberId}|${dataVersion}`;

  useEffect(() => {
    let live = true;
    Promise.all([readOneIdSettings(db), possibleMatches(db, memberId, identities), historyOf(db, memberId)])
      .then(([settings, matches, history]) => live && setLoaded({ key, value: { settings, matches, history } }))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [db, memberId, identities, key]);

  const settings = loaded?.value.settings;
  const graph = useMemo(
    () => memberIdentityGraph(identities, settings?.trust ?? {}, settings?.splits ?? []),
    [identities, settings],
  );
  const ids = graph.nodes.map((n) => n.id);
  const reference = ids[0] ?? null;
  const current = selected && ids.includes(selected) ? selected : (ids[1] ?? reference);

  if (error) return <section className="k-card section"><ErrorBox error={error} /></section>;
  const doSplit = async () => {
    if (!current) return;
    if (!note.trim()) {
      setNoteMissing(true);
      return;
    }
    setBusy(true);
    try {
      const r = await splitProfile(db, memberId, current, { by: OPERATOR, note: note.trim() });
      setSplitting(false);
      setNote('');
      const state = { ...((location.state as object | null) ?? {}), oneidSplit: { from: memberId, to: r.memberId } };
      void navigate(location.pathname + location.search, { replace: true, state });
      dataChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const currentNode = graph.nodes.find((n) => n.id === current);

  return (
    <section className="k-card section idg" data-testid="identity-graph">
      <h2>
        {t('data.oneid.title')} <span className="k-muted">({t('data.oneid.profiles', { count: graph.nodes.length })})</span>
      </h2>
      <p className="k-muted small">{t('data.oneid.intro')}</p>
      {done ? (
        <p className="idg-done" data-testid="identity-split-done">
          {t('data.oneid.splitDone', { member: done })}{' '}
          <Link to={`/data/members/${encodeURIComponent(done)}`} data-testid="identity-split-open">{t('data.oneid.openMember', { member: done })}</Link>
        </p>
      ) : null}
      {graph.nodes.length > 0 ? <IdentityGraphSvg graph={graph} selected={current} reference={reference} onSelect={setSelected} /> : null}
      {reference && current && graph.nodes.length > 1 ? (
        <div className="idg-why-box">
          <h3>{t('data.oneid.why')}</h3>
          <p className="k-muted small">{t('data.oneid.whyPick', { profile: profileLabel(t, graph.nodes[0]) })}</p>
          <Why graph={graph} reference={reference} selected={current} />
          {currentNode ? (
            <Button variant="danger" disabled={!canWrite || busy} onClick={() => setSplitting(true)} data-testid="identity-split">
              {t('data.oneid.split')}: {profileLabel(t, currentNode)}
            </Button>
          ) : null}
        </div>
      ) : null}
      <div className="idg-hints" data-testid="identity-hints">
        <h3>{t('data.oneid.hints')}</h3>
        {!loaded ? null : loaded.value.matches.length === 0 ? (
          <p className="k-muted">{t('data.oneid.noHints')}</p>
        ) : (
          <ul>
            {loaded.value.matches.map((m) => (
              <li key={`${m.memberId}|${m.evidence}`} data-testid="identity-hint">
                {t('data.oneid.hintText', { member: m.memberId, kind: enumLabel(t, 'identityKind', m.kind), value: evidenceValue(m.evidence) })}{' '}
                <Link to={`/data/members/${encodeURIComponent(m.memberId)}`}>{t('data.oneid.openMember', { member: m.memberId })}</Link>
              </li>
            ))}
          </ul>
        )}
      </div>
      {loaded ? (
        <IdentityGraphHistory
          db={db}
          history={loaded.value.history}
          splits={loaded.value.settings.splits}
          canWrite={canWrite}
          onUndone={(into) => {
            dataChanged();
            if (into !== memberId) navigate(`/data/members/${encodeURIComponent(into)}`);
          }}
          onError={setError}
        />
      ) : null}
      <ConfirmDialog
        open={splitting && !!currentNode}
        title={t('data.oneid.splitTitle')}
        confirmLabel={t('data.oneid.split')}
        danger
        onConfirm={() => void doSplit()}
        onCancel={() => {
          setSplitting(false);
          setNoteMissing(false);
        }}
        testId="identity-split-dialog"
      >
        {currentNode ? <p>{t('data.oneid.splitBody', { profile: `${profileLabel(t, currentNode)} (${currentNode.id})` })}</p> : null}
        <label className="idg-note">
          <span>{t('data.oneid.note')}</span>
          <textarea
            value={note}
            rows={3}
            maxLength={1000}
            placeholder={t('data.oneid.notePlaceholder')}
            onChange={(e) => {
              setNote(e.target.value);
              setNoteMissing(false);
            }}
            data-testid="identity-split-note"
          />
        </label>
        {noteMissing ? <p className="k-error" role="alert">{t('data.oneid.noteRequired')}</p> : null}
      </ConfirmDialog>
    </section>
  );
}
