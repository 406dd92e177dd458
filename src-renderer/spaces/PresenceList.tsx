// Who else is in this document right now: a colour dot, the name, and the line of their caret.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresencePeer } from '../../src-shared/api';
import type { SharedText } from '../shared-doc/shared-text';

const COLOURS = 8;

/** The same colour for the same device everywhere, from its key. */
export function colourIndex(deviceKey: string): number {
  let hash = 0;
  for (let i = 0; i < deviceKey.length; i++) hash = (hash * 31 + deviceKey.charCodeAt(i)) >>> 0;
  return hash % COLOURS;
}

export function PresenceList({ peers, shared }: { peers: PresencePeer[]; shared: SharedText }) {
  const { t } = useTranslation();
  // Lines move as the text changes: re-render on every document change.
  useSyncExternalStore(shared.subscribe, shared.getVersion);
  return (
    <div className="presence">
      <span className="presence-label">{t('presence.label')}</span>
      {peers.length === 0 ? (
        <span className="hint" data-testid="presence-list">
          {t('presence.nobody')}
        </span>
      ) : (
        <ul className="presence-list" data-testid="presence-list" aria-label={t('presence.label')}>
          {peers.map((peer) => {
            const line = shared.lineOf(peer.cursor);
            return (
              <li key={peer.deviceKey} className="presence-peer" data-testid="presence-peer">
                <span
                  className={`peer-dot peer-colour-${colourIndex(peer.deviceKey)}`}
                  aria-hidden="true"
                />
                <span className="presence-name">{peer.name.trim() || t('presence.noName')}</span>
                {line !== null && (
                  <span className="presence-line">{t('presence.line', { line })}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
