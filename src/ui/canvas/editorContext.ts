import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorActions, EditorState, EditorStore } from './editorStore';

export const EditorContext = createContext<EditorStore | null>(null);

export function useEditorStore(): EditorStore {
  const s = useContext(EditorContext);
  if (!s) throw new Error('useEditorStore outside the journey editor');
  return s;
}

export function useEditor<T>(pick: (s: EditorState & EditorActions) => T): T {
  return useStore(useEditorStore(), pick);
}
