// Saving the relay address: a changed address is checked first (does a Suviaz relay answer there?)
// and stored only when it does, or when the person says "Save anyway" (a relay may be down right
// now and still be the right one). Clearing the address needs no check: it only stops syncing.
// The connection (direct, Tor, SOCKS5 proxy) is saved with the address, and the check goes through
// it: changing only the connection is checked and saved the same way. An .onion address with a
// direct connection is not tried at all; the person is told it needs Tor first.
//
// relayFlowStep() is the pure state machine; RelaySaveFlow runs its effects (check, save) through
// the functions it is given, so the whole flow is testable without a bridge.
import type { ApiError, CallOutcome } from '../../src-shared/api';
import { DIRECT, onionNeedsTor, sameProxy, type ProxySetting } from './proxy-form';

export type RelayCheckResult = 'ok' | 'other-version' | 'not-a-relay' | 'unreachable';
export type RelayProblem =
  | Exclude<RelayCheckResult, 'ok'>
  /** Unreachable through Tor: most likely Tor (or Tor Browser) is not running. */
  | 'tor-unreachable'
  /** Unreachable through a SOCKS5 proxy: the proxy may be down or the address wrong. */
  | 'proxy-unreachable'
  /** An .onion address with a direct connection: not tried, it needs Tor. */
  | 'onion-needs-tor'
  /** A relay answered, but with another identity key than the one pinned or scanned for it. */
  | 'key-mismatch';

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
  /** proxyChanged: the connection differs from the stored one, so the same address is a change. */
  | { type: 'typed'; value: string; stored: string; valid: boolean; proxyChanged?: boolean }
  /** needsTor: the address is an .onion one and the connection is direct (onionNeedsTor). */
  | { type: 'commit'; needsTor?: boolean }
  | { type: 'checked'; url: string; result: RelayCheckResult | RelayProblem; detail: string }
  | { type: 'saveAnyway' }
  | { type: 'retry'; needsTor?: boolean }
  | { type: 'saved'; url: string }
  | { type: 'saveFailed'; url: string; error: ApiError };

export type RelayFlowEffect = { kind: 'check'; url: string } | { kind: 'save'; url: string } | null;

export interface RelayFlowStep {
  state: RelayFlowState;
  effect: RelayFlowEffect;
}

function checkOrSave(url: string, needsTor = false): RelayFlowStep {
  // An empty address turns syncing off: there is nothing to reach, so nothing to check.
  if (url === '') return { state: { kind: 'saving', url }, effect: { kind: 'save', url } };
  if (needsTor) {
    return {
      state: { kind: 'problem', url, problem: 'onion-needs-tor', detail: '' },
      effect: null,
    };
  }
  return { state: { kind: 'checking', url }, effect: { kind: 'check', url } };
}

