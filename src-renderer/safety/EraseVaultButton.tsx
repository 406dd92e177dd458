// "Erase this vault": asked once, then the vault is destroyed (main shreds the key file and deletes
// every file) and the app shows the empty first screen, as after a fresh install.
import { useTranslation } from 'react-i18next';
import { call } from '../bridge/call';
import { ConfirmButton } from '../components/ConfirmButton';
import { PanicShortcutHint } from './PanicShortcutHint';

export function EraseVaultButton({ onErased }: { onErased: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      label={t('safety.eraseOpen')}
      testId="erase-vault"
      className="danger"
      title={t('safety.eraseTitle')}
      text={t('safety.eraseExplain')}
      details={<PanicShortcutHint />}
      confirmLabel={t('safety.eraseConfirm')}
      action={() => call('vault.panicWipe', {})}
      onDone={onErased}
    />
  );
}
