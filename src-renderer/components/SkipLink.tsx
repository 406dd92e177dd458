// The first thing Tab reaches on every screen: "Skip to main content", shown only when focused. It
// moves focus itself rather than following #main-content, because the browser host keeps its token
// in the URL fragment and a hash link would replace it.
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The id of the one <main> on screen (the screen frame's, or the workspace's editor pane). */
export const MAIN_CONTENT_ID = 'main-content';

export function SkipLink() {
  const { t } = useTranslation();
  const skip = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    document.getElementById(MAIN_CONTENT_ID)?.focus();
  };
  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`} data-testid="skip-link" onClick={skip}>
      {t('common.skipToContent')}
    </a>
  );
}
