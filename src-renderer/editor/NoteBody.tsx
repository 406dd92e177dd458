// A private note's rich text: a TipTap editor with the plan editor's nodes and marks, its formatting
// toolbar and the link dialog. Every change goes to onChange as the editor's JSON at once (the
// note's saver sends it on); what is on screen is the truth and is never replaced by what main sends
// back. Content the editor's schema does not accept is shown as its plain text, and the note says so.
import { Editor } from '@tiptap/core';
import { EditorContent } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contentFromPlainText, type NoteDoc } from '../../src-shared/notes/note-content';
import { isCommand } from '../lib/shortcuts';
import { LinkDialog } from '../plans/LinkDialog';
import { fitsSchema, noteExtensions, noteSchema } from './note-extensions';
import { NoteToolbar } from './NoteToolbar';

interface NoteBodyProps {
  initial: NoteDoc;
  /** The note's plain text, shown as paragraphs when initial does not fit the editor's schema. */
  plainText: string;
  /** Main could not read the stored formatting and sent the plain text as paragraphs. */
  unreadable: boolean;
  /** The editor's accessible name. */
  label: string;
  onChange: (content: NoteDoc) => void;
}

export function NoteBody(props: NoteBodyProps) {
  const { t } = useTranslation();
  const [linking, setLinking] = useState(false);
  const [editor, setEditor] = useState<Editor | null>(null);
  // Decided once, when the note opens: the content the editor starts from.
  const [start] = useState(() => {
    const fits = fitsSchema(noteSchema(), props.initial);
    return {
      content: fits ? props.initial : contentFromPlainText(props.plainText),
      unreadable: props.unreadable || !fits,
    };
  });
  // Read when needed, so new callbacks or texts do not rebuild the editor.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const created = new Editor({
      extensions: noteExtensions({ onLink: () => setLinking(true) }),
      content: start.content,
      // TipTap's injected <style> would be refused by the renderer's CSP; plans.css has its rules.
      injectCSS: false,
      editorProps: { attributes: { 'data-testid': 'note-body' } },
      onUpdate: ({ editor: changed }) => latest.current.onChange(changed.getJSON() as NoteDoc),
    });
    // The editor must be destroyed with its effect; so it reaches the render through state.
    setEditor(created);
    return () => created.destroy();
  }, [start]);

  const { label } = props;
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setOptions({
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'data-testid': 'note-body',
        },
      },
    });
  }, [editor, label]);

  return (
    <>
      {start.unreadable && (
        <p className="hint" role="status" data-testid="note-content-unreadable">
          {t('editor.contentUnreadable')}
        </p>
      )}
      {editor && <NoteToolbar editor={editor} onLink={() => setLinking(true)} />}
      <EditorContent
        editor={editor}
        className="plan-editor note-body"
        onKeyDown={(event) => {
          // Mod-k opened the link dialog: the app's own Mod-k (search) must not also run.
          const { nativeEvent } = event;
          if (nativeEvent.defaultPrevented && isCommand(nativeEvent) && nativeEvent.key === 'k') {
            event.stopPropagation();
          }
        }}
      />
      {linking && editor && <LinkDialog editor={editor} onClose={() => setLinking(false)} />}
    </>
  );
}
