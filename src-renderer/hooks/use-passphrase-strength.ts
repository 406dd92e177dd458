// The shared passphrase verdict for the meter. The estimator and its dictionaries are a large chunk,
// so they load only on screens that need them; until then the verdict is null.
import { useEffect, useMemo, useState } from 'react';
import type { PassphraseStrength } from '../../src-shared/passphrase-strength';

type Assess = (passphrase: string) => PassphraseStrength;

export function usePassphraseStrength(passphrase: string): PassphraseStrength | null {
  const [assess, setAssess] = useState<Assess | null>(null);
  useEffect(() => {
    let active = true;
    void import('../../src-shared/passphrase-strength').then((module) => {
      // Wrapped: a bare function given to a state setter would be called as an updater.
      if (active) setAssess(() => module.assessPassphrase);
    });
    return () => {
      active = false;
    };
  }, []);
  return useMemo(() => (assess ? assess(passphrase) : null), [assess, passphrase]);
}
