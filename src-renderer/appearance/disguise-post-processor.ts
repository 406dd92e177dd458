// A safety net for disguise mode: while a disguise is set, any translated text that still names the
// app (an error message, a hint nobody rewrote) shows the disguise's name instead.
import type { PostProcessorModule } from 'i18next';
import { APP_NAME } from '../../src-shared/disguise';
import { currentDisguise, displayName } from './appearance-state';

export const DISGUISE_POST_PROCESSOR = 'disguise';

export const disguisePostProcessor: PostProcessorModule = {
  type: 'postProcessor',
  name: DISGUISE_POST_PROCESSOR,
  process(value: string) {
    const disguise = currentDisguise();
    if (disguise === null || disguise === 'none' || !value.includes(APP_NAME)) return value;
    return value.replaceAll(APP_NAME, displayName(disguise));
  },
};
