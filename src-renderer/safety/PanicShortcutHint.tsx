// The sentence naming the panic shortcut, with the key names marked as such: they stay as written
// in every language, and a screen reader says them as key names.
import { useTranslation } from 'react-i18next';
import { MarkedValue, VALUE_SLOT } from '../components/MarkedValue';
import { panicShortcutLabel } from './panic-shortcut';

export function PanicShortcutHint() {
  const { t } = useTranslation();
  return (
    <p className="hint">
      <MarkedValue
        text={t('safety.eraseShortcut', { shortcut: VALUE_SLOT })}
        value={panicShortcutLabel()}
        as="kbd"
      />
    </p>
  );
}
