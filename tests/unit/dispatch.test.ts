import { describe, expect, it, vi } from 'vitest';
import { dispatch, type HandlerTable } from '../../src-main/core/api/dispatch';
import { SuviazError } from '../../src-main/core/errors';

function handlersWith(overrides: Partial<HandlerTable>): HandlerTable {
  // Every method answers null unless a test overrides it.
  return new Proxy(overrides, {
    get: (target, name: string) => target[name as keyof HandlerTable] ?? (() => null),
  }) as HandlerTable;
}

const unlocked = { isUnlocked: () => true, logError: vi.fn() };
const locked = { isUnlocked: () => false, logError: vi.fn() };

describe('dispatch', () => {
  it('refuses unknown methods, including prototype names', async () => {
    for (const name of ['nope', 'toString', '__proto__', 42]) {
      const outcome = await dispatch(handlersWith({}), unlocked, name, {});
      expect(outcome).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });

  it('refuses every call but status/create/unlock/lock while locked', async () => {
    const list = vi.fn(() => []);
    const outcome = await dispatch(handlersWith({ 'notes.list': list }), locked, 'notes.list', {
      view: 'active',
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(list).not.toHaveBeenCalled();
    const status = await dispatch(handlersWith({}), locked, 'vault.status', {});
    expect(status.ok).toBe(true);
  });

  it('validates arguments before any handler runs', async () => {
    const get = vi.fn();
    const handlers = handlersWith({ 'notes.get': get });
    for (const args of [{ id: '../../etc' }, { id: 'a'.repeat(32), extra: 1 }, 'x', [1]]) {
      const outcome = await dispatch(handlers, unlocked, 'notes.get', args);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    }
    expect(get).not.toHaveBeenCalled();
  });

  it('passes known errors through and hides unexpected ones', async () => {
    const handlers = handlersWith({
      'notes.get': () => {
        throw new SuviazError('not-found', 'No such note.');
      },
      'notes.tags': () => {
        throw new Error('SQLITE_IOERR at /home/someone/secret path');
      },
    });
    expect(await dispatch(handlers, unlocked, 'notes.get', { id: 'a'.repeat(32) })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No such note.' },
    });
    const hidden = await dispatch(handlers, unlocked, 'notes.tags', {});
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(hidden)).not.toContain('secret path');
    expect(unlocked.logError).toHaveBeenCalled();
  });
});
