// Keeps a render-time throw from blanking the app: the part that threw is replaced by a message and
// a "Try again", and whatever is around it (the sidebar, the lock and panic shortcuts) goes on.
// Built on react-error-boundary; resets itself when what it shows changes (`resetKeys`).
import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';

type Scope = 'view' | 'screen';

function CrashMessage({ scope, error, resetErrorBoundary }: FallbackProps & { scope: Scope }) {
  const { t } = useTranslation();
  const details = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className={`crash-message crash-${scope}`}>
      <h2>{scope === 'view' ? t('crash.viewTitle') : t('crash.screenTitle')}</h2>
      <p>{scope === 'view' ? t('crash.viewText') : t('crash.screenText')}</p>
      {/* The view is gone: focus would otherwise fall to the page's body. */}
      <button type="button" className="primary" autoFocus onClick={resetErrorBoundary}>
        {t('common.retry')}
      </button>
      {/* Only inside the open app: an error's text could say more than a locked screen may. */}
      {scope === 'view' && (
        <details>
          <summary>{t('crash.details')}</summary>
          <pre>{details}</pre>
        </details>
      )}
    </div>
  );
}

export function CrashBoundary({
  scope,
  resetKeys,
  children,
}: {
  scope: Scope;
  /** Showing something else (another view, another screen) starts afresh. */
  resetKeys: unknown[];
  children: ReactNode;
}) {
  return (
    <ErrorBoundary
      resetKeys={resetKeys}
      fallbackRender={(props) => <CrashMessage scope={scope} {...props} />}
    >
      {children}
    </ErrorBoundary>
  );
}