export function relayFlowStep(state: RelayFlowState, event: RelayFlowEvent): RelayFlowStep {
  const stay = { state, effect: null };
  switch (event.type) {
    case 'typed':
      if (!event.valid) return { state: { kind: 'invalid' }, effect: null };
      if (event.value === event.stored && event.proxyChanged !== true) {
        return { state: { kind: 'idle' }, effect: null };
      }
      return { state: { kind: 'changed', url: event.value }, effect: null };
    case 'commit':
      return state.kind === 'changed' ? checkOrSave(state.url, event.needsTor) : stay;
    case 'retry':
      return state.kind === 'problem' || state.kind === 'failed'
        ? checkOrSave(state.url, event.needsTor)
        : stay;
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
  /** relay.check through the given connection. */
  check(
    url: string,
    proxy: ProxySetting,
  ): Promise<
    CallOutcome<{ result: RelayCheckResult; detail: string; matchesPin?: boolean | null }>
  >;
  /** settings.update with the address and the connection, together. */
  save(url: string, proxy: ProxySetting): Promise<CallOutcome<unknown>>;
  isValid(value: string): boolean;
  onChange(state: RelayFlowState): void;
}

/** What a check that did not reach the relay means, given the connection it went through. */
function unreachableVia(proxy: ProxySetting): RelayProblem {
  if (proxy.kind === 'tor') return 'tor-unreachable';
  if (proxy.kind === 'socks5') return 'proxy-unreachable';
  return 'unreachable';
}

export class RelaySaveFlow {
  private current: RelayFlowState = { kind: 'idle' };
  private stored = '';
  private storedProxy: ProxySetting = DIRECT;
  /** The address as typed (null: the stored one shows). */
  private typed: string | null = null;
  /** The connection as chosen; null while the proxy's host or port is not valid. */
  private proxy: ProxySetting | null = DIRECT;
  /** Bumped by every check: an answer to an older one is old news. */
  private checks = 0;
  private waiters: (() => void)[] = [];
  private saves: Promise<void> = Promise.resolve();

  constructor(private readonly deps: RelayFlowDeps) {}

  get state(): RelayFlowState {
    return this.current;
  }

  /** The address and connection main has (loaded, or saved since). */
  load(stored: string, proxy: ProxySetting = DIRECT): void {
    this.stored = stored;
    this.storedProxy = proxy;
    this.proxy = proxy;
  }

  type(value: string): void {
    this.typed = value;
    const proxy = this.proxy;
    this.dispatch({
      type: 'typed',
      value,
      stored: this.stored,
      valid: this.deps.isValid(value) && proxy !== null,
      proxyChanged: proxy !== null && !sameProxy(proxy, this.storedProxy),
    });
  }

  /** The connection changed (null: a SOCKS5 host or port is not valid yet, nothing is saved). */
  setProxy(proxy: ProxySetting | null): void {
    this.proxy = proxy;
    this.type(this.typed ?? this.stored);
  }

  commit(): void {
    this.dispatch({ type: 'commit', needsTor: this.needsTor() });
  }

  retry(): void {
    this.dispatch({ type: 'retry', needsTor: this.needsTor() });
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

  private needsTor(): boolean {
    return onionNeedsTor(this.typed ?? this.stored, this.proxy ?? DIRECT);
  }

  private dispatch(event: RelayFlowEvent): void {
    const step = relayFlowStep(this.current, event);
    if (step.state !== this.current) {
      this.current = step.state;
      this.deps.onChange(step.state);
    }
    const proxy = this.proxy ?? this.storedProxy;
    if (step.effect?.kind === 'check') void this.runCheck(step.effect.url, proxy);
    if (step.effect?.kind === 'save') this.runSave(step.effect.url, proxy);
    if (!isRelayFlowBusy(this.current)) {
      for (const resolve of this.waiters.splice(0)) resolve();
    }
  }

  private async runCheck(url: string, proxy: ProxySetting): Promise<void> {
    const check = ++this.checks;
    const outcome = await this.deps.check(url, proxy);
    // The connection or address changed and was checked again meanwhile: that answer counts.
    if (check !== this.checks) return;
    if (!outcome.ok) {
      // The check itself failed (the bridge, main): say so as "did not answer", with why.
      this.dispatch({ type: 'checked', url, result: 'unreachable', detail: outcome.error.message });
      return;
    }
    const { result, detail, matchesPin } = outcome.value;
    // A relay that answers with another key than the pinned (or scanned) one is not saved: saving
    // would only lead to a refused login, or to trusting an impostor after forgetting the pin.
    const problem = result === 'ok' && matchesPin === false ? 'key-mismatch' : result;
    this.dispatch({
      type: 'checked',
      url,
      result: problem === 'unreachable' ? unreachableVia(proxy) : problem,
      detail,
    });
  }

  private runSave(url: string, proxy: ProxySetting): void {
    // One save at a time, in order: an older address can never land after a newer one.
    this.saves = this.saves.then(async () => {
      const outcome = await this.deps.save(url, proxy);
      if (outcome.ok) {
        this.stored = url;
        this.storedProxy = proxy;
        this.dispatch({ type: 'saved', url });
      } else {
        this.dispatch({ type: 'saveFailed', url, error: outcome.error });
      }
    });
  }
}
