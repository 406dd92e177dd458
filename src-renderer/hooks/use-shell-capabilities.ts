// What the shell running Suviaz can do (hide windows, own the clipboard, screen-capture protection),
// asked once per page: it cannot change while the page lives. null until main answers.
import { useEffect, useState } from 'react';
import type { ShellCapabilities } from '../../src-shared/api';
import { call } from '../bridge/call';

let asked: Promise<ShellCapabilities | null> | undefined;

function ask(): Promise<ShellCapabilities | null> {
  asked ??= call('app.capabilities', {}).then((outcome) => {
    if (outcome.ok) return outcome.value;
    asked = undefined; // a lost connection: ask again next time
    return null;
  });
  return asked;
}

export function useShellCapabilities(): ShellCapabilities | null {
  const [capabilities, setCapabilities] = useState<ShellCapabilities | null>(null);
  useEffect(() => {
    let active = true;
    void ask().then((value) => {
      if (active) setCapabilities(value);
    });
    return () => {
      active = false;
    };
  }, []);
  return capabilities;
}
