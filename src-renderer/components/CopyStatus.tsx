// The polite status line under a Copy button: copied, or selected for copying by hand.
import { useTranslation } from 'react-i18next';
import type { CopyState } from '../hooks/use-copy-text';
import { shortcutLabel } from '../lib/shortcuts';

export function CopyStatus({ id, state }: { id: string; state: CopyState }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="hint" role="status" aria-live="polite" data-testid="copy-status">
      {state === 'copied'
        ? t('common.copied')
        : state === 'manual'
          ? t('common.copyManual', { shortcut: shortcutLabel('c') })
          : ''}
    </p>
  );
}
