// Vitest's global set-up: the run's temporary directories in one place, removed afterwards.
import { useRunTmpdir } from './run-tmpdir';

export default function setup(): () => void {
  return useRunTmpdir('vitest-run');
}
