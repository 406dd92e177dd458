// `npm run bench`: runs the chosen scenarios, each comparing Suviaz with its baseline in the same
// run, prints one table and writes the rows and the machine to JSON (bench/results/latest.json).
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseBenchArgs, USAGE, type BenchOptions, type ScenarioName, type Size } from './lib/args';
import { machineInfo } from './lib/machine';
import { removeTempDirs } from './lib/suviaz-client';
import { peerVersions } from './peers/versions';
import { renderSvg, ratioChartSpec } from './lib/chart';
import { printTable, ratio, ratios, writeJson, type Row } from './lib/report';
import { runBriefings } from './scenarios/briefings';
import { runCalendarIcs } from './scenarios/calendar-ics';
import { runCalendarViews } from './scenarios/calendar-views';
import { runCatchUp } from './scenarios/catch-up';
import { runColdOpen } from './scenarios/cold-open';
import { runPanicWipe } from './scenarios/panic-wipe';
import { runConcurrent } from './scenarios/concurrent';
import { runHumanRate } from './scenarios/human-rate';
import { runVault } from './scenarios/vault';
import { runRelayLoad } from './scenarios/relay-load';
import { runRelayCluster } from './scenarios/relay-cluster';
import { runReplay } from './scenarios/replay';
import { runSoak } from './scenarios/soak';
import { runVerify } from './scenarios/verify';

const RUNNERS: Record<ScenarioName, (size: Size, options: BenchOptions) => Promise<Row[]>> = {
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
  'human-rate': runHumanRate,
  briefings: runBriefings,
  soak: runSoak,
  'relay-cluster': runRelayCluster,
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
  const versions = peerVersions();
  const started = new Date();
  const rows: Row[] = [];
  const durations: Record<string, number> = {};
  const loads: Record<string, number> = {};
  const failures: Record<string, string> = {};
  const save = (): void =>
    writeJson(options.out, {
      startedAt: started.toISOString(),
      size: options.size,
      machine,
      versions,
      scenarioSeconds: durations,
      loadAverageAtEnd: loads,
      failures,
      rows: rows.map((r) => ({ ...r, ratio: ratio(r), ratios: ratios(r) })),
    });
  for (const name of options.scenarios) {
    const run = RUNNERS[name];
    const t0 = performance.now();
    try {
      rows.push(...(await run(options.size, options)));
    } catch (error) {
      // One failing scenario should not lose the others' figures: it is reported and the run goes on.
      failures[name] = error instanceof Error ? error.message : String(error);
      process.stderr.write(`scenario ${name} failed: ${failures[name]}\n`);
    } finally {
      removeTempDirs();
    }
    durations[name] = Math.round((performance.now() - t0) / 1000);
    // The machine may be shared: its 1-minute load average as each scenario ends goes with the figures.
    loads[name] = Math.round((loadavg()[0] ?? 0) * 100) / 100;
    save(); // after each scenario, so that a long run keeps what it has
  }
  printTable(rows);
  save();
  const chart = options.out.replace(/\.json$/, '') + '.svg';
  const title = `Suviaz vs peers, ${started.toISOString().slice(0, 10)}, size ${options.size}, ${machine.nproc} cores`;
  // The soak draws its own chart over time; its windows would crowd this one.
  const compared = rows.filter((r) => r.scenario !== 'soak');
  if (compared.length > 0) {
    writeFileSync(chart, await renderSvg(ratioChartSpec(compared, title)));
    process.stderr.write(`wrote ${chart}\n`);
  }
  process.stderr.write(`wrote ${options.out}\n`);
  process.exit(Object.keys(failures).length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
