// Summarises a V8 CPU profile (.cpuprofile, as `node --cpu-prof` writes) by self time: the top
// functions, and the share of each package or project directory, for docs/performance.md.
//   npx tsx bench/tools/profile-summary.ts FILE.cpuprofile [TOP]
import { readFileSync } from 'node:fs';
import { summariseProfile, type CpuProfile } from '../lib/cpu-profile';

const [file, top = '25'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: npx tsx bench/tools/profile-summary.ts FILE.cpuprofile [TOP]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const summary = summariseProfile(profile);
const pct = (ms: number): string => `${((ms / summary.totalMs) * 100).toFixed(1)} %`;
process.stdout.write(`total ${summary.totalMs.toFixed(0)} ms sampled\n\nby place:\n`);
for (const [place, ms] of summary.byPlace.slice(0, 20))
  process.stdout.write(`${pct(ms).padStart(7)}  ${place}\n`);
process.stdout.write('\nby function (self time):\n');
for (const [fn, ms] of summary.byFunction.slice(0, Number(top)))
  process.stdout.write(`${pct(ms).padStart(7)}  ${fn}\n`);
