// "My tasks": read from the open documents of the spaces I am a member of, never from the relay,
// so the list is the offline copy's and costs nothing to ask for.
import type { MyTask } from '../../../src-shared/api';
import { getPlan, listTasks } from '../../../src-shared/plans/plan-model';
import { toHex } from '../../../src-shared/protocol/bytes';
import type { StoredGroup } from '../groups/group-store';
import type * as Y from 'yjs';

export function myTasks(
  groups: Iterable<StoredGroup>,
  ydocOf: (docHex: string) => Y.Doc | undefined,
  meHex: string,
): MyTask[] {
  const mine: MyTask[] = [];
  for (const group of groups) {
    const ydoc = group.status === 'active' ? ydocOf(toHex(group.docId)) : undefined;
    if (!ydoc) continue;
    for (const task of listTasks(ydoc)) {
      const plan = task.assignee === meHex ? getPlan(ydoc, task.planId) : null;
      if (!plan) continue;
      mine.push({
        spaceId: toHex(group.groupId),
        spaceName: group.name,
        docId: toHex(group.docId),
        planId: plan.id,
        planTitle: plan.title,
        taskId: task.id,
        title: task.title,
        due: task.due,
        status: task.status,
      });
    }
  }
  return mine;
}
