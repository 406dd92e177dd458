// The sidebar's shared spaces: the list, and "New shared space" with a small dialog for the name.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, SpaceSummary } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';
import { Dialog } from '../components/Dialog';
import { errorMessage } from '../i18n/error-message';

interface SpacesSectionProps {
  spaces: SpaceSummary[] | null;
  error: ApiError | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onCreated: (space: SpaceSummary) => void;
  onRetry: () => void;
}

export function SpacesSection(props: SpacesSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [creating, setCreating] = useState(false);
  return (
    <section className="spaces-section" data-testid="spaces-section" aria-labelledby={headingId}>
      <div className="spaces-head">
        <h2 id={headingId}>{t('spaces.section')}</h2>
        <button type="button" data-testid="new-space" onClick={() => setCreating(true)}>
          {t('spaces.new')}
        </button>
      </div>
      {props.error && (
        <div className="error" role="alert">
          <p>{t('spaces.loadFailed')}</p>
          <p>{errorMessage(t, props.error)}</p>
          <button type="button" onClick={props.onRetry}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {props.spaces === null ? (
        !props.error && <p className="list-empty">{t('common.loading')}</p>
      ) : props.spaces.length === 0 ? (
        <p className="list-empty">{t('spaces.none')}</p>
      ) : (
        <ul className="note-list" aria-labelledby={headingId}>
          {props.spaces.map((space) => (
            <li key={space.id}>
              <button
                type="button"
                className="note-item space-item"
                data-testid="space-item"
                aria-current={space.id === props.selectedId ? 'true' : undefined}
                onClick={() => props.onSelect(space.id)}
              >
                <span className="note-item-head">
                  <span className="note-item-title">{space.name}</span>
                  <span className="note-item-date">{t(`spaces.roles.${space.role}`)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {creating && (
        <NewSpaceDialog
          onClose={() => setCreating(false)}
          onCreated={(space) => {
            setCreating(false);
            props.onCreated(space);
          }}
        />
      )}
    </section>
  );
}

function NewSpaceDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (space: SpaceSummary) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const ready = name.trim().length > 0 && !busy;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    const outcome = await call('spaces.create', { name: name.trim() });
    setBusy(false);
    if (outcome.ok) onCreated(outcome.value);
    else setError(outcome.error);
  }

  return (
    <Dialog title={t('spaces.newTitle')} onClose={onClose} testId="new-space-dialog">
      <form onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <label htmlFor={`${id}-name`}>{t('spaces.name')}</label>
        <input
          id={`${id}-name`}
          data-testid="space-name-input"
          autoFocus
          maxLength={LIMITS.spaceNameMaxChars}
          readOnly={busy}
          aria-describedby={`${id}-hint`}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <p id={`${id}-hint`} className="hint">
          {t('spaces.nameHint')}
        </p>
        <div role="alert" className="error-slot">
          {error && <p className="error">{errorMessage(t, error)}</p>}
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="primary"
            data-testid="create-space-submit"
            disabled={!ready}
          >
            {busy ? t('spaces.creating') : t('spaces.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
