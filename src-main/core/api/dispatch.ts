// Validates one call against the API contract and turns every outcome into a CallOutcome, so that
// nothing but a known error code and a plain message ever crosses to the renderer.
import { z } from 'zod';
import {
  methods,
  type CallOutcome,
  type MethodName,
  type MethodResult,
} from '../../../src-shared/api';
import { isSuviazError } from '../errors';

/** A method whose contract answers null may return nothing: dispatch() sends null for it. */
export type HandlerResult<M extends MethodName> =
  MethodResult<M> extends null ? MethodResult<M> | void : MethodResult<M>;

/** Handlers take the parsed (zod output) arguments and answer exactly what the contract says. */
export type HandlerTable = {
  [M in MethodName]: (
    args: z.output<(typeof methods)[M]['args']>,
  ) => HandlerResult<M> | Promise<HandlerResult<M>>;
};

export interface DispatchContext {
  isUnlocked(): boolean;
  /** Where unexpected failures are reported; never given to the renderer. */
  logError(error: unknown): void;
}

function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

export async function dispatch(
  handlers: HandlerTable,
  context: DispatchContext,
  method: unknown,
  rawArgs: unknown,
): Promise<CallOutcome<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'unknown-method', message: 'No such method.' } };
  }
  const spec = methods[method];
  if (!spec.whenLocked && !context.isUnlocked()) {
    return { ok: false, error: { code: 'locked', message: 'The vault is locked.' } };
  }
  const parsed = spec.args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'args'}: ${issue.message}`)
      .join('; ');
    return { ok: false, error: { code: 'invalid-args', message } };
  }
  try {
    // The table is keyed by method, so this handler takes exactly this method's parsed args.
    const handler = handlers[method] as (args: unknown) => unknown;
    const value: unknown = await handler(parsed.data);
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    if (isSuviazError(error)) {
      return { ok: false, error: { code: error.code, message: error.message } };
    }
    context.logError(error);
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Suviaz.' },
    };
  }
}
