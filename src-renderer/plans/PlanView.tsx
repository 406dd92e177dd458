// A campaign plan opened from its space: the open plan (OpenPlan.tsx), or, while the plan is not in
// the shared document (deleted, or not arrived yet), a word on why and the way back.
import { useTranslation } from 'react-i18next';
import { BackButton } from './BackButton';
import { OpenPlan, type PlanViewProps } from './OpenPlan';
import { usePlanTitle } from './use-plan-title';

export function PlanView(props: PlanViewProps) {
  const { t } = useTranslation();
  const title = usePlanTitle(props.replica, props.planId);
  if (title === null) {
    return (
      <div className="plan-view" data-testid="plan-view">
        <BackButton onBack={props.onBack} />
        <p className="editor-empty" data-testid="plan-missing">
          {t('plans.missing')}
        </p>
      </div>
    );
  }
  return <OpenPlan {...props} title={title} />;
}
