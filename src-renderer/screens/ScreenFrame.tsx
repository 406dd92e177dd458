// The calm centred frame of the screens before the vault is open, with the language switcher.
import type { ReactNode } from 'react';
import { LanguageSelect } from '../components/LanguageSelect';
import { MAIN_CONTENT_ID } from '../components/SkipLink';
import { AppName } from '../appearance/AppName';

export function ScreenFrame({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <main className="screen" id={MAIN_CONTENT_ID} tabIndex={-1} data-testid={testId}>
      <div className="screen-top">
        <span className="brand" aria-hidden="true">
          <AppName />
        </span>
        <LanguageSelect />
      </div>
      <div className="card">{children}</div>
    </main>
  );
}
