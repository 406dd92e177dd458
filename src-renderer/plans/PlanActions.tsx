// What can be done with the whole plan, in one "More" menu (WAI-ARIA menu button: the arrow keys,
// Home and End move between its items, Escape closes it and gives focus back to the button): export
// it as Markdown or HTML, print it (Electron's print dialog offers "Save as PDF"; plans.css's print
// rules show only the plan), and duplicate it as a template for a new plan.
import type { Editor } from '@tiptap/core';
import { Copy, Ellipsis, FileCode, FileText, Printer, type LucideIcon } from 'lucide-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import {
  exportFileName,
  exportTasks,
  planToHtml,
  planToMarkdown,
  type ExportLabels,
  type ExportPlan,
} from '../../src-shared/plans/plan-export';
import { duplicatePlan, listTasks } from '../../src-shared/plans/plan-model';
import type { DocReplica } from '../shared-doc/doc-replica';
import { saveBlob } from '../lib/save-blob';
import { deviceName, standingOf } from './member-names';
import { menuKey, menuOpenIndex } from './roving-focus';
import type { PlanAuthor } from './use-plan-author';

interface MenuItem {
  testId: string;
  label: string;
  icon: LucideIcon;
  hint?: string;
  disabled?: boolean;
  /** Drawn with a line above it (a new group of the menu). */
  group?: boolean;
  run: () => void;
}

interface PlanActionsProps {
  replica: DocReplica;
  planId: string;
  /** The title as shown (never empty). */
  title: string;
  space: SpaceSummary;
  editor: Editor | null;
  /** null when this user cannot make plans (duplicate is then not offered). */
  author: PlanAuthor | null;
  onOpenPlan: (planId: string) => void;
  /** Tells the user what an action did, e.g. where an export went (the plan's status line). */
  onStatus: (message: string) => void;
}

export function PlanActions(props: PlanActionsProps) {
  const { replica, planId, title, space, editor, author, onOpenPlan, onStatus } = props;
  const { t, i18n } = useTranslation();

  function exported(): ExportPlan | null {
    if (!editor || editor.isDestroyed) return null;
    // Names only: no key and no safety number leaves the app in a file. Someone who was removed or
    // left is named with the reason, as on screen.
    const nameOf = (deviceKey: string): string | null => {
      const standing = standingOf(deviceKey, space);
      if (standing.kind === 'member') return standing.member.name;
      if (standing.kind === 'former' && standing.name?.trim())
        return deviceName(deviceKey, space, t);
      return null;
    };
    return {
      title,
      body: editor.getJSON(),
      tasks: exportTasks(listTasks(replica.doc, planId), nameOf),
    };
  }

  const labels: ExportLabels = {
    language: i18n.language,
    tasks: t('plans.export.tasks'),
    due: t('plans.export.due'),
    assignee: t('plans.export.assignee'),
    statuses: {
      todo: t('plans.export.statuses.todo'),
      'in-progress': t('plans.export.statuses.in-progress'),
      blocked: t('plans.export.statuses.blocked'),
      done: t('plans.export.statuses.done'),
    },
  };

  function save(kind: 'md' | 'html'): void {
    const content = exported();
    if (!content) return;
    const name = exportFileName(content.title, kind);
    if (kind === 'md')
      saveBlob(
        name,
        new Blob([planToMarkdown(content, labels)], { type: 'text/markdown;charset=utf-8' }),
      );
    else
      saveBlob(name, new Blob([planToHtml(content, labels)], { type: 'text/html;charset=utf-8' }));
    // The browser (or Electron's download handling) picks the folder, so this names no path.
    onStatus(t('plans.exported', { file: name }));
  }

  const items: MenuItem[] = [
    {
      testId: 'plan-export-md',
      label: t('plans.exportMarkdown'),
      icon: FileText,
      hint: t('plans.exportHint'),
      disabled: !editor,
      run: () => save('md'),
    },
    {
      testId: 'plan-export-html',
      label: t('plans.exportHtml'),
      icon: FileCode,
      hint: t('plans.exportHint'),
      disabled: !editor,
      run: () => save('html'),
    },
    { testId: 'plan-print', label: t('plans.print'), icon: Printer, run: () => window.print() },
  ];
  if (author) {
    items.push({
      testId: 'plan-duplicate',
      label: t('plans.duplicate'),
      icon: Copy,
      hint: t('plans.duplicateHint'),
      group: true,
      run: () => {
        const copy = duplicatePlan(replica.doc, planId, {
          title: t('plans.copyTitle', { title }),
          by: author.deviceKey,
          at: Date.now(),
        });
        if (copy === null) onStatus(t('plans.duplicateTooLarge'));
        else onOpenPlan(copy);
      },
    });
  }
  return <MoreMenu items={items} />;
}

function MoreMenu({ items }: { items: readonly MenuItem[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState<{ focus: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const entries = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (open) entries.current[open.focus]?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    // A click anywhere else closes the menu (focus stays where the click put it).
    const onPointer = (event: PointerEvent): void => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(null);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  function close(returnFocus: boolean): void {
    setOpen(null);
    if (returnFocus) button.current?.focus();
  }

  function onButtonKey(event: KeyboardEvent<HTMLButtonElement>): void {
    const index = menuOpenIndex(event.key, items.length);
    if (index === null) return;
    event.preventDefault();
    setOpen({ focus: index });
  }

  function onMenuKey(event: KeyboardEvent<HTMLDivElement>): void {
    const current = entries.current.findIndex((entry) => entry === document.activeElement);
    const action = menuKey(event.key, Math.max(current, 0), items.length);
    if (!action) return;
    if (action.kind === 'move') {
      event.preventDefault();
      setOpen({ focus: action.index });
    } else {
      if (action.returnFocus) event.preventDefault();
      close(action.returnFocus);
    }
  }

  const label = t('plans.more');
  return (
    <div className="plan-more">
      <button
        ref={button}
        type="button"
        className="icon-button plan-more-button"
        data-testid="plan-more"
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-label={label}
        title={label}
        onClick={() => (open ? close(false) : setOpen({ focus: 0 }))}
        onKeyDown={onButtonKey}
      >
        <Ellipsis aria-hidden="true" focusable="false" size={18} />
      </button>
      {open && (
        <div
          ref={menu}
          id={`${id}-menu`}
          className="plan-menu"
          role="menu"
          aria-label={label}
          data-testid="plan-menu"
          onKeyDown={onMenuKey}
        >
          {items.map((item, index) => {
            const Icon = item.icon;
            return (
              <button
                key={item.testId}
                ref={(entry) => {
                  entries.current[index] = entry;
                }}
                type="button"
                role="menuitem"
                className={item.group ? 'plan-menu-item group-start' : 'plan-menu-item'}
                data-testid={item.testId}
                tabIndex={index === open.focus ? 0 : -1}
                // Disabled items stay focusable, as menus should; they only do nothing.
                aria-disabled={item.disabled || undefined}
                title={item.hint}
                onClick={() => {
                  if (item.disabled) return;
                  close(true);
                  item.run();
                }}
              >
                <Icon aria-hidden="true" focusable="false" size={16} />
                <span>{item.label}</span>
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
