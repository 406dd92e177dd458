// One of the panels beside a plan (comments, versions): a titled section for screen readers' maps.
import { useId, type ReactNode } from 'react';

export function PlanPanel(props: { testId: string; title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section
      className="side-section plan-panel"
      data-testid={props.testId}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>{props.title}</h3>
      {props.children}
    </section>
  );
}
