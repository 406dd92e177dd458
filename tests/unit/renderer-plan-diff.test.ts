// Comparing a version with the current plan: blocks matched, words inserted and deleted marked, and
// each change shown in the element that says it without colour (<ins>, <del>).
import { describe, expect, it } from 'vitest';
import {
  countChanges,
  diffBlocks,
  diffWords,
  planBlocks,
  segmentElement,
  type PlanBlock,
} from '../../src-renderer/plans/version-diff';

const p = (text: string): PlanBlock => ({ kind: 'paragraph', level: 0, text });

describe('words', () => {
  it('marks text added at the end as an insertion (the usual edit)', () => {
    expect(diffWords('Goals: free the prisoners', 'Goals: free the prisoners by spring')).toEqual([
      { kind: 'same', text: 'Goals: free the prisoners' },
      { kind: 'ins', text: ' by spring' },
    ]);
  });

  it('marks removed text as a deletion', () => {
    expect(diffWords('one two three', 'one three')).toEqual([
      { kind: 'same', text: 'one ' },
      { kind: 'del', text: 'two ' },
      { kind: 'same', text: 'three' },
    ]);
  });

  it('shows a replaced word as deleted then inserted, keeping the words around it', () => {
    expect(diffWords('march on Monday at noon', 'march on Friday at noon')).toEqual([
      { kind: 'same', text: 'march on ' },
      { kind: 'del', text: 'Monday' },
      { kind: 'ins', text: 'Friday' },
      { kind: 'same', text: ' at noon' },
    ]);
  });

  it('gives back both texts exactly: the kept and deleted runs make the old, kept and inserted the new', () => {
    const before = 'We meet at the square, then walk to the court. Bring water 💧.';
    const after = 'We gather at the court, then walk to the square. Bring water and 💧!';
    const segments = diffWords(before, after);
    const join = (skip: string) =>
      segments
        .filter((s) => s.kind !== skip)
        .map((s) => s.text)
        .join('');
    expect(join('ins')).toBe(before);
    expect(join('del')).toBe(after);
  });

  it('finds nothing to mark in equal texts', () => {
    expect(diffWords('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });
});

describe('blocks', () => {
  it('reads the text blocks of a plan, with headings and list items, without empty paragraphs', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Goals' }] },
        { type: 'paragraph' },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                {
                  type: 'paragraph',
                  content: [
                    { type: 'text', text: 'Free ' },
                    { type: 'text', text: 'them', marks: [{ type: 'bold' }] },
                  ],
                },
              ],
            },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'Text' }] },
      ],
    };
    expect(planBlocks(doc)).toEqual([
      { kind: 'heading', level: 2, text: 'Goals' },
      { kind: 'item', level: 0, text: 'Free them' },
      { kind: 'paragraph', level: 0, text: 'Text' },
    ]);
  });

  it('keeps unchanged blocks, marks an edited one word by word, and whole added or removed ones', () => {
    const rows = diffBlocks(
      [p('Intro'), p('Old plan for Monday'), p('Gone paragraph'), p('Outro')],
      [p('Intro'), p('New plan for Monday'), p('Outro'), p('Added at the end')],
    );
    expect(rows.map((row) => row.kind)).toEqual(['same', 'changed', 'del', 'same', 'ins']);
    expect(rows[1]?.segments).toEqual([
      { kind: 'del', text: 'Old' },
      { kind: 'ins', text: 'New' },
      { kind: 'same', text: ' plan for Monday' },
    ]);
    expect(rows[2]?.segments).toEqual([{ kind: 'del', text: 'Gone paragraph' }]);
    expect(rows[4]?.segments).toEqual([{ kind: 'ins', text: 'Added at the end' }]);
    expect(countChanges(rows)).toEqual({ insertions: 2, deletions: 2 });
  });

  it('finds no change between equal plans', () => {
    const rows = diffBlocks([p('a'), p('b')], [p('a'), p('b')]);
    expect(rows.every((row) => row.kind === 'same')).toBe(true);
    expect(countChanges(rows)).toEqual({ insertions: 0, deletions: 0 });
  });

  it('stays fast and complete for a long plan rewritten from top to bottom', () => {
    const before = Array.from({ length: 600 }, (_, i) => p(`old ${i}`));
    const after = Array.from({ length: 600 }, (_, i) => p(`new ${i}`));
    const rows = diffBlocks(before, after);
    expect(rows).toHaveLength(600);
    expect(rows.every((row) => row.kind === 'changed')).toBe(true);
  });
});

describe('marks', () => {
  it('shows insertions in <ins>, deletions in <del> and the rest as plain text', () => {
    expect(segmentElement('ins')).toBe('ins');
    expect(segmentElement('del')).toBe('del');
    expect(segmentElement('same')).toBe('span');
  });
});
