// A plan's title in its header, renamed as it is typed (every keystroke goes into the document).
// While the field has focus it shows what the user is typing (use-focused-draft); Escape puts back
// the title the field had on focus.
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../src-shared/limits';
import { useFocusedDraft } from '../hooks/use-focused-draft';

interface PlanTitleFieldProps {
  title: string;
  readOnly: boolean;
  onRename: (title: string) => void;
}

export function PlanTitleField({ title, readOnly, onRename }: PlanTitleFieldProps) {
  const { t } = useTranslation();
  // An empty title is written too: the plan then shows as untitled.
  const field = useFocusedDraft(title, { write: onRename, restore: onRename });
  return (
    <input
      className="plan-title"
      data-testid="plan-title"
      aria-label={t('plans.titleLabel')}
      placeholder={t('plans.untitled')}
      maxLength={LIMITS.plans.titleMaxChars}
      readOnly={readOnly}
      {...field}
    />
  );
}
