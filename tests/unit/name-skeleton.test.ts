// Names a person could take for one another are the same name to the changed-key warning.
import { describe, expect, it } from 'vitest';
import { confusableNames, nameSkeleton } from '../../src-main/core/groups/name-skeleton';

describe('name skeletons (UTS #39)', () => {
  it('matches a name spelt with look-alike letters from another script', () => {
    expect(confusableNames('Alesia', 'Аlesia')).toBe(true); // Cyrillic А
    expect(confusableNames('Bob', 'Воb')).toBe(true); // Cyrillic В, о
    expect(confusableNames('Paul', 'Pau1')).toBe(true); // digit one for l
    expect(confusableNames(' alesia ', 'ALESIA')).toBe(true);
  });

  it('keeps different names apart, in any script', () => {
    expect(confusableNames('Alesia', 'Alena')).toBe(false);
    expect(confusableNames('Алеся', 'Алена')).toBe(false);
    expect(nameSkeleton('Алеся')).not.toBe(nameSkeleton('Алёна'));
  });
});
