// The app's name where the screens show it: its own, the disguise's, or nothing until known.
import { displayName } from './appearance-state';
import { useDisguise } from './use-appearance';
import { useTranslation } from 'react-i18next';

export function AppName() {
  // The translation hook makes the disguise's name follow a change of language.
  useTranslation();
  return <>{displayName(useDisguise())}</>;
}
