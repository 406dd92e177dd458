// A plan as a file to take elsewhere: Markdown, or a standalone HTML page (which the user can also
// print to PDF). Pure functions of the editor's ProseMirror JSON, the title and the tasks. What goes
// out is only what a reader of the plan sees: no ids, no device keys, no safety numbers; every text
// is escaped and only http, https and mailto links survive, since the body was written by others.
export {
  ENGLISH_EXPORT_LABELS,
  exportFileName,
  exportTasks,
  safeHref,
  type ExportLabels,
  type ExportPlan,
  type ExportTask,
  type PlanJsonMark,
  type PlanJsonNode,
} from './plan-export-model';
export { planToMarkdown } from './plan-export-markdown';
export { escapeHtml, planToHtml } from './plan-export-html';
