// The members of a space: role, a short safety number, "you"; admins can add a device by its code.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, SpaceSummary } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';
import { errorMessage } from '../i18n/error-message';
import { fingerprintGroups } from '../lib/fingerprint';

/** The first two groups of a safety number: enough to tell members apart at a glance. */
export function shortFingerprint(fingerprint: string): string {
  return fingerprintGroups(fingerprint).slice(0, 2).join(' ');
}

export function MembersPanel({ space, onChanged }: { space: SpaceSummary; onChanged: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="members-panel" data-testid="members-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('members.title', { count: space.members.length })}</h3>
      <ul className="member-list">
        {space.members.map((member) => (
          <li
            key={member.deviceKey}
            className="member-item"
            data-testid="member-item"
            data-role={member.role}
          >
            <span
              className="member-fingerprint"
              title={t('members.fingerprintTitle', { fingerprint: member.fingerprint })}
            >
              {shortFingerprint(member.fingerprint) || t('members.unknownDevice')}
            </span>
            {member.isMe && <span className="member-you">({t('members.you')})</span>}
            <span className="member-role">{t(`spaces.roles.${member.role}`)}</span>
          </li>
        ))}
      </ul>
      {space.role === 'admin' && <AddMemberForm spaceId={space.id} onAdded={onChanged} />}
    </section>
  );
}

function AddMemberForm({ spaceId, onAdded }: { spaceId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const codeRef = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [role, setRole] = useState<'editor' | 'viewer'>('editor');
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const ready = code.trim().length > 0 && !busy;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setAdded(false);
    setError(null);
    const outcome = await call('spaces.addMember', { spaceId, deviceCode: code.trim(), role });
    setBusy(false);
    if (outcome.ok) {
      setCode('');
      setAdded(true);
      onAdded();
    } else {
      setError(outcome.error);
    }
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
          <textarea
            id={`${id}-code`}
            ref={codeRef}
            className="device-code"
            data-testid="member-device-code"
            rows={3}
            autoFocus
            spellCheck={false}
            autoComplete="off"
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
          <select
            id={`${id}-role`}
            data-testid="member-role"
            disabled={busy}
            value={role}
            onChange={(event) => setRole(event.target.value === 'viewer' ? 'viewer' : 'editor')}
          >
            <option value="editor">{t('members.roleEditor')}</option>
            <option value="viewer">{t('members.roleViewer')}</option>
          </select>
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
                setError(null);
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
