// The event dialog: a new event, or a stored one (calendar.get) to change, or only to read when this
// device may not change it or sees only a busy block. In a coalition, a new event belongs to my
// organisation unless the user chooses otherwise. Escape, Cancel or a lock with changes asks before
// they are thrown away; without changes the dialog closes at once.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLockHold } from '../workspace/lock-holds';
import { EventForm } from './EventForm';
import { draftChanged, type EventDraft } from './event-draft';
import { ReadOnlyEvent } from './ReadOnlyEvent';
import { useEventEditor, type EditorRequest } from './use-event-editor';
import { myOrganisation, useOrganisations } from './use-organisations';

interface EventEditorDialogProps {
  request: EditorRequest;
  /** Spaces where this device may add events (for a new event in the calendar of all spaces). */
  writableSpaces: SpaceSummary[];
  onClose: () => void;
  onShare: (spaceId: string, eventId: string) => void;
  onExport: (spaceId: string, eventId: string) => void;
}

export function EventEditorDialog({
  request,
  writableSpaces,
  onClose,
  onShare,
  onExport,
}: EventEditorDialogProps) {
  const { t } = useTranslation();
  const editor = useEventEditor(request);
  const [spaceId, setSpaceId] = useState<string | null>(
    request.spaceId ?? writableSpaces[0]?.id ?? null,
  );
  const orgs = useOrganisations(spaceId);
  // A new event's organisation is mine until the user picks one (the list arrives a moment later).
  const [orgChosen, setOrgChosen] = useState(request.kind === 'edit');
  const defaultOrg = myOrganisation(orgs.orgs)?.id ?? null;
  const effective = (draft: EventDraft): EventDraft =>
    orgChosen || orgs.orgs === null ? draft : { ...draft, orgId: defaultOrg };
  const setDraft = (update: (draft: EventDraft) => EventDraft) => {
    editor.setDraft((draft) => update(effective(draft)));
    if (orgs.orgs !== null) setOrgChosen(true);
  };

  const { load } = editor;
  const view = load.phase === 'ready' ? load.view : null;
  const readOnly = view !== null && (view.details === null || !view.canEdit);
  const title =
    request.kind === 'new'
      ? t('calendar.editor.newTitle')
      : readOnly
        ? t('calendar.editor.viewTitle')
        : t('calendar.editor.editTitle');
  const itemOrgName = request.kind === 'edit' ? (request.item?.orgName ?? null) : null;
  const share = view ? () => onShare(view.spaceId, view.id) : undefined;
  const exportOne = view ? () => onExport(view.spaceId, view.id) : undefined;

  const body = useRef<HTMLDivElement>(null);
  const [askDiscard, setAskDiscard] = useState(false);
  // Once deleted there is nothing left to keep, whatever was typed before.
  const [deleted, setDeleted] = useState(false);
  // What the form showed at first: a new event's organisation is the default one shown.
  const baseline =
    editor.initial && request.kind === 'new' && orgs.orgs !== null
      ? { ...editor.initial, orgId: defaultOrg }
      : editor.initial;
  const changed =
    !readOnly &&
    !deleted &&
    editor.draft !== null &&
    baseline !== null &&
    draftChanged(effective(editor.draft), baseline);
  // A lock (Ctrl+L works over dialogs) asks first, as Escape or Cancel would.
  useLockHold('eventDraft', changed);
  const requestClose = () => {
    // React hands a question's Escape (delete? which occurrences?) on to this dialog too: it is
    // that question's to answer, not a request to close the editor under it.
    if (body.current?.querySelector('dialog[open]')) return;
    if (changed) setAskDiscard(true);
    else onClose();
  };

  return (
    <>
      <Dialog title={title} onClose={requestClose} className="cal-editor" testId="event-editor">
        <div ref={body}>
          {load.phase === 'loading' && <p aria-busy="true">{t('common.loading')}</p>}
          {load.phase === 'failed' && (
            <div>
              <ErrorAlert error={load.error} />
              <div className="dialog-actions">
                <button type="button" onClick={onClose}>
                  {t('common.close')}
                </button>
                <button type="button" onClick={editor.retry}>
                  {t('common.retry')}
                </button>
              </div>
            </div>
          )}
          {load.phase === 'ready' && view && readOnly && (
            <ReadOnlyEvent
              view={view}
              orgName={orgs.orgs?.find((org) => org.id === view.orgId)?.name ?? itemOrgName}
              onClose={onClose}
              onShare={share}
              onExport={exportOne}
            />
          )}
          {load.phase === 'ready' && !readOnly && spaceId === null && (
            <>
              <p className="notice">{t('calendar.editor.noWritableSpace')}</p>
              <div className="dialog-actions">
                <button type="button" onClick={onClose}>
                  {t('common.close')}
                </button>
              </div>
            </>
          )}
          {load.phase === 'ready' && !readOnly && spaceId !== null && editor.draft && (
            <EventForm
              draft={effective(editor.draft)}
              setDraft={setDraft}
              view={view}
              item={request.kind === 'edit' ? request.item : undefined}
              spaceId={spaceId}
              spaceChoice={
                request.kind === 'new' && request.spaceId === null
                  ? {
                      spaces: writableSpaces,
                      onSpace: (next) => {
                        setSpaceId(next);
                        setOrgChosen(false);
                        editor.setDraft((d) => ({ ...d, orgId: null, visibility: 'coalition' }));
                      },
                    }
                  : undefined
              }
              orgs={orgs.orgs}
              onClose={onClose}
              onCancel={requestClose}
              onDeleted={() => setDeleted(true)}
              onShare={share}
              onExport={exportOne}
            />
          )}
        </div>
      </Dialog>
      {/* Beside the editor, not in it, so that its Escape does not reach the editor as well. */}
      {askDiscard && (
        <ConfirmDialog
          testId="discard-dialog"
          title={t('calendar.editor.discardTitle')}
          text={t('calendar.editor.discardText')}
          cancelLabel={t('calendar.editor.keepEditing')}
          confirmLabel={t('calendar.editor.discard')}
          onCancel={() => setAskDiscard(false)}
          onConfirm={onClose}
        />
      )}
    </>
  );
}
