// The organisations of one space's coalition (orgs.list), for the editor, the import and the
// members area: asked when the space changes and again on 'spaces.changed' or 'calendar.changed'. An empty list means a
// plain space, where every event is for everyone in it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../src-shared/api';
import type { OrganisationSummary } from '../../src-shared/calendar/calendar-api';
import { call, onEvent } from '../bridge/call';
import { throttle } from '../tasks/throttle';

export interface OrganisationsState {
  /** null until main answered (or while there is no space). */
  orgs: OrganisationSummary[] | null;
  error: ApiError | null;
  reload: () => void;
}

export function useOrganisations(spaceId: string | null): OrganisationsState {
  const [answer, setAnswer] = useState<{ spaceId: string; orgs: OrganisationSummary[] } | null>(
    null,
  );
  const [error, setError] = useState<ApiError | null>(null);
  const seq = useRef(0);

  const reload = useCallback(() => {
    const mine = ++seq.current;
    if (spaceId === null) return;
    void call('orgs.list', { spaceId }).then((outcome) => {
      if (mine !== seq.current) return;
      if (outcome.ok) {
        setAnswer({ spaceId, orgs: outcome.value });
        setError(null);
      } else {
        setError(outcome.error);
      }
    });
  }, [spaceId]);

  useEffect(() => {
    reload();
    // An organisation is made or joined through the space's document and log: either may say so.
    const soon = throttle(reload, 1000);
    const offSpaces = onEvent('spaces.changed', soon);
    const offCalendar = onEvent('calendar.changed', soon);
    return () => {
      offSpaces();
      offCalendar();
      soon.cancel();
    };
  }, [reload]);

  // An answer about another space (the editor's space choice changed) is not this space's.
  const orgs = answer !== null && answer.spaceId === spaceId ? answer.orgs : null;
  return { orgs, error, reload };
}

/** My organisation in a coalition, the default owner of what I add. */
export function myOrganisation(
  orgs: readonly OrganisationSummary[] | null,
): OrganisationSummary | null {
  return orgs?.find((org) => org.mine) ?? null;
}
