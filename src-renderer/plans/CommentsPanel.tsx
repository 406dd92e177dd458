// The comment threads of a plan beside its editor: start one on the selected text, reply, resolve
// and reopen, and bring a thread's text into view. Open threads' text is highlighted in the editor.
// Commenting counts as editing: viewers read the threads but cannot add to them.
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { addComment, listThreads } from '../../src-shared/plans/plan-model';
import type { DocReplica } from '../shared-doc/doc-replica';
import { useNow } from '../hooks/use-now';
import { useDocVersion } from '../shared-doc/use-doc-replica';
import { useTasksSession } from '../tasks/tasks-session';
import { visibleThreads } from './visible-threads';
import { PlanPanel } from './PlanPanel';
import { CommentThreadView } from './CommentThreadView';
import { showCommentRanges, type CommentRange } from './comment-highlights';
import { shorten } from './plan-labels';
import { bindingLabel } from './shortcut-label';
import type { CommentDraft } from './use-comment-draft';
import type { PlanAuthor } from './use-plan-author';

interface CommentsPanelProps {
  replica: DocReplica;
  planId: string;
  space: SpaceSummary;
  editor: Editor | null;
  /** null when this user cannot comment (a viewer, or no device key yet). */
  author: PlanAuthor | null;
  draft: CommentDraft | null;
  onStart: () => void;
  onCancel: () => void;
}

export function CommentsPanel(props: CommentsPanelProps) {
  const { replica, planId, space, editor, author, draft } = props;
  const { t } = useTranslation();
  const [showResolved, setShowResolved] = useState(false);
  // Replies being typed, by thread: kept here so that a thread someone else resolves meanwhile
  // stays in the list with what was typed (a reply box of its own would go with it), and in the
  // session so that they outlive the panel (the board or a version put it away).
  const session = useTasksSession();
  const [replies, setReplies] = useState(() => session.replies(planId));
  const setReply = (threadId: string, text: string): void => {
    const next = new Map(replies).set(threadId, text);
    session.keepReplies(planId, next);
    setReplies(next);
  };
  useDocVersion(replica);
  // Relative times ("3 min ago") move on without any change in the document.
  useNow(60_000);
  const threads = listThreads(replica.doc, planId);
  const shown = visibleThreads(threads, showResolved, replies);

  const ranges: CommentRange[] = threads.flatMap(({ root }) =>
    !root.resolved && root.anchor && root.head ? [{ anchor: root.anchor, head: root.head }] : [],
  );
  const rangesKey = JSON.stringify(ranges);
  useEffect(() => {
    if (editor && !editor.isDestroyed) {
      showCommentRanges(editor.view, JSON.parse(rangesKey) as CommentRange[]);
    }
  }, [editor, rangesKey]);

  return (
    <PlanPanel testId="comments-panel" title={t('plans.comments.title')}>
      {author && editor && <CommentStart editor={editor} onStart={props.onStart} />}
      {author && draft && (
        <NewCommentForm
          draft={draft}
          initial={session.commentText(planId, passageOf(draft))}
          onTextChange={(text) => session.keepCommentText(planId, passageOf(draft), text)}
          onCancel={() => {
            session.keepCommentText(planId, passageOf(draft), '');
            props.onCancel();
          }}
          onSubmit={(text) => {
            session.keepCommentText(planId, passageOf(draft), '');
            addComment(replica.doc, {
              planId,
              author: author.deviceKey,
              authorName: author.name,
              text,
              at: Date.now(),
              anchor: draft.anchor,
              head: draft.head,
              quote: draft.quote,
            });
            props.onCancel();
          }}
        />
      )}
      <label className="check">
        <input
          type="checkbox"
          data-testid="comments-show-resolved"
          checked={showResolved}
          onChange={(event) => setShowResolved(event.currentTarget.checked)}
        />
        {t('plans.comments.showResolved')}
      </label>
      {shown.length === 0 ? (
        <p className="hint">
          {threads.length === 0 ? t('plans.comments.none') : t('plans.comments.noneOpen')}
        </p>
      ) : (
        <ul className="comment-threads">
          {shown.map((thread) => (
            <CommentThreadView
              key={thread.root.id}
              thread={thread}
              replica={replica}
              space={space}
              editor={editor}
              author={author}
              reply={replies.get(thread.root.id) ?? ''}
              onReplyChange={(text) => setReply(thread.root.id, text)}
            />
          ))}
        </ul>
      )}
    </PlanPanel>
  );
}

/** Which passage a new comment is about, as the session keeps its text by it. */
const passageOf = (draft: CommentDraft): string => `${draft.anchor} ${draft.head}`;

/** The Comment button, usable while text is selected. */
function CommentStart({ editor, onStart }: { editor: Editor; onStart: () => void }) {
  const { t } = useTranslation();
  const selected = useEditorState({
    editor,
    selector: ({ editor: current }) => !current.state.selection.empty,
  });
  const shortcut = bindingLabel('Mod-Alt-m');
  return (
    <div className="comment-start">
      <button
        type="button"
        data-testid="comment-add"
        disabled={!selected}
        title={t('plans.toolbar.withShortcut', { label: t('plans.comments.add'), shortcut })}
        // Keeps the selection in the editor while the button is pressed.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onStart}
      >
        {t('plans.comments.add')}
      </button>
      {!selected && <p className="hint">{t('plans.comments.addHint', { shortcut })}</p>}
    </div>
  );
}

interface NewCommentFormProps {
  draft: CommentDraft;
  /** What was typed before the panel was last put away. */
  initial: string;
  onTextChange: (text: string) => void;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}

function NewCommentForm(props: NewCommentFormProps) {
  const { draft, onSubmit, onCancel } = props;
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(props.initial);
  return (
    <form
      className="comment-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) onSubmit(text.trim());
      }}
    >
      <label htmlFor={id}>{t('plans.comments.input', { quote: shorten(draft.quote) })}</label>
      <textarea
        id={id}
        data-testid="comment-input"
        autoFocus
        rows={3}
        maxLength={LIMITS.plans.commentMaxChars}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          props.onTextChange(event.currentTarget.value);
        }}
      />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="primary"
          data-testid="comment-submit"
          disabled={!text.trim()}
        >
          {t('plans.comments.submit')}
        </button>
      </div>
    </form>
  );
}
