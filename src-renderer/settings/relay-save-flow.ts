// Saving the relay address: a changed address is checked first (does a Suviaz relay answer there?)
// and stored only when it does, or when the person says "Save anyway" (a relay may be down right
// now and still be the right one). Clearing the address needs no check: it only stops syncing.
//
// relayFlowStep() is the pure state machine; RelaySaveFlow runs its effects (check, save) through
// the functions it is given, so the whole flow is testable without a bridge.
import type { ApiError, CallOutcome } from '../../src-shared/api';

export type RelayCheckResult = 'ok' | 'other-version' | 'not-a-relay' | 'unreachable';
export type RelayProblem = Exclude<RelayCheckResult, 'ok'>;

export type RelayFlowState =
  /** What the field shows is what is stored. */
  | { kind: 'idle' }
  /** Not an address (the field says how to fix it); nothing is checked or stored. */
  | { kind: 'invalid' }
  /** Typed, not checked yet: checked when the person leaves the field, presses Enter or closes. */
  | { kind: 'changed'; url: string }
  | { kind: 'checking'; url: string }
  | { kind: 'saving'; url: string }
  | { kind: 'saved' }
  /** The check did not reach a relay that speaks this protocol; nothing was stored. */
  | { kind: 'problem'; url: string; problem: RelayProblem; detail: string }
  /** Storing the address failed (main's error says why). */
  | { kind: 'failed'; url: string; error: ApiError };

export type RelayFlowEvent =
  | { type: 'typed'; value: string; stored: string; valid: boolean }
  | { type: 'commit' }
  | { type: 'checked'; url: string; result: RelayCheckResult; detail: string }
  | { type: 'saveAnyway' }
  | { type: 'retry' }
  | { type: 'saved'; url: string }
  | { type: 'saveFailed'; url: string; error: ApiError };

export type RelayFlowEffect = { kind: 'check'; url: string } | { kind: 'save'; url: string } | null;

export interface RelayFlowStep {
  state: RelayFlowState;
  effect: RelayFlowEffect;
}

function checkOrSave(url: string): RelayFlowStep {
  // An empty address turns syncing off: there is nothing to reach, so nothing to check.
  return url === ''
    ? { state: { kind: 'saving', url }, effect: { kind: 'save', url } }
    : { state: { kind: 'checking', url }, effect: { kind: 'check', url } };
}

export function relayFlowStep(state: RelayFlowState, event: RelayFlowEvent): RelayFlowStep {
  const stay = { state, effect: null };
  switch (event.type) {
    case 'typed':
      if (!event.valid) return { state: { kind: 'invalid' }, effect: null };
      if (event.value === event.stored) return { state: { kind: 'idle' }, effect: null };
      return { state: { kind: 'changed', url: event.value }, effect: null };
    case 'commit':
      return state.kind === 'changed' ? checkOrSave(state.url) : stay;
    case 'retry':
      return state.kind === 'problem' || state.kind === 'failed' ? checkOrSave(state.url) : stay;
    case 'checked':
      // An answer for an address that is no longer the one being checked is old news.
      if (state.kind !== 'checking' || state.url !== event.url) return stay;
      if (event.result === 'ok') {
        return {
          state: { kind: 'saving', url: state.url },
          effect: { kind: 'save', url: state.url },
        };
      }
      return {
        state: { kind: 'problem', url: state.url, problem: event.result, detail: event.detail },
        effect: null,
      };
    case 'saveAnyway':
      return state.kind === 'problem'
        ? { state: { kind: 'saving', url: state.url }, effect: { kind: 'save', url: state.url } }
        : stay;
    case 'saved':
      return state.kind === 'saving' && state.url === event.url
        ? { state: { kind: 'saved' }, effect: null }
        : stay;
    case 'saveFailed':
      return state.kind === 'saving' && state.url === event.url
        ? { state: { kind: 'failed', url: event.url, error: event.error }, effect: null }
        : stay;
  }
}

/** Still working: closing Settings waits for these to end. */
export function isRelayFlowBusy(state: RelayFlowState): boolean {
  return state.kind === 'checking' || state.kind === 'saving';
}

export interface RelayFlowDeps {
  check(url: string): Promise<CallOutcome<{ result: RelayCheckResult; detail: string }>>;
  save(url: string): Promise<CallOutcome<unknown>>;
  isValid(value: string): boolean;
  onChange(state: RelayFlowState): void;
}

export class RelaySaveFlow {
  private current: RelayFlowState = { kind: 'idle' };
  private stored = '';
  private waiters: (() => void)[] = [];
  private saves: Promise<void> = Promise.resolve();

  constructor(private readonly deps: RelayFlowDeps) {}

  get state(): RelayFlowState {
    return this.current;
  }

  /** The address main has (loaded, or saved since). */
  load(stored: string): void {
    this.stored = stored;
  }

  type(value: string): void {
    this.dispatch({
      type: 'typed',
      value,
      stored: this.stored,
      valid: this.deps.isValid(value),
    });
  }

  commit(): void {
    this.dispatch({ type: 'commit' });
  }

  retry(): void {
    this.dispatch({ type: 'retry' });
  }

  saveAnyway(): void {
    this.dispatch({ type: 'saveAnyway' });
  }

  /**
   * Before Settings closes: checks and saves a changed address, waits for a check or save already
   * running, and says whether closing now loses nothing the person has not seen. A problem found now
   * keeps Settings open (false); one already on screen does not (the person saw it and chose to go).
   */
  async beforeClose(): Promise<boolean> {
    const shownBefore = this.current.kind;
    if (shownBefore === 'problem' || shownBefore === 'failed') return true;
    this.commit();
    await this.settled();
    // Read through the getter: the check above narrowed this.current, but the awaits changed it.
    const kind = this.state.kind;
    return kind !== 'problem' && kind !== 'failed';
  }

  /** Resolves once no check or save is running. */
  settled(): Promise<void> {
    if (!isRelayFlowBusy(this.current)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private dispatch(event: RelayFlowEvent): void {
    const step = relayFlowStep(this.current, event);
    if (step.state !== this.current) {
      this.current = step.state;
      this.deps.onChange(step.state);
    }
    if (step.effect?.kind === 'check') void this.runCheck(step.effect.url);
    if (step.effect?.kind === 'save') this.runSave(step.effect.url);
    if (!isRelayFlowBusy(this.current)) {
      for (const resolve of this.waiters.splice(0)) resolve();
    }
  }

  private async runCheck(url: string): Promise<void> {
    const outcome = await this.deps.check(url);
    this.dispatch(
      outcome.ok
        ? { type: 'checked', url, ...outcome.value }
        : // The check itself failed (the bridge, main): say so as "did not answer", with why.
          { type: 'checked', url, result: 'unreachable', detail: outcome.error.message },
    );
  }

  private runSave(url: string): void {
    // One save at a time, in order: an older address can never land after a newer one.
    this.saves = this.saves.then(async () => {
      const outcome = await this.deps.save(url);
      if (outcome.ok) {
        this.stored = url;
        this.dispatch({ type: 'saved', url });
      } else {
        this.dispatch({ type: 'saveFailed', url, error: outcome.error });
      }
    });
  }
}
