// Sending a briefing: a copy sealed for each recipient device, marked for leak tracing when asked,
// and resumed under the same id when the same briefing is sent again after a failure.
import { createHash } from 'node:crypto';
import type { CopyPayload } from '../../../src-shared/briefings/briefing-model';
import { toHex } from '../../../src-shared/protocol/bytes';
import { randomBytes } from '../crypto/sodium';
import { SuviazError } from '../errors';
import type { StoredGroup } from '../groups/group-store';
import type { DocAccess } from '../sync/engine-doc-access';
import { isPassingFailure, RelayRequestError } from '../sync/relay-requests';
import { memberSpace, type BriefingContext } from './briefing-context';
import { connected, putMail } from './briefing-mail';
import { makeCanaryCopies, type CanaryCopies } from './leak-trace';
import * as owners from './blob-owners';
import * as store from './briefing-store';

export interface SendArgs {
  /** Chosen by the caller when attachments are uploaded under it first; else made here. */
  id?: string;
  spaceId: string;
  title: string;
  body: CopyPayload['body'];
  audience: string[] | null;
  expiresInHours: number | null;
  attachments: CopyPayload['attachments'];
  receipts: boolean;
  /** Leak tracing: each recipient's copy of the body differs invisibly (leak-trace.ts). */
  canary: boolean;
  /** Runs after the checks and before any copy goes out: the attachments' upload. */
  beforeCopies?: (group: StoredGroup, id: string, expiresAt: number | null) => Promise<void>;
}

const HOUR_MS = 3_600_000;

/** What makes a send the same briefing again: everything it sends, not its id or clock. */
function sendFingerprint(args: SendArgs, audience: string[]): string {
  const { spaceId, title, body, expiresInHours, attachments, receipts, canary } = args;
  const what = { spaceId, title, body, audience, expiresInHours, attachments, receipts, canary };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex');
}

/**
 * The relay answered that it did not store a copy (a quota, a rule): nothing of it is there. A
 * passing failure (no answer, a restart) or one of the relay's own may have come after storing it.
 */
function refusedOutright(error: unknown): boolean {
  return (
    error instanceof RelayRequestError && !isPassingFailure(error) && error.code !== 'internal'
  );
}

function audienceOf(access: DocAccess, group: StoredGroup, chosen: string[] | null): string[] {
  const members = [...group.state.members.keys()].filter((device) => device !== access.meHex);
  if (chosen === null) return members;
  for (const device of chosen) {
    if (!group.state.members.has(device) || device === access.meHex) {
      throw new SuviazError('not-member', 'Someone chosen is not a member of this space.');
    }
  }
  return [...new Set(chosen)];
}

/** The send of one briefing service; `schedule` sets the wipe timer once a briefing is sent. */
export function briefingSender({ db, access, events, now }: BriefingContext, schedule: () => void) {
  /** Sends cut short by a failure, by what they send (sendFingerprint): a retry resumes them. */
  const unfinished = new Map<
    string,
    {
      id: string;
      createdAt: number;
      marked: CanaryCopies<CopyPayload['body']> | null;
      sentTo: Set<string>;
      /** A copy went to the relay and came back without a clear refusal: it may hold it. */
      offered: boolean;
    }
  >();

  async function send(args: SendArgs): Promise<{ id: string }> {
    const group = memberSpace(access, args.spaceId);
    if (!access.canWrite(group)) {
      throw new SuviazError('not-member', 'Viewers cannot send briefings in this space.');
    }
    const audience = audienceOf(access, group, args.audience);
    if (audience.length === 0) {
      throw new SuviazError('not-member', 'Nobody else is in this space to receive it yet.');
    }
    connected(access);
    // The same briefing sent again after a failure goes on where it stopped, under the same id:
    // every copy is then recalled by one recall, and nobody gets it twice.
    const fingerprint = sendFingerprint(args, audience);
    const resumed = unfinished.get(fingerprint);
    const createdAt = resumed?.createdAt ?? now();
    const base: Omit<CopyPayload, 'to' | 'body'> = {
      v: 1,
      kind: 'copy',
      id: resumed?.id ?? args.id ?? toHex(randomBytes(16)),
      space: args.spaceId,
      from: access.meHex,
      createdAt,
      expiresAt: args.expiresInHours === null ? null : createdAt + args.expiresInHours * HOUR_MS,
      audience,
      wholeSpace: args.audience === null,
      title: args.title,
      attachments: args.attachments,
      receipts: args.receipts,
    };
    // Marked before anything goes out: a text too short to trace is refused, not sent unmarked.
    const marked = resumed?.marked ?? (args.canary ? makeCanaryCopies(args.body, audience) : null);
    const bodies = new Map(marked?.copies.map((copy) => [copy.recipientId, copy.body]));
    const progress = resumed ?? {
      id: base.id,
      createdAt,
      marked,
      sentTo: new Set<string>(),
      offered: false,
    };
    unfinished.set(fingerprint, progress);
    const keepMine = (): void => {
      const map = marked ? JSON.stringify(marked.map) : null;
      store.keepBriefing(db, { ...base, to: access.meHex, body: args.body }, true, map);
    };
    // The files are mine from before the first copy goes out: a recipient's modified app naming
    // them in a copy of its own meanwhile is refused, not made their holder.
    owners.claimBlobs(
      db,
      base.id,
      access.meHex,
      base.attachments.map((a) => a.blobId),
    );
    try {
      await args.beforeCopies?.(group, base.id, base.expiresAt);
      // In my list before the first copy goes out: the app stopping between copies must not leave
      // recipients with a briefing I can neither see nor recall.
      keepMine();
      for (const to of audience) {
        if (progress.sentTo.has(to)) continue;
        const body = bodies.get(to) ?? args.body;
        try {
          await putMail(access, group, { ...base, to, body }, base.expiresAt);
        } catch (error) {
          // No answer (a timeout, a dropped link) or a failure of its own: the relay may hold it.
          if (!refusedOutright(error)) progress.offered = true;
          throw error;
        }
        progress.sentTo.add(to);
      }
    } catch (error) {
      // Some may have it (a copy was handed over, answered or not): it stays in my list, and can be
      // recalled, even if it is never sent again. None was: it was not sent, and the draft is still
      // there to send again.
      if (!progress.offered) store.dropUnsent(db, base.id);
      events.changed();
      throw error;
    }
    unfinished.delete(fingerprint);
    keepMine();
    events.changed();
    schedule();
    return { id: base.id };
  }
  return send;
}
