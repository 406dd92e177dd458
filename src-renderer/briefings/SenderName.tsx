// Who sent a briefing: the name this device knows for them, or, when it knows none, the start of
// their safety number (kept as written in every language); and the verified mark when their safety
// number was compared and marked on this device, drawn as the members panel draws it.
import { useTranslation } from 'react-i18next';
import { MarkedValue, VALUE_SLOT } from '../components/MarkedValue';
import { memberNumber } from './member-number';

interface SenderNameProps {
  name: string | null;
  device: string;
  verified: boolean;
  /** The sender's safety number, when they are a member of a space this device knows. */
  fingerprint: string | null;
  mine?: boolean;
}

export function SenderName({ name, device, verified, fingerprint, mine }: SenderNameProps) {
  const { t } = useTranslation();
  if (mine) {
    return (
      <span className="briefing-sender" data-testid="briefing-sender">
        {t('briefings.you')}
      </span>
    );
  }
  const prefix = memberNumber(fingerprint, device);
  return (
    <span className="briefing-sender" data-testid="briefing-sender">
      {name !== null && name.trim() !== '' ? (
        <span className="briefing-sender-name">{name}</span>
      ) : (
        <span className="briefing-sender-unknown">
          <MarkedValue text={t('briefings.unknownSender', { number: VALUE_SLOT })} value={prefix} />
        </span>
      )}
      {verified && (
        <span className="badge verified" data-testid="briefing-sender-verified">
          <span aria-hidden="true">✓ </span>
          {t('members.verified')}
        </span>
      )}
    </span>
  );
}
