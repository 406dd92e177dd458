// Writing a briefing: the space (across all spaces), title, rich-text body in the notes' and plans'
// editor, audience, expiry, receipts, leak tracing and files; then Send, with its progress and a
// cancel. A refused or cancelled send keeps every field as it was and says why.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { BRIEFING_LIMITS } from '../../src-shared/briefings/briefing-model';
import { noteContentProblem } from '../../src-shared/notes/note-content';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { NoteBody } from '../editor/NoteBody';
import { spaceName } from '../spaces/space-name';
import { AttachmentsField } from './AttachmentsField';
import { AudienceField } from './AudienceField';
import { ComposeOptions } from './ComposeOptions';
import { TransferProgress } from './TransferProgress';
import type { BriefingDraft } from './use-briefing-draft';

interface ComposeBriefingProps {
  draft: BriefingDraft;
  /** The spaces a briefing can go to (one, in a space's own view). */
  spaces: readonly SpaceSummary[];
  onSent: (id: string) => void;
  /** Leaves compose; the draft stays for later. */
  onClose: () => void;
}

type Problem =
  | 'titleMissing'
  | 'audienceMissing'
  | 'filesBusy'
  | 'filesFailed'
  | 'bodyInvalid'
  | 'noSpace'
  | 'nobodyElse';

export function ComposeBriefing({ draft, spaces, onSent, onClose }: ComposeBriefingProps) {
  const { t } = useTranslation();
  const id = useId();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  // Opening compose brings its first field into view (below the list, when they stack) with focus.
  useEffect(() => titleRef.current?.focus(), []);
  const { fields, set, files, sender } = draft;
  const space = spaces.find((s) => s.id === fields.spaceId) ?? spaces[0] ?? null;
  const others = space ? space.members.filter((member) => !member.isMe) : [];
  const chosen = fields.chosen.filter((key) => others.some((m) => m.deviceKey === key));

  function check(): Problem | null {
    if (!space) return 'noSpace';
    if (fields.title.trim() === '') return 'titleMissing';
    if (others.length === 0) return 'nobodyElse';
    if (!fields.wholeSpace && chosen.length === 0) return 'audienceMissing';
    if (files.files.some((file) => file.state === 'staging')) return 'filesBusy';
    if (files.files.some((file) => file.state === 'failed')) return 'filesFailed';
    if (noteContentProblem(fields.body) !== null) return 'bodyInvalid';
    return null;
  }

  async function send(): Promise<void> {
    const found = check();
    setProblem(found);
    if (found !== null || !space) return;
    const sent = await sender.send({
      spaceId: space.id,
      title: fields.title.trim(),
      body: fields.body,
      audience: fields.wholeSpace ? null : chosen,
      expiresInHours: fields.expiresInHours,
      stagedFiles: files.files.flatMap((file) => (file.stageId !== null ? [file.stageId] : [])),
      canary: fields.canary,
      receipts: fields.receipts,
    });
    // The draft started over already (also when this screen is gone by then).
    if (sent !== null) onSent(sent);
  }

  const phase = sender.progress?.phase;
  const phaseLabel =
    phase === 'seal' || phase === 'upload' || phase === 'send'
      ? t(`briefings.compose.phases.${phase}`)
      : t('briefings.compose.sending');

  return (
    <section
      className="briefing-compose"
      data-testid="briefing-compose"
      aria-labelledby={`${id}-h`}
    >
      <h3 id={`${id}-h`}>{t('briefings.newBriefing')}</h3>
      {/* Not a <form>: Enter in the title must never send a briefing by accident. */}
      <div className="briefing-compose-form">
        <fieldset className="briefing-compose-fields" disabled={sender.sending}>
          {spaces.length > 1 && (
            <>
              <label htmlFor={`${id}-space`}>{t('briefings.compose.space')}</label>
              <select
                id={`${id}-space`}
                data-testid="briefing-space-select"
                value={space?.id ?? ''}
                onChange={(event) => set({ spaceId: event.target.value, chosen: [] })}
              >
                {spaces.map((s) => (
                  <option key={s.id} value={s.id}>
                    {spaceName(t, s.name)}
                  </option>
                ))}
              </select>
            </>
          )}
          <label htmlFor={`${id}-title`}>{t('briefings.compose.heading')}</label>
          <input
            ref={titleRef}
            id={`${id}-title`}
            data-testid="briefing-title-input"
            maxLength={BRIEFING_LIMITS.titleMaxChars}
            aria-invalid={problem === 'titleMissing' || undefined}
            value={fields.title}
            onChange={(event) => set({ title: event.target.value })}
          />
          <p className="briefing-body-label" id={`${id}-body`}>
            {t('briefings.compose.body')}
          </p>
          <div className="briefing-compose-body" aria-labelledby={`${id}-body`} role="group">
            <NoteBody
              key={draft.generation}
              initial={fields.body}
              plainText=""
              unreadable={false}
              label={t('briefings.compose.body')}
              onChange={(body) => set({ body })}
            />
          </div>
          <AudienceField
            members={others}
            wholeSpace={fields.wholeSpace}
            chosen={chosen}
            invalid={problem === 'audienceMissing'}
            onChange={(change) => set(change)}
          />
          <ComposeOptions fields={fields} set={set} />
        </fieldset>
        <AttachmentsField files={files} disabled={sender.sending} />
        <div role="alert" className="briefing-compose-problem">
          {problem !== null && (
            <p className="error" data-testid="briefing-compose-problem">
              {t(`briefings.compose.problems.${problem}`)}
            </p>
          )}
        </div>
        <ErrorAlert error={sender.error} />
        {sender.sending && (
          <TransferProgress
            label={phaseLabel}
            done={sender.progress?.done ?? 0}
            total={sender.progress?.total ?? 0}
            onCancel={sender.cancel}
            cancelLabel={t('briefings.compose.cancelSend')}
            testId="briefing-send-progress"
          />
        )}
        <div className="actions">
          <button
            type="button"
            className="danger"
            data-testid="briefing-discard"
            disabled={sender.sending || !draft.touched}
            onClick={() => setDiscarding(true)}
          >
            {t('briefings.compose.discard')}
          </button>
          <button
            type="button"
            data-testid="briefing-compose-close"
            onClick={onClose}
            disabled={sender.sending}
          >
            {t('common.close')}
          </button>
          <button
            type="button"
            className="primary"
            data-testid="briefing-send"
            disabled={sender.sending}
            onClick={() => void send()}
          >
            {sender.sending ? t('briefings.compose.sending') : t('briefings.compose.send')}
          </button>
        </div>
      </div>
      {discarding && (
        <ConfirmDialog
          title={t('briefings.compose.discardTitle')}
          text={t('briefings.compose.discardText')}
          confirmLabel={t('briefings.compose.discard')}
          onCancel={() => setDiscarding(false)}
          onConfirm={() => {
            setDiscarding(false);
            draft.discard();
          }}
        />
      )}
    </section>
  );
}
