// Prints a run's JSON as the Markdown tables of docs/performance.md ("Latest figures"), to paste
// there after a documented run (then `npx prettier --write docs/performance.md` aligns them).
//   npx tsx bench/tools/markdown-tables.ts bench/results/latest.json
import { readFileSync } from 'node:fs';
import { runTables } from '../lib/markdown';
import type { Row } from '../lib/report';

const [file] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: npx tsx bench/tools/markdown-tables.ts RUN.json\n');
  process.exit(2);
}
const run = JSON.parse(readFileSync(file, 'utf8')) as { rows: Row[] };
process.stdout.write(runTables(run.rows));
