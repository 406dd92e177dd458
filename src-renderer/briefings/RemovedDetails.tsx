// "Removed before sending: GPS location, camera serial number": what the sender's app took out of
// a picture before sealing it. Main names each item in English; the ones Suviaz knows are said in
// the reader's language, anything else is shown as main wrote it, marked as English.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

/** Main's names of what image-scrub removes, and their catalogue keys (briefings.removedItems.*). */
const KNOWN = {
  'gps location': 'gps',
  'camera serial number': 'serial',
  'camera make and model': 'camera',
  'date taken': 'taken',
  author: 'author',
  software: 'software',
  thumbnail: 'thumbnail',
  comment: 'comment',
  'editing history': 'history',
  'other metadata': 'other',
} as const;

type KnownKey = (typeof KNOWN)[keyof typeof KNOWN];

function knownKey(item: string): KnownKey | null {
  const key = item.trim().toLowerCase();
  return Object.hasOwn(KNOWN, key) ? KNOWN[key as keyof typeof KNOWN] : null;
}

export function RemovedDetails({
  removed,
  testId,
}: {
  removed: readonly string[];
  testId: string;
}) {
  const { t } = useTranslation();
  if (removed.length === 0) return null;
  return (
    <p className="briefing-removed" data-testid={testId}>
      {t('briefings.removedBefore')}{' '}
      {removed.map((item, index) => {
        const key = knownKey(item);
        return (
          <Fragment key={`${item}-${index}`}>
            {index > 0 && ', '}
            {key !== null ? (
              t(`briefings.removedItems.${key}`)
            ) : (
              <span lang="en" translate="no">
                {item}
              </span>
            )}
          </Fragment>
        );
      })}
    </p>
  );
}
