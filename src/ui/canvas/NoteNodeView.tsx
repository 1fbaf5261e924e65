import { memo } from 'react';
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { updateNote } from '../../core/journey/commands';
import { NOTE_COLORS } from '../../core/model/journey';
import { useEditor, useEditorStore } from './editorContext';
import type { NoteFlowNode } from './flowModel';

/** A sticky note: free text on the canvas, resizable, coloured; never validated. */
export const NoteNodeView = memo(function NoteNodeView({ data, selected }: NodeProps<NoteFlowNode>) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const readOnly = useEditor((s) => s.readOnly);
  const { note } = data;
  const edit = (patch: Parameters<typeof updateNote>[2], key: string) => {
    const s = store.getState();
    s.dispatch(updateNote(s.journey, note.id, patch, `note:${note.id}:${key}`));
  };
  return (
    <div className={`cv-note cv-note-${note.color}${selected ? ' cv-selected' : ''}`} data-testid="canvas-note">
      <NodeResizer
        isVisible={selected && !readOnly}
        minWidth={80}
        minHeight={40}
        handleClassName="cv-resize-handle"
        onResize={(_, p) => edit({ width: Math.round(Math.max(80, p.width)), height: Math.round(Math.max(40, p.height)), position: { x: Math.round(p.x), y: Math.round(p.y) } }, 'size')}
      />
      <textarea
        className="cv-note-text nodrag nowheel"
        value={note.text}
        readOnly={readOnly}
        maxLength={5000}
        placeholder={t('canvas.note.placeholder')}
        aria-label={t('canvas.note.text')}
        data-testid="note-text"
        onChange={(e) => edit({ text: e.target.value }, 'text')}
      />
      {selected && !readOnly ? (
        <div className="cv-note-colors nodrag">
          {NOTE_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              className={`cv-note-swatch cv-note-${c}${c === note.color ? ' cv-on' : ''}`}
              aria-label={t(`canvas.note.colors.${c}`)}
              title={t(`canvas.note.colors.${c}`)}
              onClick={() => edit({ color: c }, 'color')}
            />
          ))}
        </div>
      ) : null}
    </div>
  );
});
