// A plan's title in its header, renamed as it is typed. While the field has focus it shows what
// the user is typing: a rename by another member arriving meanwhile (the title is last-writer-wins)
// does not replace it under their cursor; Escape puts back the title the field had on focus.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../src-shared/limits';

interface PlanTitleFieldProps {
  title: string;
  readOnly: boolean;
  onRename: (title: string) => void;
}

export function PlanTitleField({ title, readOnly, onRename }: PlanTitleFieldProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const before = useRef(title);
  return (
    <input
      className="plan-title"
      data-testid="plan-title"
      aria-label={t('plans.titleLabel')}
      value={draft ?? title}
      placeholder={t('plans.untitled')}
      maxLength={LIMITS.plans.titleMaxChars}
      readOnly={readOnly}
      onFocus={() => {
        before.current = title;
      }}
      onChange={(event) => {
        setDraft(event.currentTarget.value);
        onRename(event.currentTarget.value);
      }}
      onBlur={() => setDraft(null)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          setDraft(null);
        } else if (event.key === 'Escape' && draft !== null) {
          event.preventDefault();
          onRename(before.current);
          setDraft(null);
        }
      }}
    />
  );
}
