// Typed calls and event subscriptions over whichever bridge is present; never throws.
import type {
  CallOutcome,
  EventName,
  EventPayload,
  MethodArgs,
  MethodName,
  MethodResult,
} from '../../src-shared/api';
import { getBridge } from './get-bridge';

export async function call<M extends MethodName>(
  method: M,
  args: MethodArgs<M>,
): Promise<CallOutcome<MethodResult<M>>> {
  const fn = getBridge()[method] as (args: MethodArgs<M>) => Promise<CallOutcome<MethodResult<M>>>;
  try {
    return await fn(args);
  } catch {
    // The contract says calls resolve; a rejection means the bridge itself broke (IPC gone).
    return { ok: false, error: { code: 'internal', message: 'The call did not reach Suviaz.' } };
  }
}

export function onEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return getBridge().on(event, listener);
}
