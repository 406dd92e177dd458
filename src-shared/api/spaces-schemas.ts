// The shared spaces' part of the API contract (src-shared/api.ts registers the methods): spaces, their
// members, invites, rules and pending approvals, and the tasks assigned to this device.
import { z } from 'zod';
import { LIMITS } from '../limits';
import { TASK_STATUSES } from '../plans/task-status';

/** Group, document and device ids on the API: lower-case hex. */
export const SpaceId = z.string().regex(/^[0-9a-f]{32}$/, 'not a space id');
export const DocId = z.string().regex(/^[0-9a-f]{32}$/, 'not a document id');
export const Role = z.enum(['admin', 'editor', 'viewer']);

export const DeviceKey = z.string().regex(/^[0-9a-f]{64}$/, 'not a device key');
/** An invite's id on the API: the hex public key of its one-time invite key. */
export const InviteId = z.string().regex(/^[0-9a-f]{64}$/, 'not an invite id');

export const SpaceMember = z.object({
  deviceKey: DeviceKey,
  role: Role,
  /** Safety number: 12 groups of 5 digits, derived from the member's two public keys. */
  fingerprint: z.string(),
  isMe: z.boolean(),
  /** The name this device last announced in the space (encrypted presence); null until seen. */
  name: z.string().nullable(),
  /** I marked this device's safety number as checked in person or over a trusted channel. */
  verified: z.boolean(),
  /**
   * Set when this device claims the name of someone I verified, but with another key: either the
   * person got a new device, or someone is impersonating them. The UI must not let this pass unseen.
   */
  keyChangedFrom: z.object({ name: z.string(), fingerprint: z.string() }).nullable(),
  /** When the log made this device a member (ms), for "had access since". */
  memberSince: z.number(),
});

export const PendingInvite = z.object({
  id: InviteId,
  role: Role,
  expiresAt: z.number(),
  createdAt: z.number(),
});

export const SpacePolicy = z.object({
  /** Adding a member, inviting or changing a role needs a second admin. */
  twoAdminApproval: z.boolean(),
  /** Someone who joins with an invite waits for an admin's approval. */
  joinApproval: z.boolean(),
  /** A removed member's app wipes its copy instead of keeping it read-only. */
  wipeOnRemoval: z.boolean(),
});

/** An operation in the log that waits for an admin's approval (two-admin rule or join approval). */
export const PendingApproval = z.object({
  index: z.number().int().min(0),
  kind: z.enum(['join', 'add-member', 'invite', 'set-role', 'set-policy', 'remove']),
  /** The device the operation is about (join, add-member, set-role); null otherwise. */
  deviceKey: DeviceKey.nullable(),
  fingerprint: z.string().nullable(),
  role: Role.nullable(),
  requestedAt: z.number(),
  /** The admin who asked (null for a join, which the joiner asked for with the invite). */
  requestedBy: DeviceKey.nullable(),
  /** For a rule change: the rules it would set, so nobody approves it blind. */
  policy: SpacePolicy.nullable(),
  /** I am an admin other than the one who asked, so my approval counts. */
  canApprove: z.boolean(),
});

export const SpaceStatus = z.enum([
  /** A member: reads and (by role) writes. */
  'active',
  /** Joined with an invite; an admin has not approved yet. */
  'pending',
  /** An admin removed this device: what it held stays readable (or was wiped, by policy). */
  'removed',
  /** This device left. */
  'left',
  /** This device asked to join and an admin declined; it never was a member. */
  'declined',
  /**
   * An admin added this device with its device code: an invitation the person accepts or declines.
   * Nothing of the space syncs until they accept.
   */
  'invited',
]);

export const SpaceSummary = z.object({
  id: SpaceId,
  name: z.string(),
  docId: DocId,
  role: Role,
  status: SpaceStatus,
  /** For removed spaces under the wipe policy: the content is gone, only this notice is left. */
  wiped: z.boolean(),
  policy: SpacePolicy,
  members: z.array(SpaceMember),
  invites: z.array(PendingInvite),
  approvals: z.array(PendingApproval),
  /** Someone left and no admin has started a new key epoch yet. */
  rotationNeeded: z.boolean(),
  /**
   * Digits from the head of the space's membership log (its length and hash): members who read
   * the same digits to each other over a trusted channel know the relay shows them one history.
   */
  fingerprint: z.string(),
  /** A member that does not hold the current key yet: an admin's app must seal it to this device. */
  waitingForKeys: z.boolean(),
  /**
   * Devices that were members and are no longer (removed or left), with the name this device knows
   * for them: tasks, comments and the assignee list show "Bahdan — removed", never a key prefix.
   */
  formerMembers: z.array(
    z.object({
      deviceKey: DeviceKey,
      name: z.string().nullable(),
      how: z.enum(['removed', 'left']),
    }),
  ),
});

export const InviteLink = z.string().trim().min(1).max(LIMITS.inviteLinkMaxChars);
export const CreatedInvite = z.object({
  id: InviteId,
  /** suviaz://join#… — relay, group and the one-time secret, all in the fragment. */
  link: z.string(),
  expiresAt: z.number(),
  role: Role,
});

/** A task assigned to this device, in any plan of any space ("my tasks"). */
export const MyTask = z.object({
  spaceId: SpaceId,
  spaceName: z.string(),
  docId: DocId,
  planId: z.string(),
  planTitle: z.string(),
  taskId: z.string(),
  title: z.string(),
  due: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
});

export type SpaceSummary = z.infer<typeof SpaceSummary>;
export type SpaceMember = z.infer<typeof SpaceMember>;
export type PendingInvite = z.infer<typeof PendingInvite>;
export type PendingApproval = z.infer<typeof PendingApproval>;
export type SpacePolicy = z.infer<typeof SpacePolicy>;
export type CreatedInvite = z.infer<typeof CreatedInvite>;
export type MyTask = z.infer<typeof MyTask>;
