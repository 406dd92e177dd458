// The shared editor turns each textarea change into one Y.Text edit; a wrong diff would corrupt the
// text for everyone in the document.
import { describe, expect, it } from 'vitest';
import { diffText } from '../../src-renderer/shared-doc/text-diff';

function apply(old: string, change: ReturnType<typeof diffText>): string {
  return old.slice(0, change.index) + change.insert + old.slice(change.index + change.deleteCount);
}

describe('text diff', () => {
  it('finds the typed, deleted and replaced text', () => {
    expect(diffText('Hello world', 'Hello, world')).toEqual({
      index: 5,
      deleteCount: 0,
      insert: ',',
    });
    expect(diffText('Hello world', 'Hello')).toEqual({ index: 5, deleteCount: 6, insert: '' });
    expect(diffText('Менск', 'Мінск')).toEqual({ index: 1, deleteCount: 1, insert: 'і' });
  });

  it('uses the caret to place an edit inside repeated text where the user made it', () => {
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, deleteCount: 0, insert: 'a' });
  });

  it('never splits an emoji and always reproduces the new text', () => {
    const change = diffText('a👍b', 'a👎b');
    expect(apply('a👍b', change)).toBe('a👎b');
    expect(change.insert).toBe('👎');
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const alphabet = ['a', 'b', ' ', '\n', 'ў', '😀'];
    const text = (): string =>
      Array.from({ length: random(12) }, () => alphabet[random(alphabet.length)]).join('');
    for (let i = 0; i < 2000; i++) {
      const before = text();
      const after = text();
      expect(apply(before, diffText(before, after))).toBe(after);
    }
  });
});
