// One comment thread: the text it is about (click to see it in the plan), the comments, a reply box
// and Resolve/Reopen, with who resolved it. Names come from the member list when the author is still
// there, so a renamed member shows their current name; a former member's name says they were removed
// or left; otherwise the name they had when they wrote (member-names.ts).
import type { Editor } from '@tiptap/core';
import { useId, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import {
  replyToComment,
  setThreadResolved,
  type Comment,
  type CommentThread,
} from '../../src-shared/plans/plan-model';
import { formatFullDate, formatShortDate } from '../lib/format-date';
import type { DocReplica } from '../shared-doc/doc-replica';
import { revealRange } from './plan-editor-handle';
import { authorName, resolvedText } from './plan-labels';
import type { PlanAuthor } from './use-plan-author';

interface CommentThreadViewProps {
  thread: CommentThread;
  replica: DocReplica;
  space: SpaceSummary;
  editor: Editor | null;
  author: PlanAuthor | null;
  /** The reply being typed (held by the panel, so it outlives this view). */
  reply: string;
  onReplyChange: (text: string) => void;
}

export function CommentThreadView({
  thread,
  replica,
  space,
  editor,
  author,
  reply,
  onReplyChange,
}: CommentThreadViewProps) {
  const { t } = useTranslation();
  const { root, replies } = thread;
  const [gone, setGone] = useState(false);
  const name = authorName(root, space, t);

  const reveal = (): void => {
    if (!editor || !root.anchor) return;
    setGone(!revealRange(editor, root.anchor, root.head));
  };
  // The whole thread is a target for the pointer; its controls keep their own meaning.
  const onThreadClick = (event: MouseEvent<HTMLElement>): void => {
    const target = event.target as HTMLElement;
    if (target.closest('button, textarea, input, label, a')) return;
    reveal();
  };

  return (
    <li>
      <article
        className="comment-thread"
        data-testid="comment-thread"
        data-resolved={String(root.resolved)}
        onClick={onThreadClick}
      >
        {root.quote && (
          <button
            type="button"
            className="comment-quote"
            data-testid="comment-show"
            title={t('plans.comments.show')}
            disabled={!root.anchor}
            onClick={reveal}
          >
            <q>{root.quote}</q>
          </button>
        )}
        {gone && (
          <p className="hint" role="status">
            {t('plans.comments.gone')}
          </p>
        )}
        {root.resolved && (
          <p className="comment-resolved" data-testid="comment-resolved">
            {resolvedText(root, space, t)}
          </p>
        )}
        <ol className="comment-list">
          {[root, ...replies].map((comment) => (
            <CommentItem key={comment.id} comment={comment} space={space} />
          ))}
        </ol>
        {author && (
          <ThreadActions
            thread={thread}
            replica={replica}
            author={author}
            rootName={name}
            reply={reply}
            setReply={onReplyChange}
          />
        )}
      </article>
    </li>
  );
}

function CommentItem({ comment, space }: { comment: Comment; space: SpaceSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="comment" data-testid="comment">
      <div className="comment-meta">
        <span className="comment-author">{authorName(comment, space, t)}</span>
        <time
          dateTime={new Date(comment.at).toISOString()}
          title={formatFullDate(comment.at, i18n.language)}
        >
          {formatShortDate(comment.at, i18n.language, t('dates.justNow'))}
        </time>
      </div>
      <p className="comment-text">{comment.text}</p>
    </li>
  );
}

interface ThreadActionsProps {
  thread: CommentThread;
  replica: DocReplica;
  author: PlanAuthor;
  rootName: string;
  reply: string;
  setReply: (text: string) => void;
}

function ThreadActions({ thread, replica, author, rootName, reply, setReply }: ThreadActionsProps) {
  const { t } = useTranslation();
  const id = useId();
  const { root } = thread;
  return (
    <div className="comment-actions">
      <form
        className="comment-reply"
        onSubmit={(event) => {
          event.preventDefault();
          const text = reply.trim();
          if (!text) return;
          replyToComment(replica.doc, root.threadId, {
            planId: root.planId,
            author: author.deviceKey,
            authorName: author.name,
            text,
            at: Date.now(),
          });
          setReply('');
        }}
      >
        <label htmlFor={id} className="visually-hidden">
          {t('plans.comments.replyInput', { name: rootName })}
        </label>
        <textarea
          id={id}
          data-testid="comment-reply-input"
          rows={1}
          placeholder={t('plans.comments.replyInput', { name: rootName })}
          maxLength={LIMITS.plans.commentMaxChars}
          value={reply}
          onChange={(event) => setReply(event.currentTarget.value)}
        />
        <button type="submit" data-testid="comment-reply-submit" disabled={!reply.trim()}>
          {t('plans.comments.replySubmit')}
        </button>
      </form>
      <button
        type="button"
        data-testid="comment-resolve"
        onClick={() =>
          setThreadResolved(
            replica.doc,
            root.threadId,
            !root.resolved,
            author.deviceKey,
            Date.now(),
          )
        }
      >
        {root.resolved ? t('plans.comments.reopen') : t('plans.comments.resolve')}
      </button>
    </div>
  );
}
