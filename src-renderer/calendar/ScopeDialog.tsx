// Asks how far a change or a deletion of one occurrence of a repeating event reaches: this
// occurrence, this and the following ones, or all of them. "This occurrence" is not offered when
// the change is to what only a whole series has (its repetition, zone, all-day, who sees it).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EDIT_SCOPES, type EditScope } from '../../src-shared/calendar/event-model';
import { Dialog } from '../components/Dialog';
import { RadioRow } from './RadioRow';

interface ScopeDialogProps {
  purpose: 'save' | 'delete' | 'move';
  allowThis: boolean;
  onChoose: (scope: EditScope) => void;
  onCancel: () => void;
}

export function ScopeDialog({ purpose, allowThis, onChoose, onCancel }: ScopeDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const scopes = EDIT_SCOPES.filter((scope) => allowThis || scope !== 'this');
  const [scope, setScope] = useState<EditScope>(scopes[0] ?? 'all');
  return (
    <Dialog title={t(`calendar.scope.title.${purpose}`)} onClose={onCancel} testId="scope-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onChoose(scope);
        }}
      >
        <fieldset className="cal-fieldset">
          <legend className="visually-hidden">{t(`calendar.scope.title.${purpose}`)}</legend>
          {scopes.map((choice) => (
            <RadioRow
              key={choice}
              id={`${id}-${choice}`}
              name={`${id}-scope`}
              testId={`scope-${choice}`}
              checked={scope === choice}
              onChange={() => setScope(choice)}
              label={t(`calendar.scope.${choice}`)}
            />
          ))}
        </fieldset>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className={purpose === 'delete' ? 'danger' : 'primary'}
            data-testid="scope-confirm"
          >
            {t(`calendar.scope.confirm.${purpose}`)}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
