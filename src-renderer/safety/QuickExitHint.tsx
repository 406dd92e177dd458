// Settings → Emergency: the quick-exit shortcut and the clipboard rule, each said as this shell can
// keep it (the desktop app hides its windows and owns the clipboard; a browser page cannot).
import { useTranslation } from 'react-i18next';
import { MarkedValue, VALUE_SLOT } from '../components/MarkedValue';
import { useShellCapabilities } from '../hooks/use-shell-capabilities';
import { quickExitShortcutLabel } from './quick-exit-shortcut';

export function QuickExitHint() {
  const { t } = useTranslation();
  const capabilities = useShellCapabilities();
  const desktop = capabilities?.hideWindows ?? false;
  return (
    <>
      <p className="hint" data-testid="quick-exit-hint">
        <MarkedValue
          text={t(desktop ? 'safety.quickExitShortcut' : 'safety.quickExitShortcutBrowser', {
            shortcut: VALUE_SLOT,
          })}
          value={quickExitShortcutLabel()}
          as="kbd"
        />
      </p>
      <p className="hint">
        {t(capabilities?.clipboard ? 'safety.clipboardRule' : 'safety.clipboardRuleBrowser')}
      </p>
    </>
  );
}
