import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { validateJourney, type ValidationContext, type ValidationIssue } from '../../core/journey/validate';
import type { Journey } from '../../core/model/journey';
import type { WorkspaceDB } from '../../storage/db';
import { listAudiences } from '../../storage/audiences';
import { draftChanged, saveJourney, validationContext } from '../../storage/journeys';
import type { EditorStore } from './editorStore';
import type { FieldLists } from './fieldWidgets';

export const VALIDATE_MS = 200;
export const AUTOSAVE_MS = 600;

/** The journey's issues, re-checked ~200 ms after the last change. */
export function useValidation(store: EditorStore, ctx: ValidationContext | null): ValidationIssue[] {
  const journey = useStore(store, (s) => s.journey);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const first = useRef(true);
  useEffect(() => {
    if (!ctx) return;
    const run = () => setIssues(validateJourney(journey, ctx));
    if (first.current) {
      first.current = false;
      run();
      return;
    }
    const timer = setTimeout(run, VALIDATE_MS);
    return () => clearTimeout(timer);
  }, [journey, ctx]);
  return issues;
}

export type SaveState = 'saved' | 'saving' | 'error';

/**
 * Saves the draft ~600 ms after the last edit (never in read-only). `flush` saves now and
 * resolves when the stored draft is the one on screen (publish waits for it).
 */
export function useAutosave(
  store: EditorStore,
  db: WorkspaceDB,
): { state: SaveState; error: unknown; flush: () => Promise<void>; markSaved: (j: Journey) => void; unpublished: boolean } {
  const journey = useStore(store, (s) => s.journey);
  const readOnly = useStore(store, (s) => s.readOnly);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<unknown>(null);
  /** The stored draft differs from its latest published version. */
  const [unpublished, setUnpublished] = useState(false);
  const saved = useRef<Journey>(journey);
  const checkPublished = (j: Journey) => {
    if (j.revision === 0) return setUnpublished(false);
    draftChanged(db, j).then(setUnpublished, () => undefined);
  };
  useEffect(() => checkPublished(saved.current), []); // eslint-disable-line react-hooks/exhaustive-deps -- once, for the journey as opened
  const chain = useRef<Promise<void>>(Promise.resolve());

  const save = (j: Journey): Promise<void> => {
    const run = chain.current.then(async () => {
      if (j === saved.current) return;
      setState('saving');
      try {
        await saveJourney(db, j);
        saved.current = j;
        setError(null);
        checkPublished(j);
        setState(store.getState().journey === j ? 'saved' : 'saving');
      } catch (e) {
        setError(e);
        setState('error');
        throw e;
      }
    });
    chain.current = run.catch(() => undefined);
    return run;
  };

  useEffect(() => {
    if (readOnly || journey === saved.current) return;
    setState('saving');
    const timer = setTimeout(() => void save(journey).catch(() => undefined), AUTOSAVE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- save reads refs
  }, [journey, readOnly]);

  // Save what is pending when the editor closes.
  useEffect(
    () => () => {
      const j = store.getState().journey;
      if (!store.getState().readOnly && j !== saved.current) void saveJourney(db, j).catch(() => undefined);
    },
    [store, db],
  );

  return {
    state,
    error,
    flush: () => save(store.getState().journey),
    /** The stored draft already is `j` (publish or restore wrote it): nothing to save. */
    markSaved: (j: Journey) => {
      saved.current = j;
      setState('saved');
      checkPublished(j);
    },
    unpublished,
  };
}

export type WorkspaceLists = Omit<FieldLists, 'nodes'> & { ctx: ValidationContext };

/** Audiences, tags and tag groups of the workspace, for pickers and validation. */
export function useWorkspaceLists(db: WorkspaceDB, currency: string, dataVersion: number): WorkspaceLists | null {
  const [lists, setLists] = useState<WorkspaceLists | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([validationContext(db), listAudiences(db), db.tags.toArray()]).then(
      ([ctx, audiences, tags]) => {
        if (!live) return;
        const groups = [...new Set(tags.map((x) => x.group).filter((g): g is string => !!g))].sort();
        setLists({
          ctx,
          audiences: audiences.map((a) => ({ id: a.id, name: a.name })),
          tags: tags.map((x) => ({ name: x.name, group: x.group })).sort((a, b) => a.name.localeCompare(b.name)),
          tagGroups: groups,
          currency,
        });
      },
      () => live && setLists({ ctx: { audiences: new Map(), tags: new Set(), tagGroups: new Set() }, audiences: [], tags: [], tagGroups: [], currency }),
    );
    return () => {
      live = false;
    };
  }, [db, currency, dataVersion]);
  return lists;
}
