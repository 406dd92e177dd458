// The "lock anyway?" question, in the words lock-concerns.ts chooses for what a lock would lose.
// Keeping Suviaz unlocked is the choice with focus, as in every question that cannot be undone.
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { lockPrompt, type LockConcern } from './lock-concerns';

interface LockPromptProps {
  concerns: readonly LockConcern[];
  onKeepUnlocked: () => void;
  onLockAnyway: () => void;
}

export function LockPrompt({ concerns, onKeepUnlocked, onLockAnyway }: LockPromptProps) {
  const { t } = useTranslation();
  const prompt = lockPrompt(concerns);
  if (!prompt) return null;
  return (
    <ConfirmDialog
      title={t(prompt.title)}
      text={t(prompt.text)}
      confirmLabel={t(prompt.confirm)}
      cancelLabel={t('header.keepUnlocked')}
      onCancel={onKeepUnlocked}
      onConfirm={onLockAnyway}
    >
      {prompt.items.length > 0 && (
        <ul data-testid="lock-concerns">
          {prompt.items.map((item) => (
            <li key={item}>{t(item)}</li>
          ))}
        </ul>
      )}
    </ConfirmDialog>
  );
}
