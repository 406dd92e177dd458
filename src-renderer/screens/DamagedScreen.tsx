// The vault's files are incomplete: explain which, that nothing was touched, and how to recover.
// Deliberately offers no way to create a vault: that would hide what is left of the old one.
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../src-shared/api';
import { ScreenFrame } from './ScreenFrame';

export function DamagedScreen({ problem }: { problem: VaultStatus['problem'] }) {
  const { t } = useTranslation();
  const what =
    problem === 'keyfile-missing'
      ? t('damaged.keyfileMissing')
      : problem === 'database-missing'
        ? t('damaged.databaseMissing')
        : t('damaged.unknown');
  return (
    <ScreenFrame testId="damaged-screen">
      <h1>{t('damaged.title')}</h1>
      <p role="alert">{what}</p>
      <p className="reassure">{t('damaged.nothingChanged')}</p>
      <p>{t('damaged.whatToDo')}</p>
      <p className="muted">{t('damaged.noCreate')}</p>
    </ScreenFrame>
  );
}
