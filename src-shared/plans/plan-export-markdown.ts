// A plan as Markdown (CommonMark with GitHub's tables, task lists and strikethrough).
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
  type PlanJsonNode,
  type TextMark,
} from './plan-export-model';

interface MdContext {
  /** Inside a table cell: one line, and | must be escaped. */
  cell: boolean;
}

/**
 * What may end a line: CommonMark ends one at \n, \r\n and a lone \r, some renderers at U+2028/2029
 * too. In a line of text these and every other control character (\p{Cc}: \t, U+0085…) become
 * spaces, so a member's text cannot start a heading, task or HTML block of its own, nor end a code
 * span with a blank line.
 */
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]/gu;

const oneLine = (text: string): string => text.replace(LINE_BREAKING, ' ');

/**
 * Markdown's and HTML's own characters, escaped; "&" too, or "&lt;" would show as "<". The text is
 * already on one line (oneLine).
 */
function mdEscape(text: string, context: MdContext): string {
  const escaped = text.replace(/[\\`*_[\]<>~&]/g, '\\$&');
  return context.cell ? escaped.replace(/\|/g, '\\|') : escaped;
}

/** A title, task or label: on one line, escaped, outside any table. */
const mdLine = (text: string): string => mdEscape(oneLine(text), { cell: false });

/** Text that would start a heading, quote, list or rule at the start of a line stays text. */
const mdEscapeLineStart = (text: string): string =>
  text.replace(/^(\s*)([#>+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');

/** The longest run of backticks (a loop: spreading every run into Math.max overflows the stack). */
function longestBackticks(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/** A code span of text that is already on one line (oneLine). */
function mdCode(text: string, context: MdContext): string {
  const fence = '`'.repeat(longestBackticks(text) + 1);
  const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
  const inner = context.cell ? text.replace(/\|/g, '\\|') : text;
  return `${fence}${pad}${inner}${pad}${fence}`;
}

/**
 * Leading spaces, the rest, trailing spaces. By index: the regex /^(\s*)([\s\S]*?)(\s*)$/ takes
 * quadratic time on a long run of spaces. trim() removes exactly what \s matches.
 */
function splitSpaces(text: string): [lead: string, core: string, trail: string] {
  const end = text.trimEnd().length;
  const start = Math.min(text.length - text.trimStart().length, end);
  return [text.slice(0, start), text.slice(start, end), text.slice(end)];
}

const MD_OPEN: Record<string, string> = {
  link: '[',
  bold: '**',
  italic: '*',
  strike: '~~',
  underline: '<u>',
};

const mdOpen = (mark: TextMark): string => MD_OPEN[mark.type] ?? '';

/** Characters that would end a Markdown link destination early, percent-encoded. */
const mdHref = (href: string): string =>
  href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function mdClose(mark: TextMark): string {
  if (mark.type === 'link') return `](${mdHref(mark.href ?? '')})`;
  return mark.type === 'underline' ? '</u>' : mdOpen(mark);
}

const sameMark = (a: TextMark | undefined, b: TextMark | undefined): boolean =>
  a !== undefined && b !== undefined && a.type === b.type && a.href === b.href;

/**
 * A run of inline nodes. Marks stay open across neighbouring texts that share them, and spaces at
 * a mark's edge go outside it (CommonMark ignores "** bold**").
 */
function mdInline(nodes: PlanJsonNode[], context: MdContext): string {
  let out = '';
  let open: TextMark[] = [];
  let pendingSpace = '';
  let lineStart = true;
  const closeTo = (keep: number): void => {
    while (open.length > keep) out += mdClose(open.pop() as TextMark);
  };
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      out += pendingSpace + (context.cell ? '<br>' : '\\\n');
      pendingSpace = '';
      lineStart = !context.cell;
      continue;
    }
    // On one line once, before it is split: spaces around the text go out unescaped.
    const text = oneLine(plainText(node));
    if (text.trim() === '') {
      pendingSpace += text;
      continue;
    }
    const marks = marksOf(node).filter((mark) => mark.type !== 'code');
    let keep = 0;
    while (keep < open.length && sameMark(open[keep], marks[keep])) keep++;
    closeTo(keep);
    const [lead, core, trail] = splitSpaces(text);
    out += pendingSpace + lead;
    for (const mark of marks.slice(keep)) out += mdOpen(mark);
    open = marks;
    const isCode = (node.marks ?? []).some((mark) => mark.type === 'code');
    const escaped = isCode ? mdCode(core, context) : mdEscape(core, context);
    out += lineStart && !isCode ? mdEscapeLineStart(escaped) : escaped;
    pendingSpace = trail;
    lineStart = false;
  }
  closeTo(0);
  return out.trim();
}

