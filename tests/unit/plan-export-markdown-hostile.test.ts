// The Markdown export of a plan a hostile member wrote: nothing in a title, a task, an assignee's
// name or the body can start a line of its own (a fake "Tasks" heading, a checked task), become raw
// HTML, or make the export slow or throw.
import { describe, expect, it } from 'vitest';
import {
  exportTasks,
  planToMarkdown,
  type ExportPlan,
  type PlanJsonNode,
} from '../../src-shared/plans/plan-export';
import { p, text } from '../support/plan-nodes';

const code = { type: 'code' };
const doc = (...content: PlanJsonNode[]): PlanJsonNode => ({ type: 'doc', content });

/** Every way a Markdown reader may end a line: CommonMark's \n, \r\n and lone \r, and U+2028/2029. */
const lines = (markdown: string): string[] => markdown.split(/\r\n|[\n\r\u2028\u2029\u0085]/);

const FAKE_TASKS = '## Tasks';
const FAKE_TASK = '- [x] Pay Bob';
const IMG = '<img src=x onerror=alert(1)>';

/** A line with its single-backtick code spans taken out: what is left is Markdown, not code. */
const outsideCode = (line: string): string => line.replace(/`[^`]*`/g, '');

/** A "<" that is neither escaped nor one of the export's own tags starts raw HTML. */
const rawHtml = (markdown: string): string[] =>
  lines(markdown)
    .map(outsideCode)
    .flatMap((line) => line.match(/(?<!\\)<(?!\/?u>|br>)[^\s]*/g) ?? []);

function plan(overrides: Partial<ExportPlan>): ExportPlan {
  return {
    title: 'Plan',
    body: doc(),
    tasks: exportTasks(
      [{ title: 'Real task', status: 'todo', due: null, assignee: null }],
      () => null,
    ),
    ...overrides,
  };
}

describe('planToMarkdown with hostile text', () => {
  it('keeps a title with lone carriage returns on the title line', () => {
    const markdown = planToMarkdown(
      plan({ title: `T\r\r${FAKE_TASKS}\r${FAKE_TASK} — Assigned to: Ana` }),
    );
    expect(lines(markdown).filter((line) => line.startsWith(FAKE_TASKS))).toEqual(['## Tasks']);
    expect(lines(markdown).some((line) => line.startsWith(FAKE_TASK))).toBe(false);
    expect(lines(markdown)[0]).toBe('# T  ## Tasks - \\[x\\] Pay Bob — Assigned to: Ana');
  });

  it('keeps tasks and an assignee’s name on their own line', () => {
    const names: Record<string, string> = {
      ['a'.repeat(64)]: `Ana\u2028${FAKE_TASKS}\u2029# Owned`,
    };
    const markdown = planToMarkdown(
      plan({
        tasks: exportTasks(
          [
            {
              title: `One\r\r${FAKE_TASKS}\n${FAKE_TASK}`,
              status: 'todo',
              due: null,
              assignee: null,
            },
            { title: `Two\u0085# Owned`, status: 'done', due: null, assignee: 'a'.repeat(64) },
          ],
          (key) => names[key] ?? null,
        ),
      }),
    );
    expect(lines(markdown).filter((line) => line.startsWith('#'))).toEqual(['# Plan', '## Tasks']);
    expect(lines(markdown).filter((line) => line.startsWith('- ['))).toHaveLength(2);
    expect(lines(markdown).some((line) => line.startsWith(FAKE_TASK))).toBe(false);
  });

  it('keeps body text with any line break inside its paragraph', () => {
    const markdown = planToMarkdown(
      plan({
        body: doc(
          p(text('a\r\r## Body\r- [ ] fake')),
          p(text('b'), text('\r\r## Lead'), text('\u2028\u2029'), text('# Trail\r\r')),
          p(text('c\u2028# Sep\u2029> quote\u000b\u000c+ item')),
        ),
      }),
    );
    const heads = lines(markdown).filter((line) => /^\s*(#|>|[-+*] |\d+[.)])/.test(line));
    expect(heads).toEqual(['# Plan', '## Tasks', '- [ ] Real task']);
  });

  it('keeps code text on one line, so a blank line cannot end the code span', () => {
    const markdown = planToMarkdown(
      plan({
        body: doc(
          p(text(`x\n\n${IMG}`, code)),
          p(text(`y\r\r${IMG}`, code)),
          p(text(`z\u2028\u2029${IMG}`, code)),
        ),
      }),
    );
    expect(markdown).toContain(`\`x  ${IMG}\``);
    expect(markdown).toContain(`\`y  ${IMG}\``);
    expect(markdown).toContain(`\`z  ${IMG}\``);
    expect(rawHtml(markdown)).toEqual([]);
  });

  it('keeps code text in a table cell on the row’s line', () => {
    const cell = (content: PlanJsonNode): PlanJsonNode => ({
      type: 'tableCell',
      content: [p(content)],
    });
    const row = (...cells: PlanJsonNode[]): PlanJsonNode => ({ type: 'tableRow', content: cells });
    const markdown = planToMarkdown(
      plan({
        body: doc({
          type: 'table',
          content: [row(cell(text('h'))), row(cell(text(`q\n\n${IMG}`, code)))],
        }),
      }),
    );
    expect(markdown).toContain(`| \`q  ${IMG}\` |`);
    expect(rawHtml(markdown)).toEqual([]);
  });

  it('escapes HTML and entities in text', () => {
    const markdown = planToMarkdown(
      plan({ title: `${IMG} &lt;b&gt;`, body: doc(p(text(`${IMG} &amp; &#60;img&#62;`))) }),
    );
    expect(rawHtml(markdown)).toEqual([]);
    expect(markdown).toContain('\\<img src=x onerror=alert(1)\\> \\&amp; \\&#60;img\\&#62;');
    // An unescaped "&" would let a renderer decode "&lt;" and show something else than was written.
    expect(markdown).not.toMatch(/(?<!\\)&/);
  });

  it('keeps a code block inside a quote or a list when its text has carriage returns', () => {
    const block: PlanJsonNode = {
      type: 'codeBlock',
      content: [text(`a\r${FAKE_TASKS}\r\n${FAKE_TASK}\u2028# H`)],
    };
    const markdown = planToMarkdown(
      plan({
        body: doc(
          { type: 'blockquote', content: [block] },
          { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('i')), block] }] },
        ),
      }),
    );
    const all = lines(markdown);
    expect(all.filter((line) => line.startsWith(FAKE_TASKS))).toEqual(['## Tasks']);
    expect(all.some((line) => line.startsWith(FAKE_TASK) || line.startsWith('# H'))).toBe(false);
    expect(markdown).toContain(`> \`\`\`\n> a\n> ${FAKE_TASKS}\n> ${FAKE_TASK}\n> # H\n> \`\`\``);
  });

  // A million spaces: linear work takes milliseconds, the quadratic split it replaced ~10 minutes,
  // so the generous timeout fails only the latter, whatever the machine's load.
  it('exports long runs of spaces in linear time', { timeout: 30_000 }, () => {
    const spaces = ' '.repeat(1_000_000);
    const markdown = planToMarkdown(
      plan({ body: doc(p(text(`a${spaces}b`)), p(text('c'), text(`${spaces}d${spaces}`))) }),
    );
    expect(markdown).toContain(`a${spaces}b`);
    expect(markdown).toContain(`c${spaces}d`);
  });

  it('exports code with many runs of backticks without throwing', () => {
    const markdown = planToMarkdown(
      plan({
        body: doc(p(text('`e'.repeat(200_000), code)), {
          type: 'codeBlock',
          content: [text('`f'.repeat(200_000))],
        }),
      }),
    );
    expect(markdown).toContain('`` `e`e');
    expect(markdown).toContain('```\n`f`f');
  });
});
