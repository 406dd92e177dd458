// "Add member" by device code: for someone whose code an admin already has (an invite link is the
// other way in).
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';
import { CodeTextArea } from '../components/CodeTextArea';
import { useApiAction } from '../hooks/use-api-action';
import { errorMessage } from '../i18n/error-message';
import { NewMemberRoleSelect, type NewMemberRole } from './NewMemberRoleSelect';

export function AddMemberForm({ spaceId, onAdded }: { spaceId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const codeRef = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [role, setRole] = useState<NewMemberRole>('editor');
  const [added, setAdded] = useState(false);
  const action = useApiAction();
  const { busy, error } = action;
  const ready = code.trim().length > 0 && !busy;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!ready) return;
    setAdded(false);
    await action.run(
      () => call('spaces.addMember', { spaceId, deviceCode: code.trim(), role }),
      () => {
        setCode('');
        setAdded(true);
        onAdded();
      },
    );
  }

  return (
    <div className="add-member">
      <button
        type="button"
        data-testid="add-member"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        onClick={() => {
          // Opening only; Cancel closes. A second click just returns to the code field.
          if (open) codeRef.current?.focus();
          else setOpen(true);
        }}
      >
        {t('members.add')}
      </button>
      {open && (
        <form id={`${id}-form`} onSubmit={(event) => void submit(event)} aria-busy={busy}>
          <label htmlFor={`${id}-code`}>{t('members.code')}</label>
          <CodeTextArea
            id={`${id}-code`}
            ref={codeRef}
            data-testid="member-device-code"
            autoFocus
            maxLength={LIMITS.deviceCodeMaxChars}
            readOnly={busy}
            aria-describedby={`${id}-code-hint`}
            aria-invalid={error?.code === 'invalid-device-code' ? true : undefined}
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
              setAdded(false);
            }}
          />
          <p id={`${id}-code-hint`} className="hint">
            {t('members.codeHint')}
          </p>
          <label htmlFor={`${id}-role`}>{t('members.role')}</label>
          <NewMemberRoleSelect
            id={`${id}-role`}
            testId="member-role"
            disabled={busy}
            value={role}
            onChange={setRole}
          />
          <div role="alert" className="error-slot">
            {error && (
              <p className="error" data-testid="add-member-error">
                {errorMessage(t, error)}
              </p>
            )}
          </div>
          <div role="status" aria-live="polite">
            {added && <p className="success">{t('members.added')}</p>}
          </div>
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                action.clearError();
                setAdded(false);
              }}
            >
              {t('common.cancel')}
            </button>
            <button
              type="submit"
              className="primary"
              data-testid="add-member-submit"
              disabled={!ready}
            >
              {busy ? t('members.adding') : t('members.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
