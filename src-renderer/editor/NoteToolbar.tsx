// A private note's formatting buttons (see RichTextToolbar), styled and behaving like the plan
// editor's: undo/redo through the note's own history, then the shared formatting groups.
import type { Editor } from '@tiptap/core';
import { redo, undo } from '@tiptap/pm/history';
import { RichTextToolbar } from '../components/rich-text-toolbar/RichTextToolbar';
import { useFormattingTools, useHistoryTools } from '../components/rich-text-toolbar/tools';

export function NoteToolbar({ editor, onLink }: { editor: Editor; onLink: () => void }) {
  const history = useHistoryTools(
    (note) => undo(note.state, note.view.dispatch),
    (note) => redo(note.state, note.view.dispatch),
  );
  const formatting = useFormattingTools(onLink);
  return (
    <RichTextToolbar
      editor={editor}
      groups={[history, ...formatting]}
      testId="note-toolbar"
      toolTestId="note-tool"
    />
  );
}
