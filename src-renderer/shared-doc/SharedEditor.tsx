// The shared document as a plain-text collaborative editor: a textarea bound to a renderer-side
// Y.Doc replica (SharedText). Opening asks main for the document's state; leaving destroys the
// replica and closes the document once every local edit is stored.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, PresencePeer } from '../../src-shared/api';
import { call, onEvent } from '../bridge/call';
import { SaveStatus } from '../editor/SaveStatus';
import { errorMessage } from '../i18n/error-message';
import { PresenceList } from '../spaces/PresenceList';
import { fromBase64 } from './base64';
import { PresenceReporter } from './presence-reporter';
import { MAX_INSERT_CHARS, SharedText } from './shared-text';
import type { SharedDocs } from './shared-docs';
import type { DocUpdateSender } from './update-sender';

interface SharedEditorProps {
  docId: string;
  docs: SharedDocs;
  readOnly: boolean;
  /** Why it is read-only, shown above it; null when the page says so elsewhere. */
  readOnlyHint: string | null;
  /** The visible heading that labels the text box, and one line on what it is for. */
  label: string;
  help?: string;
  /** This device's key, so it never shows up among the other people. */
  myDeviceKey: string | null;
}

interface Open {
  shared: SharedText;
  presence: PresenceReporter;
}

type Phase =
  { kind: 'opening' } | { kind: 'open'; open: Open } | { kind: 'failed'; error: ApiError };

export function SharedEditor({
  docId,
  docs,
  readOnly,
  readOnlyHint,
  label,
  help,
  myDeviceKey,
}: SharedEditorProps) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: 'opening' });
  const [peers, setPeers] = useState<PresencePeer[]>([]);
  const sender = docs.sender(docId);

  useEffect(() => {
    let active = true;
    const shared = new SharedText(docs.acquire(docId));
    const presence = new PresenceReporter((cursor) => {
      void call('docs.presence', { docId, cursor });
    });
    // Listen before asking: an update that arrives first is kept by Yjs until its base is there.
    const offRemote = onEvent('docs.remoteUpdate', (event) => {
      if (event.docId !== docId) return;
      try {
        shared.applyRemote(fromBase64(event.update));
      } catch {
        // Main verified it; a malformed update here would be a bug there. Keep the document usable.
      }
    });
    void call('docs.open', { docId }).then((outcome) => {
      if (!active) return;
      if (!outcome.ok) {
        setPhase({ kind: 'failed', error: outcome.error });
        return;
      }
      try {
        shared.load(outcome.value.updates.map(fromBase64));
      } catch {
        setPhase({ kind: 'failed', error: { code: 'internal', message: '' } });
        return;
      }
      setPhase({ kind: 'open', open: { shared, presence } });
    });
    return () => {
      active = false;
      offRemote();
      presence.stop();
      shared.destroy();
      docs.release(docId);
    };
  }, [docs, docId, attempt]);

  useEffect(
    () =>
      onEvent('docs.presence', (event) => {
        if (event.docId === docId) setPeers(event.peers);
      }),
    [docId],
  );

  if (phase.kind === 'failed') {
    return (
      <div className="editor-empty" role="alert">
        <p>{t('space.openFailed')}</p>
        <p>{errorMessage(t, phase.error)}</p>
        <button
          type="button"
          onClick={() => {
            setPhase({ kind: 'opening' });
            setAttempt((n) => n + 1);
          }}
        >
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (phase.kind === 'opening') {
    return (
      <div className="editor-empty" aria-busy="true">
        {t('space.opening')}
      </div>
    );
  }

  return (
    <OpenSharedEditor
      open={phase.open}
      sender={sender}
      peers={peers.filter((peer) => peer.deviceKey !== myDeviceKey)}
      readOnly={readOnly}
      readOnlyHint={readOnlyHint}
      label={label}
      help={help}
    />
  );
}

interface OpenSharedEditorProps {
  open: Open;
  sender: DocUpdateSender;
  peers: PresencePeer[];
  readOnly: boolean;
  readOnlyHint: string | null;
  label: string;
  help?: string;
}

function OpenSharedEditor(props: OpenSharedEditorProps) {
  const { open, sender, peers, readOnly, readOnlyHint, label, help } = props;
  const { t } = useTranslation();
  const id = useId();
  const [tooLarge, setTooLarge] = useState(false);
  const { shared, presence } = open;
  // Stable, so React attaches the textarea once instead of on every render.
  const attach = useCallback(
    (element: HTMLTextAreaElement | null) => shared.attach(element),
    [shared],
  );
  const report = (event: { currentTarget: HTMLTextAreaElement }): void => {
    if (event.currentTarget === document.activeElement) presence.update(shared.cursor());
  };

  return (
    <div className="shared-editor">
      <h3 className="shared-editor-title">
        <label htmlFor={`${id}-text`}>{label}</label>
      </h3>
      {help && (
        <p id={`${id}-help`} className="hint shared-editor-help">
          {help}
        </p>
      )}
      <div className="editor-toolbar">
        <SaveStatus saver={sender} />
        <PresenceList peers={peers} shared={shared} />
      </div>
      {readOnly && readOnlyHint && (
        <p id={`${id}-read-only`} className="read-only-note" data-testid="shared-read-only">
          {readOnlyHint}
        </p>
      )}
      <textarea
        id={`${id}-text`}
        ref={attach}
        className="editor-body"
        data-testid="shared-editor"
        readOnly={readOnly}
        aria-describedby={[
          readOnly && readOnlyHint ? `${id}-read-only` : '',
          help ? `${id}-help` : '',
          `${id}-too-large`,
        ]
          .filter(Boolean)
          .join(' ')}
        onInput={(event) => {
          if (readOnly) return;
          setTooLarge(shared.input() === 'too-large');
          report(event);
        }}
        onSelect={report}
        onFocus={report}
        onBlur={() => presence.update(null)}
        onCompositionStart={() => shared.compositionStart()}
        onCompositionEnd={() => shared.compositionEnd()}
      />
      <p id={`${id}-too-large`} className="hint" role="status" aria-live="polite">
        {tooLarge ? t('space.tooLarge', { max: MAX_INSERT_CHARS.toLocaleString() }) : ''}
      </p>
    </div>
  );
}
