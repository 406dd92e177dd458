// The campaign plans of a space, above its shared notes: open one, or start a new one with a title.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { createPlan, listPlans } from '../../src-shared/plans/plan-model';
import { ErrorAlert } from '../components/ErrorAlert';
import { useNow } from '../hooks/use-now';
import { formatFullDate, formatShortDate } from '../lib/format-date';
import type { DocReplica, ReplicaPhase } from '../shared-doc/doc-replica';
import { useDocVersion } from '../shared-doc/use-doc-replica';
import type { PlanAuthor } from './use-plan-author';

interface PlansSectionProps {
  replica: DocReplica | null;
  phase: ReplicaPhase;
  /** null when this user cannot make plans here. */
  author: PlanAuthor | null;
  /** Why there is no author although the user may write (the device key could not be read). */
  authorError: ApiError | null;
  onOpen: (planId: string) => void;
}

export function PlansSection({ replica, phase, author, authorError, onOpen }: PlansSectionProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [creating, setCreating] = useState(false);
  useDocVersion(replica);
  useNow(60_000);
  const open = replica !== null && phase.kind === 'open';
  const plans = open ? listPlans(replica.doc) : [];

  return (
    <section className="plans-section" data-testid="plans-section" aria-labelledby={headingId}>
      <div className="plans-head">
        <h3 id={headingId}>{t('plans.title')}</h3>
        {author && open && !creating && (
          <button type="button" data-testid="plan-new" onClick={() => setCreating(true)}>
            {t('plans.new')}
          </button>
        )}
      </div>
      <ErrorAlert error={authorError} />
      {creating && author && replica && (
        <NewPlanForm
          onCancel={() => setCreating(false)}
          onCreate={(title) => {
            setCreating(false);
            onOpen(createPlan(replica.doc, { title, by: author.deviceKey, at: Date.now() }));
          }}
        />
      )}
      {phase.kind === 'opening' && (
        <p className="hint" aria-busy="true">
          {t('plans.opening')}
        </p>
      )}
      {phase.kind === 'failed' && (
        <div role="alert">
          <p className="error">{t('plans.openFailed')}</p>
          <ErrorAlert error={phase.error} />
          <button type="button" onClick={() => void replica?.open()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {open && plans.length === 0 && <p className="hint">{t('plans.none')}</p>}
      {plans.length > 0 && (
        <ul className="plan-list">
          {plans.map((plan) => (
            <li key={plan.id}>
              <button
                type="button"
                className="plan-item"
                data-testid="plan-item"
                onClick={() => onOpen(plan.id)}
              >
                <span className="plan-item-title">{plan.title.trim() || t('plans.untitled')}</span>
                <span
                  className="plan-item-date"
                  title={formatFullDate(plan.createdAt, i18n.language)}
                >
                  {t('plans.createdOn', {
                    when: formatShortDate(plan.createdAt, i18n.language, t('dates.justNow')),
                  })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NewPlanForm(props: { onCreate: (title: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  return (
    <form
      className="plan-new-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (title.trim()) props.onCreate(title.trim());
      }}
    >
      <label htmlFor={id}>{t('plans.newTitle')}</label>
      <div className="inline-form">
        <input
          id={id}
          data-testid="plan-new-title"
          autoFocus
          maxLength={LIMITS.plans.titleMaxChars}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
        <button
          type="submit"
          className="primary"
          data-testid="plan-new-submit"
          disabled={!title.trim()}
        >
          {t('plans.create')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