function indentLines(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line === '' ? '' : rest + line))
    .join('\n');
}

const isList = (node: PlanJsonNode | undefined): boolean =>
  node?.type === 'bulletList' || node?.type === 'orderedList' || node?.type === 'taskList';

/** A list item's blocks: a nested list follows its line directly, so the list stays tight. */
function mdItemBody(item: PlanJsonNode): string {
  const blocks = children(item);
  return blocks
    .map((block, i) => (i === 0 ? '' : isList(block) ? '\n' : '\n\n') + mdBlock(block))
    .join('');
}

function mdList(node: PlanJsonNode): string {
  const start = intAttr(node, 'start', 0, 1_000_000_000, 1);
  return children(node)
    .map((item, i) => {
      const marker =
        node.type === 'orderedList'
          ? `${start + i}. `
          : node.type === 'taskList'
            ? `- [${isChecked(item) ? 'x' : ' '}] `
            : '- ';
      const width = node.type === 'taskList' ? 2 : marker.length;
      return indentLines(mdItemBody(item), marker, ' '.repeat(width)).trimEnd();
    })
    .join('\n');
}

function mdCodeBlock(node: PlanJsonNode): string {
  // Every line break as \n, which indentLines sees: inside a quote or a list, a line it did not
  // prefix would end the quote or list and start a block of its own. Other controls become spaces.
  const text = plainText(node)
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/(?![\n\t])\p{Cc}/gu, ' ');
  const fence = '`'.repeat(Math.max(3, longestBackticks(text) + 1));
  const language = node.attrs?.language;
  const info = typeof language === 'string' && /^[\w+#.-]{1,30}$/.test(language) ? language : '';
  return `${fence}${info}\n${text}${text ? '\n' : ''}${fence}`;
}

/** A cell's text on one line: its blocks' inline content joined by line breaks. */
function mdCell(cell: PlanJsonNode): string {
  const parts: string[] = [];
  const walk = (node: PlanJsonNode): void => {
    const content = children(node);
    if (content.some((child) => typeof child.text === 'string' || child.type === 'hardBreak')) {
      parts.push(mdInline(content, { cell: true }));
    } else {
      content.forEach(walk);
    }
  };
  walk(cell);
  return parts.filter(Boolean).join('<br>');
}

/** A GitHub pipe table; its first row is the header (GitHub requires one). */
function mdTable(node: PlanJsonNode): string {
  const rows = children(node).map((row) => children(row).map(mdCell));
  const columns = Math.max(1, ...rows.map((row) => row.length));
  const line = (cells: string[]): string =>
    `| ${Array.from({ length: columns }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [head = [], ...body] = rows;
  return [line(head), line(Array<string>(columns).fill('---')), ...body.map(line)].join('\n');
}

function mdBlock(node: PlanJsonNode): string {
  switch (node.type) {
    case 'paragraph':
      return mdInline(children(node), { cell: false });
    case 'heading':
      return `${'#'.repeat(headingLevel(node))} ${mdInline(children(node), { cell: false })}`;
    case 'bulletList':
    case 'orderedList':
    case 'taskList':
      return mdList(node);
    case 'blockquote':
      return indentLines(mdBlocks(children(node)), '> ', '> ')
        .split('\n')
        .map((line) => (line === '' ? '>' : line))
        .join('\n');
    case 'codeBlock':
      return mdCodeBlock(node);
    case 'horizontalRule':
      return '---';
    case 'table':
      return mdTable(node);
    default:
      // Something newer than this export: keep its text rather than drop it.
      return typeof node.text === 'string'
        ? mdInline([node], { cell: false })
        : mdBlocks(children(node));
  }
}

function mdBlocks(nodes: PlanJsonNode[]): string {
  return nodes
    .map(mdBlock)
    .filter((block) => block !== '')
    .join('\n\n');
}

export function planToMarkdown(
  plan: ExportPlan,
  labels: ExportLabels = ENGLISH_EXPORT_LABELS,
): string {
  const parts = [`# ${mdLine(plan.title)}`];
  const body = mdBlocks(children(plan.body));
  if (body) parts.push(body);
  if (plan.tasks.length > 0) {
    const lines = plan.tasks.map((task) => {
      const { title, details } = taskLine(task, labels);
      const extra = details.length ? ` — ${mdLine(details.join(' · '))}` : '';
      return `- [${task.status === 'done' ? 'x' : ' '}] ${mdLine(title)}${extra}`;
    });
    parts.push(`## ${mdLine(labels.tasks)}`, lines.join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
