// Making a new group at the relay: its first entry, my epoch-0 lockbox, and the group stored as
// mine. A space and an organisation of a coalition are made the same way (docs/groups.md).
import { extendLog } from '../groups/group-checks';
import { buildCreateGroup } from '../groups/group-ops';
import type { StoredGroup } from '../groups/group-store';
import { SuviazError } from '../errors';
import { MAX_SPACE_NAME } from './membership-rules';
import { commitGroup, requireConnection, type MembershipEnv } from './membership-store';

export async function createGroupAtRelay(
  env: MembershipEnv,
  options: { name: string; policy?: number; parent?: Uint8Array },
): Promise<StoredGroup> {
  const name = options.name.trim().slice(0, MAX_SPACE_NAME);
  if (!name) throw new SuviazError('invalid-args', 'A name is needed.');
  const c = requireConnection(env);
  const created = buildCreateGroup({
    me: { signingKey: env.me, boxKey: env.myBoxKey },
    name,
    sign: env.sign,
    now: Date.now(),
    ...(options.policy !== undefined ? { policy: options.policy } : {}),
    ...(options.parent ? { parent: options.parent } : {}),
  });
  await c.request({ type: 'groupAppend', entry: created.entry });
  await c.request({ type: 'lockboxPut', lockbox: created.lockbox });
  const log = extendLog(null, [created.entry], 0);
  return commitGroup(
    env,
    {
      groupId: created.groupId,
      relayUrl: env.relayUrl,
      name,
      docId: created.docId,
      entries: log.entries,
      state: log.state,
      epochKeys: new Map([[0, created.epochKey]]),
      status: 'active',
      wiped: false,
      parentId: options.parent ?? null,
    },
    null,
  );
}
