// One on/off setting stored the moment it is changed (put back if the save fails), with its
// heading, label, hint and save status: the shape of several settings sections.
import { useId, type ReactNode } from 'react';
import type { Settings } from '../../src-shared/api';
import { FieldSaveStatus } from './FieldSaveStatus';
import { useInstantSetting } from './use-instant-setting';

type BooleanSettingName = {
  [K in keyof Settings]: Settings[K] extends boolean ? K : never;
}[keyof Settings];

export function CheckboxSetting(props: {
  name: BooleanSettingName;
  title: string;
  label: string;
  hint: ReactNode;
  testId: string;
  /** Shown but not changeable (the platform cannot do it). */
  unavailable?: boolean;
}) {
  const id = useId();
  const setting = useInstantSetting((settings) => settings[props.name]);
  const value = setting.value;

  function change(next: boolean): void {
    setting.setValue(next);
    setting.save({ [props.name]: next }, () => setting.setValue(!next));
  }

  return (
    <section className="settings-section">
      <h3>{props.title}</h3>
      <div className="checkbox-row">
        <input
          id={id}
          type="checkbox"
          data-testid={props.testId}
          disabled={value === null || props.unavailable === true}
          checked={value ?? false}
          aria-describedby={`${id}-hint ${id}-status`}
          onChange={(event) => change(event.target.checked)}
        />
        <label htmlFor={id}>{props.label}</label>
      </div>
      <p id={`${id}-hint`} className="hint">
        {props.hint}
      </p>
      <FieldSaveStatus
        id={`${id}-status`}
        state={setting.status}
        invalidText=""
        error={setting.error}
      />
    </section>
  );
}
