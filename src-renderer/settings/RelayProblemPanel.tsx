// What a failed relay check found, said in words: what it means, that the old address is kept, and
// the two ways on (check again, where that can help, or save anyway).
import { useTranslation } from 'react-i18next';
import type { RelayFlowState } from './relay-save-flow';
import { canRecheck, type RelayProblemText } from './relay-status-text';
import { TechnicalText } from './TechnicalText';

export function RelayProblemPanel({
  problem,
  state,
  onRetry,
  onSaveAnyway,
}: {
  problem: RelayProblemText;
  state: RelayFlowState;
  onRetry: () => void;
  onSaveAnyway: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div
      className="warning relay-problem"
      data-testid="relay-problem"
      data-problem={state.kind === 'problem' ? state.problem : undefined}
    >
      <p className="status-banner-title">{problem.title}</p>
      <p>
        <TechnicalText text={problem.text} />
      </p>
      <p>{t('settings.relayKeptOld')}</p>
      {problem.detail && <p className="hint">{problem.detail}</p>}
      <div className="actions">
        {(state.kind !== 'problem' || canRecheck(state.problem)) && (
          <button type="button" data-testid="relay-retry" onClick={onRetry}>
            {t('settings.relayRetry')}
          </button>
        )}
        <button type="button" data-testid="relay-save-anyway" onClick={onSaveAnyway}>
          {t('settings.relaySaveAnyway')}
        </button>
      </div>
    </div>
  );
}
