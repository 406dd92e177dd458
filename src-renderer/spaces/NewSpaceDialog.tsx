// "New shared space": its name and, from the start, its rules (all off unless chosen).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpacePolicy, SpaceSummary } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';
import { Dialog } from '../components/Dialog';
import { FormActions } from '../components/FormActions';
import { useApiAction } from '../hooks/use-api-action';
import { NO_RULES, PolicyFields } from './PolicyFields';

interface NewSpaceDialogProps {
  onClose: () => void;
  onCreated: (space: SpaceSummary) => void;
}

export function NewSpaceDialog({ onClose, onCreated }: NewSpaceDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [policy, setPolicy] = useState<SpacePolicy>(NO_RULES);
  const action = useApiAction();
  const ready = name.trim().length > 0 && !action.busy;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!ready) return;
    await action.run(() => call('spaces.create', { name: name.trim(), policy }), onCreated);
  }

  return (
    <Dialog title={t('spaces.newTitle')} onClose={onClose} testId="new-space-dialog">
      <form onSubmit={(event) => void submit(event)} aria-busy={action.busy}>
        <label htmlFor={`${id}-name`}>{t('spaces.name')}</label>
        <input
          id={`${id}-name`}
          data-testid="space-name-input"
          autoFocus
          maxLength={LIMITS.spaceNameMaxChars}
          readOnly={action.busy}
          aria-describedby={`${id}-hint`}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <p id={`${id}-hint`} className="hint">
          {t('spaces.nameHint')}
        </p>
        <PolicyFields
          policy={policy}
          onChange={setPolicy}
          disabled={action.busy}
          testIdPrefix="new-space-"
        />
        <p className="hint">{t('policy.changeLater')}</p>
        <FormActions
          action={action}
          onCancel={onClose}
          submitLabel={t('spaces.create')}
          busyLabel={t('spaces.creating')}
          ready={ready}
          submitTestId="create-space-submit"
        />
      </form>
    </Dialog>
  );
}
