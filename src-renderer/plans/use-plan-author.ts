// Who writes plans, comments and versions from this device: its key and the name it shows in the
// space. The member list has both once the space knows this device; until then the key comes from
// main ('device.identity'), asked once.
import { useEffect, useState } from 'react';
import type { ApiError, SpaceSummary } from '../../src-shared/api';
import { call } from '../bridge/call';

export interface PlanAuthor {
  /** Hex signing key of this device. */
  deviceKey: string;
  name: string;
}

export function usePlanAuthor(space: SpaceSummary): {
  author: PlanAuthor | null;
  error: ApiError | null;
} {
  const me = space.members.find((member) => member.isMe);
  const known = me !== undefined;
  const [identity, setIdentity] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (known) return;
    let active = true;
    void call('device.identity', {}).then((outcome) => {
      if (!active) return;
      if (outcome.ok) setIdentity(outcome.value.signingPublicKey);
      else setError(outcome.error);
    });
    return () => {
      active = false;
    };
  }, [known]);
  const deviceKey = me?.deviceKey ?? identity;
  return {
    author: deviceKey ? { deviceKey, name: me?.name ?? '' } : null,
    error: known ? null : error,
  };
}
