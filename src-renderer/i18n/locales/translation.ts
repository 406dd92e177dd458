// The shape of a non-English catalogue: any subset of the English keys (the rest falls back to
// English), plus plural forms English does not have (_few, _many) at any level.
import type { Catalogue } from './en';

type Subset<T> = {
  [K in keyof T]?: T[K] extends string ? string : Subset<T[K]>;
} & { [pluralForm: string]: unknown };

export type Translation = Subset<Catalogue>;
