// A plan as a standalone HTML page: inline minimal CSS, a Content-Security-Policy that allows
// nothing but that CSS, every text escaped, no ids.
import {
  ENGLISH_EXPORT_LABELS,
  children,
  headingLevel,
  intAttr,
  isChecked,
  marksOf,
  plainText,
  taskLine,
  type ExportLabels,
  type ExportPlan,
  type ExportTask,
  type PlanJsonNode,
} from './plan-export-model';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

const HTML_TAGS: Record<string, string> = {
  bold: 'strong',
  italic: 'em',
  strike: 's',
  underline: 'u',
  code: 'code',
};

function htmlText(node: PlanJsonNode): string {
  let html = escapeHtml(plainText(node));
  for (const mark of marksOf(node).reverse()) {
    if (mark.type === 'link') {
      html = `<a href="${escapeHtml(mark.href ?? '')}" rel="noopener noreferrer">${html}</a>`;
    } else {
      const tag = HTML_TAGS[mark.type];
      if (tag) html = `<${tag}>${html}</${tag}>`;
    }
  }
  return html;
}

const htmlInline = (nodes: PlanJsonNode[]): string =>
  nodes.map((node) => (node.type === 'hardBreak' ? '<br>' : htmlText(node))).join('');

const htmlBlocks = (nodes: PlanJsonNode[]): string => nodes.map(htmlBlock).join('\n');

function htmlCell(cell: PlanJsonNode): string {
  const tag = cell.type === 'tableHeader' ? 'th' : 'td';
  const colspan = intAttr(cell, 'colspan', 1, 1000, 1);
  const rowspan = intAttr(cell, 'rowspan', 1, 1000, 1);
  const spans =
    (colspan > 1 ? ` colspan="${colspan}"` : '') + (rowspan > 1 ? ` rowspan="${rowspan}"` : '');
  return `<${tag}${spans}>${htmlBlocks(children(cell))}</${tag}>`;
}

const checkbox = (checked: boolean): string =>
  `<input type="checkbox" disabled${checked ? ' checked' : ''}>`;

function htmlBlock(node: PlanJsonNode): string {
  const inner = (): string => htmlBlocks(children(node));
  switch (node.type) {
    case 'paragraph':
      return `<p>${htmlInline(children(node))}</p>`;
    case 'heading': {
      const level = headingLevel(node);
      return `<h${level}>${htmlInline(children(node))}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>\n${inner()}\n</ul>`;
    case 'orderedList': {
      const start = intAttr(node, 'start', 0, 1_000_000_000, 1);
      return `<ol${start === 1 ? '' : ` start="${start}"`}>\n${inner()}\n</ol>`;
    }
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'taskList':
      return `<ul class="task-list">\n${inner()}\n</ul>`;
    case 'taskItem':
      return `<li>${checkbox(isChecked(node))}<div>${inner()}</div></li>`;
    case 'blockquote':
      return `<blockquote>\n${inner()}\n</blockquote>`;
    case 'codeBlock':
      return `<pre><code>${escapeHtml(plainText(node))}</code></pre>`;
    case 'horizontalRule':
      return '<hr>';
    case 'table':
      return `<table>\n<tbody>\n${inner()}\n</tbody>\n</table>`;
    case 'tableRow':
      return `<tr>${children(node).map(htmlCell).join('')}</tr>`;
    default:
      return typeof node.text === 'string' ? htmlText(node) : inner();
  }
}

const PAGE_STYLE = `
body { font: 16px/1.55 system-ui, sans-serif; color: #1d2125; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 4px solid #d4d1ca; color: #5a6168; }
pre { background: #efede8; padding: 0.75rem; overflow-x: auto; }
code { font-family: ui-monospace, monospace; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #d4d1ca; padding: 0.3rem 0.6rem; vertical-align: top; text-align: left; }
th p, td p { margin: 0; }
ul.task-list { list-style: none; padding-left: 0.5rem; }
ul.task-list li { display: flex; gap: 0.5rem; align-items: baseline; }
ul.task-list li > div > p { margin: 0; }
.task-details { color: #5a6168; }
`;

function htmlTasks(tasks: ExportTask[], labels: ExportLabels): string {
  if (tasks.length === 0) return '';
  const items = tasks.map((task) => {
    const { title, details } = taskLine(task, labels);
    const extra = details.length
      ? ` <span class="task-details">— ${details.map(escapeHtml).join(' · ')}</span>`
      : '';
    return `<li>${checkbox(task.status === 'done')}<span>${escapeHtml(title)}${extra}</span></li>`;
  });
  return `<section>\n<h2>${escapeHtml(labels.tasks)}</h2>\n<ul class="task-list">\n${items.join('\n')}\n</ul>\n</section>\n`;
}

/** A page that opens anywhere without loading or running anything. */
export function planToHtml(plan: ExportPlan, labels: ExportLabels = ENGLISH_EXPORT_LABELS): string {
  const lang = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(labels.language)
    ? ` lang="${labels.language}"`
    : '';
  const title = escapeHtml(plan.title);
  return `<!doctype html>
<html${lang}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<article>
<h1>${title}</h1>
${htmlBlocks(children(plan.body))}
${htmlTasks(plan.tasks, labels)}</article>
</body>
</html>
`;
}
