// A plan exported as Markdown and as a standalone HTML page: the whole of a known plan, and that
// nothing a peer wrote can turn into script, a dangerous link or a leaked device key.
import { describe, expect, it } from 'vitest';
import {
  exportFileName,
  exportTasks,
  planToHtml,
  planToMarkdown,
  safeHref,
  type ExportPlan,
  type PlanJsonNode,
} from '../../src-shared/plans/plan-export';
import { p, text } from '../support/plan-nodes';

const item = (...content: PlanJsonNode[]): PlanJsonNode => ({ type: 'listItem', content });
const bold = { type: 'bold' };
const italic = { type: 'italic' };
const link = (href: string) => ({ type: 'link', attrs: { href } });

const ANNA = 'a'.repeat(64);

const plan: ExportPlan = {
  title: 'Spring <campaign>',
  body: {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [text('Goals')] },
      p(
        text('We '),
        text('must', bold),
        text(' act '),
        text('now, ', italic),
        text('together', italic, bold),
        text(' and '),
        text('old', { type: 'strike' }),
        text(' '),
        text('a|b`c', { type: 'code' }),
        text('.'),
      ),
      p(
        text('See '),
        text('the site', link('https://example.org/a b(c)')),
        text(' or '),
        text('this', link('javascript:alert(1)')),
        text('.'),
        { type: 'hardBreak' },
        text('# not a heading * star'),
      ),
      {
        type: 'bulletList',
        content: [
          item(p(text('one')), { type: 'bulletList', content: [item(p(text('nested')))] }),
          item(p(text('two'))),
        ],
      },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [item(p(text('three'))), item(p(text('four')), p(text('more')))],
      },
      {
        type: 'taskList',
        content: [
          { type: 'taskItem', attrs: { checked: true }, content: [p(text('done thing'))] },
          { type: 'taskItem', attrs: { checked: false }, content: [p(text('open thing'))] },
        ],
      },
      { type: 'blockquote', content: [p(text('quoted')), p(text('twice'))] },
      { type: 'codeBlock', attrs: { language: 'js' }, content: [text('let a = `x`;\n```\nb')] },
      { type: 'horizontalRule' },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableHeader', content: [p(text('Who'))] },
              { type: 'tableHeader', content: [p(text('What'))] },
            ],
          },
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [p(text('Anna | B'))] },
              { type: 'tableCell', content: [p(text('x')), p(text('y'))] },
            ],
          },
        ],
      },
      p(),
    ],
  },
  tasks: exportTasks(
    [
      { title: 'Book hall', status: 'done', due: null, assignee: null },
      { title: 'Print *flyers*', status: 'blocked', due: '2025-04-01', assignee: ANNA },
      { title: 'Call the press', status: 'todo', due: null, assignee: 'b'.repeat(64) },
    ],
    (deviceKey) => (deviceKey === ANNA ? 'Anna' : null),
  ),
};

const MARKDOWN = `# Spring \\<campaign\\>

## Goals

We **must** act *now,* ***together*** and ~~old~~ \`\`a|b\`c\`\`.

See [the site](https://example.org/a%20b%28c%29) or this.\\
\\# not a heading \\* star

- one
  - nested
- two

3. three
4. four

   more

- [x] done thing
- [ ] open thing

> quoted
>
> twice

\`\`\`\`js
let a = \`x\`;
\`\`\`
b
\`\`\`\`

---

| Who | What |
| --- | --- |
| Anna \\| B | x<br>y |

## Tasks

- [x] Book hall
- [ ] Print \\*flyers\\* — Blocked · Due: 2025-04-01 · Assigned to: Anna
- [ ] Call the press
`;

describe('planToMarkdown', () => {
  it('writes a known plan exactly', () => {
    expect(planToMarkdown(plan)).toBe(MARKDOWN);
  });

  it('nests ordered lists in task lists and keeps marks across neighbouring texts', () => {
    const markdown = planToMarkdown({
      title: 'T',
      tasks: [],
      body: {
        type: 'doc',
        content: [
          p(text('a ', bold), text('b', bold, italic), text(' c', bold)),
          {
            type: 'taskList',
            content: [
              {
                type: 'taskItem',
                attrs: { checked: false },
                content: [
                  p(text('parent')),
                  { type: 'orderedList', content: [item(p(text('child')))] },
                ],
              },
            ],
          },
        ],
      },
    });
    expect(markdown).toBe('# T\n\n**a *b* c**\n\n- [ ] parent\n  1. child\n');
  });
});

describe('planToHtml', () => {
  const evil: ExportPlan = {
    title: '<script>alert("title")</script>',
    body: {
      type: 'doc',
      content: [
        p(text('<script>alert(1)</script>'), text('<img src=x onerror=alert(2)>', bold)),
        p(text('click', link('javascript:alert(3)')), text('data', link('data:text/html,hi'))),
        p(
          text('mail', link('mailto:team@example.org')),
          text('"quoted"', link('https://x.org/"q"')),
        ),
        { type: 'heading', attrs: { level: '1><script>' }, content: [text('h')] },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [{ type: 'tableCell', attrs: { colspan: '2" onclick="x' }, content: [] }],
            },
          ],
        },
      ],
    },
    tasks: exportTasks(
      [{ title: '<b>task</b>', status: 'todo', due: null, assignee: ANNA }],
      () => null,
    ),
  };
  const html = planToHtml(evil, {
    language: 'ru"><script>',
    tasks: 'Задачи',
    statuses: { todo: 'a', 'in-progress': 'b', blocked: 'c', done: 'd' },
    due: 'Срок',
    assignee: 'Исполнитель',
  });

  it('is a standalone page that forbids loading and running anything', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html).toContain('<html>');
  });

  it('keeps every text inert', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    // Any "<" left is a real tag, and no tag carries an event handler.
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;</title>');
    expect(html).toContain('&lt;b&gt;task&lt;/b&gt;');
    expect(html).toContain('<h2>h</h2>');
    expect(html).toContain('<td></td>');
  });

  it('keeps only http, https and mailto links', () => {
    expect(html).not.toMatch(/javascript:|data:/);
    expect(html).toContain('<a href="mailto:team@example.org" rel="noopener noreferrer">mail</a>');
    expect(html).toContain('href="https://x.org/%22q%22"');
    expect(html).toContain('click');
  });

  it('has no ids, device keys or fingerprints', () => {
    const full = planToHtml(plan);
    for (const page of [html, full, planToMarkdown(plan)]) {
      expect(page).not.toMatch(/[0-9a-f]{64}/i);
      expect(page).not.toMatch(/\sid=/);
    }
    expect(full).toContain('Assigned to: Anna');
  });
});

describe('safeHref', () => {
  it('accepts only absolute http, https and mailto addresses', () => {
    expect(safeHref(' https://example.org ')).toBe('https://example.org/');
    expect(safeHref('mailto:a@b.org')).toBe('mailto:a@b.org');
    expect(safeHref('JavaScript:alert(1)')).toBeNull();
    expect(safeHref('file:///etc/passwd')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref(42)).toBeNull();
  });
});

describe('exportFileName', () => {
  it('makes a safe, non-empty file name from the title', () => {
    expect(exportFileName('Plan: spring/summer <2025>?', 'md')).toBe('Plan spring summer 2025.md');
    expect(exportFileName('  ..\n\t ', 'html')).toBe('plan.html');
    expect(exportFileName('x'.repeat(200), 'md')).toBe(`${'x'.repeat(80)}.md`);
  });
});
