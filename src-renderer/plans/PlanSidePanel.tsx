// The one panel beside a plan's text: its tasks, comments and versions as WAI-ARIA tabs (the arrow
// keys, Home and End move between them and show the tab they reach). It can be collapsed to a narrow
// strip, giving the text the whole width; the tab and the collapsed state are kept for the session.
// Every tab's content stays mounted while hidden, so a half-written comment or the highlights of
// open comment threads in the text survive switching tabs.
import { PanelRightClose, PanelRightOpen, type LucideIcon } from 'lucide-react';
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanPanelTab } from '../tasks/tasks-session';
import { rovingIndex } from './roving-focus';

export interface SideTab {
  id: PlanPanelTab;
  label: string;
  icon: LucideIcon;
  content: ReactNode;
}

interface PlanSidePanelProps {
  tabs: readonly SideTab[];
  selected: PlanPanelTab;
  collapsed: boolean;
  onSelect: (tab: PlanPanelTab) => void;
  onCollapse: (collapsed: boolean) => void;
}

export function PlanSidePanel({
  tabs,
  selected,
  collapsed,
  onSelect,
  onCollapse,
}: PlanSidePanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const toggleLabel = collapsed ? t('plans.side.expand') : t('plans.side.collapse');
  const ToggleIcon = collapsed ? PanelRightOpen : PanelRightClose;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const current = tabs.findIndex((tab) => tab.id === selected);
    const next = rovingIndex(
      event.key,
      current,
      tabs.map(() => true),
    );
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.id);
    tabRefs.current[next]?.focus();
  }

  return (
    <aside
      className={collapsed ? 'plan-side collapsed' : 'plan-side'}
      aria-label={t('plans.panels')}
      data-testid="plan-side"
    >
      <div className="plan-side-head">
        {!collapsed && (
          <div
            className="plan-tabs"
            role="tablist"
            aria-label={t('plans.panels')}
            onKeyDown={onKeyDown}
          >
            {tabs.map((tab, index) => {
              const Icon = tab.icon;
              const active = tab.id === selected;
              return (
                <button
                  key={tab.id}
                  ref={(button) => {
                    tabRefs.current[index] = button;
                  }}
                  type="button"
                  role="tab"
                  id={`${id}-tab-${tab.id}`}
                  className="plan-tab"
                  data-testid={`plan-tab-${tab.id}`}
                  aria-selected={active}
                  aria-controls={`${id}-panel-${tab.id}`}
                  tabIndex={active ? 0 : -1}
                  onClick={() => onSelect(tab.id)}
                >
                  <Icon aria-hidden="true" focusable="false" size={16} />
                  <span>{tab.label}</span>
                </button>
              );
            })}
          </div>
        )}
        <button
          type="button"
          className="icon-button plan-side-toggle"
          data-testid="plan-panel-toggle"
          aria-expanded={!collapsed}
          aria-controls={`${id}-body`}
          aria-label={toggleLabel}
          title={toggleLabel}
          onClick={() => onCollapse(!collapsed)}
        >
          <ToggleIcon aria-hidden="true" focusable="false" size={18} />
        </button>
      </div>
      {collapsed && (
        // The collapsed strip still offers each tab: one click opens the panel on it.
        <div className="plan-side-rail">
          {tabs.map((tab) => {
            const Icon = tab.icon;
            const label = t('plans.side.open', { tab: tab.label });
            return (
              <button
                key={tab.id}
                type="button"
                className="icon-button"
                data-testid={`plan-rail-${tab.id}`}
                aria-label={label}
                title={label}
                onClick={() => {
                  onSelect(tab.id);
                  onCollapse(false);
                }}
              >
                <Icon aria-hidden="true" focusable="false" size={18} />
              </button>
            );
          })}
        </div>
      )}
      <div id={`${id}-body`} className="plan-side-body" hidden={collapsed}>
        {tabs.map((tab) => (
          <div
            key={tab.id}
            role="tabpanel"
            id={`${id}-panel-${tab.id}`}
            className="plan-tabpanel"
            aria-labelledby={`${id}-tab-${tab.id}`}
            hidden={tab.id !== selected}
            tabIndex={-1}
          >
            {tab.content}
          </div>
        ))}
      </div>
    </aside>
  );
}
