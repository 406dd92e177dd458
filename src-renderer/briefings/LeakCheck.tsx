// For the author of a briefing sent with leak tracing: paste a text that leaked and Suviaz says
// whose copy it is, or that it cannot tell, and why that can happen, honestly: retyping the text or
// reading it back from a screenshot removes the invisible marks.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodResult } from '../../src-shared/api';
import { call } from '../bridge/call';
import { ErrorAlert } from '../components/ErrorAlert';
import { MarkedValue, VALUE_SLOT } from '../components/MarkedValue';
import { useApiAction } from '../hooks/use-api-action';
import { memberNumber } from './member-number';

type Trace = MethodResult<'briefings.traceLeak'>;

/** The largest text the contract lets through. */
const LEAK_MAX_CHARS = 200_000;

interface LeakCheckProps {
  briefingId: string;
  /** A recipient's safety number, when a space of this device lists them. */
  fingerprintOf: (device: string) => string | null;
}

export function LeakCheck({ briefingId, fingerprintOf }: LeakCheckProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [result, setResult] = useState<Trace | null>(null);
  const action = useApiAction();
  return (
    <section
      className="briefing-panel"
      data-testid="briefing-leak-check"
      aria-labelledby={`${id}-h`}
    >
      <h4 id={`${id}-h`}>{t('briefings.leak.title')}</h4>
      <label htmlFor={`${id}-text`}>{t('briefings.leak.label')}</label>
      <textarea
        id={`${id}-text`}
        data-testid="briefing-leak-text"
        rows={4}
        maxLength={LEAK_MAX_CHARS}
        aria-describedby={`${id}-hint`}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setResult(null);
        }}
      />
      <p id={`${id}-hint`} className="hint">
        {t('briefings.leak.hint')}
      </p>
      <div className="row-actions">
        <button
          type="button"
          data-testid="briefing-leak-submit"
          disabled={action.busy || text.trim() === ''}
          onClick={() =>
            void action.run(() => call('briefings.traceLeak', { id: briefingId, text }), setResult)
          }
        >
          {t('briefings.leak.check')}
        </button>
      </div>
      <ErrorAlert error={action.error} />
      <div role="status" data-testid="briefing-leak-result">
        {result !== null && (
          <TraceResult
            result={result}
            fingerprint={result.device !== null ? fingerprintOf(result.device) : null}
          />
        )}
      </div>
    </section>
  );
}

function TraceResult({ result, fingerprint }: { result: Trace; fingerprint: string | null }) {
  const { t } = useTranslation();
  if (result.device === null) {
    return (
      <>
        <p className="briefing-leak-verdict">{t('briefings.leak.cannotTell')}</p>
        <p className="hint">{t('briefings.leak.cannotTellWhy')}</p>
      </>
    );
  }
  return (
    <>
      <p className="briefing-leak-verdict" data-testid="briefing-leak-named">
        {result.name !== null && result.name.trim() !== '' ? (
          t('briefings.leak.named', { name: result.name })
        ) : (
          <MarkedValue
            text={t('briefings.leak.namedUnknown', { number: VALUE_SLOT })}
            value={memberNumber(fingerprint, result.device)}
          />
        )}
      </p>
      <p className="hint">{t('briefings.leak.evidence', { count: result.evidence })}</p>
    </>
  );
}
