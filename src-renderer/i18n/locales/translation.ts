// The shape of a non-English catalogue: any subset of the English keys (the rest falls back to
// English), plus plural forms English does not have (_few, _many) at any level. Error messages are
// the exception: each says what to do next, so every language must have one for every code.
import type { ErrorCode } from '../../../src-shared/api';
import type { Catalogue } from './en';

type Subset<T> = {
  [K in keyof T]?: T[K] extends string ? string : Subset<T[K]>;
} & { [pluralForm: string]: unknown };

export type Translation = Subset<Catalogue> & { errors: Record<ErrorCode, string> };
