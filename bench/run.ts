// `npm run bench`: runs the chosen scenarios, each comparing Suviaz with its baseline in the same
// run, prints one table and writes the rows and the machine to JSON (bench/results/latest.json).
import { parseBenchArgs, USAGE, type ScenarioName, type Size } from './lib/args';
import { machineInfo } from './lib/machine';
import { printTable, ratio, writeJson, type Row } from './lib/report';
import { runCalendarIcs } from './scenarios/calendar-ics';
import { runCalendarViews } from './scenarios/calendar-views';
import { runCatchUp } from './scenarios/catch-up';
import { runColdOpen } from './scenarios/cold-open';
import { runPanicWipe } from './scenarios/panic-wipe';
import { runConcurrent } from './scenarios/concurrent';
import { runVault } from './scenarios/vault';
import { runRelayLoad } from './scenarios/relay-load';
import { runReplay } from './scenarios/replay';
import { runVerify } from './scenarios/verify';

const RUNNERS: Record<ScenarioName, (size: Size) => Promise<Row[]>> = {
  replay: runReplay,
  concurrent: runConcurrent,
  'cold-open': runColdOpen,
  'relay-load': runRelayLoad,
  vault: runVault,
  'catch-up': runCatchUp,
  verify: runVerify,
  'calendar-views': runCalendarViews,
  'calendar-ics': runCalendarIcs,
  'panic-wipe': runPanicWipe,
};

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  if (!options) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const machine = machineInfo();
  process.stderr.write(
    `bench: ${options.scenarios.join(', ')} at size ${options.size} on ${machine.nproc} × ${machine.cpuModel}, Node ${machine.node}\n`,
  );
  const started = new Date();
  const rows: Row[] = [];
  const durations: Record<string, number> = {};
  const failures: Record<string, string> = {};
  const save = (): void =>
    writeJson(options.out, {
      startedAt: started.toISOString(),
      size: options.size,
      machine,
      scenarioSeconds: durations,
      failures,
      rows: rows.map((r) => ({ ...r, ratio: ratio(r) })),
    });
  for (const name of options.scenarios) {
    const run = RUNNERS[name];
    const t0 = performance.now();
    try {
      rows.push(...(await run(options.size)));
    } catch (error) {
      // One failing scenario should not lose the others' figures: it is reported and the run goes on.
      failures[name] = error instanceof Error ? error.message : String(error);
      process.stderr.write(`scenario ${name} failed: ${failures[name]}\n`);
    }
    durations[name] = Math.round((performance.now() - t0) / 1000);
    save(); // after each scenario, so that a long run keeps what it has
  }
  printTable(rows);
  save();
  process.stderr.write(`wrote ${options.out}\n`);
  process.exit(Object.keys(failures).length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
