// Which handler answers each client frame of an authenticated session: the one table from frame
// type to handler, so a new frame type is a compile error here until it has one.
import type { ClientFrame } from '../src-shared/protocol/frames';
import * as docs from './handlers/doc-handlers';
import * as groups from './handlers/group-handlers';
import * as invites from './handlers/invite-handlers';
import * as mail from './handlers/mail-handlers';
import * as shares from './handlers/share-handlers';
import { Refusal } from './refusal';
import type { RelayContext, Session } from './relay-context';

export function dispatchFrame(
  ctx: RelayContext,
  session: Session,
  frame: ClientFrame,
): Promise<void> | void {
  switch (frame.type) {
    case 'hello':
    case 'auth':
      throw new Refusal('malformed', 'already authenticated');
    case 'subscribe':
      return docs.subscribe(ctx, session, frame);
    case 'unsubscribe':
      return docs.unsubscribe(session, frame);
    case 'publish':
      return docs.publish(ctx, session, frame);
    case 'ephemeral':
      return docs.ephemeral(ctx, session, frame);
    case 'groupAppend':
      return groups.groupAppend(ctx, session, frame);
    case 'groupFetch':
      return groups.groupFetch(ctx, session, frame);
    case 'lockboxPut':
      return groups.lockboxPut(ctx, session, frame);
    case 'listGroups':
      return groups.listGroups(ctx, session, frame);
    case 'invitePut':
      return invites.invitePut(ctx, session, frame);
    case 'inviteFetch':
      return invites.inviteFetch(ctx, session, frame);
    case 'sharePut':
      return shares.sharePut(ctx, session, frame);
    case 'shareFetch':
      return shares.shareFetch(ctx, session, frame);
    case 'shareDelete':
      return shares.shareDelete(ctx, session, frame);
    case 'mailPut':
      return mail.mailPut(ctx, session, frame);
    case 'mailFetch':
      return mail.mailFetch(ctx, session, frame);
    case 'mailRecall':
      return mail.mailRecall(ctx, session, frame);
    case 'chunkPut':
      return mail.chunkPut(ctx, session, frame);
    case 'chunkGet':
      return mail.chunkGet(ctx, session, frame);
    case 'chunkCount':
      return mail.chunkCount(ctx, session, frame);
  }
}
