// One briefing as the read view shows it: briefings.get when it opens (which marks it read and,
// with receipts on, tells its author) and again on 'briefings.changed', so receipts and
// acknowledgements appear as they arrive. A briefing that expired or was deleted meanwhile is gone.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../src-shared/api';
import type { BriefingView } from '../../src-shared/api/briefings-schemas';
import { call, onEvent } from '../bridge/call';

export type BriefingState =
  | { kind: 'loading' }
  | { kind: 'shown'; view: BriefingView }
  | { kind: 'gone' }
  | { kind: 'failed'; error: ApiError };

const GONE_CODES: ReadonlySet<string> = new Set(['not-found', 'briefing-expired']);

export function useBriefing(id: string): { state: BriefingState; reload: () => void } {
  const [state, setState] = useState<BriefingState>({ kind: 'loading' });
  const seq = useRef(0);

  const reload = useCallback(() => {
    const mine = ++seq.current;
    void call('briefings.get', { id }).then((outcome) => {
      if (mine !== seq.current) return;
      if (outcome.ok) setState({ kind: 'shown', view: outcome.value });
      else if (GONE_CODES.has(outcome.error.code)) setState({ kind: 'gone' });
      // A briefing already on screen stays there when asking again fails for another reason.
      else
        setState((current) =>
          current.kind === 'shown' ? current : { kind: 'failed', error: outcome.error },
        );
    });
  }, [id]);

  useEffect(() => {
    reload();
    return onEvent('briefings.changed', reload);
  }, [reload]);

  return { state, reload };
}
