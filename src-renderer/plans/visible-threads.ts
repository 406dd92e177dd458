// Which comment threads the panel lists: the open ones, the resolved ones too when asked, and a
// resolved one whose reply is being typed here (someone else resolved it meanwhile: what was
// typed must not vanish with it).
import type { CommentThread } from '../../src-shared/plans/plan-model';

export function visibleThreads(
  threads: readonly CommentThread[],
  showResolved: boolean,
  replies: ReadonlyMap<string, string>,
): CommentThread[] {
  return threads.filter(
    (thread) =>
      showResolved || !thread.root.resolved || (replies.get(thread.root.id) ?? '').trim() !== '',
  );
}
