// Prints the Markdown tables of docs/benchmarks.md from a result file.
// usage: node bench/tools/summary.mjs bench/results/bench-….json
import { readFileSync } from 'node:fs';

const r = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const f = (n, d = 1) => (n === null || n === undefined || Number.isNaN(n) ? '–' : Number(n).toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
const mb = (b) => (b ? f(b / 2 ** 20, 0) : '–');
const gb = (b) => f(b / 2 ** 30, 1);

console.log(`Machine: ${r.machine.cpuModel}, ${r.machine.cpuCount} CPUs, ${gb(r.machine.ramBytes)} GB RAM; ${r.machine.platform}`);
console.log(`Node ${r.versions.nodeDefault} (default) and ${r.versions.node22 ?? '–'}; PostgreSQL ${r.versions.postgres}; PostGraphile ${r.versions.postgraphile ?? '–'}`);
console.log(`Commit ${r.machine.gitCommit}${r.machine.gitDirty ? ' (with uncommitted changes)' : ''}; ${r.startedAt} → ${r.finishedAt}`);
console.log(`Load average at start ${r.machine.loadAverageAtStart.map((x) => f(x, 2)).join(' / ')}, at end ${r.machine.loadAverageAtEnd.map((x) => f(x, 2)).join(' / ')}`);
console.log(`Command: \`${r.command}\`; ${r.options.connections} connections, ${r.options.warmup} s warm-up + ${r.options.duration} s per measurement\n`);

console.log('| Data set | Scenario | Server | Node | req/s | p50 ms | p99 ms | server CPU ms/req | requests | non-2xx / errors | peak RSS MB |');
console.log('|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const x of r.runs) {
  if (x.failed) {
    console.log(`| ${f(x.dataset, 0)} | ${x.scenario} ${x.name} | ${x.server ?? '–'} | | FAILED: ${x.error.split('\n')[0].slice(0, 120)} | | | | | | |`);
    continue;
  }
  if (x.recordsPerSecond !== undefined) {
    console.log(`| ${f(x.dataset, 0)} | ${x.scenario} ${x.name} | ${x.server} | ${x.node} | ${f(x.recordsPerSecond, 0)} records/s | | | | ${f(x.records, 0)} records | 0 | ${mb(x.peakRssSampledBytes)} |`);
    continue;
  }
  console.log(
    `| ${f(x.dataset, 0)} | ${x.scenario} ${x.name} | ${x.server} | ${x.node} | ${f(x.throughputRps)} | ${f(x.latencyMs.p50, 0)} | ${f(x.latencyMs.p99, 0)} | ${f(x.serverCpuMsPerRequest, 2)} | ${f(x.requests, 0)} | ${x.non2xx + x.errors + x.graphqlErrors} | ${mb(x.peakRssSampledBytes)} |`,
  );
}
console.log('\n| Scenario | ours p99 / floor p99 | ours req/s / floor | ours@22 req/s / PostGraphile | ours@22 p99 / PostGraphile p99 | ours Node 22 / default req/s | growth p50 | growth p99 |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [id, x] of Object.entries(r.ratios)) {
  console.log(
    `| ${id} | ${f(x.oursP99OverFloorP99, 2)} | ${f(x.oursThroughputOverFloor, 2)} | ${f(x.oursNode22ThroughputOverPostgraphile, 2)} | ${f(x.oursNode22P99OverPostgraphileP99, 2)} | ${f(x.oursNode22ThroughputOverNodeDefault, 2)} | ${x.costGrowth ? f(x.costGrowth.oursP50, 2) : '–'} | ${x.costGrowth ? f(x.costGrowth.oursP99, 2) : '–'} |`,
  );
}
if (r.skipped.length) console.log('\nSkipped: ' + r.skipped.map((s) => `${s.scenario} (${s.reason})`).join('; '));
console.log('\nSame data as the floor: ' + JSON.stringify(r.sameDataAsFloor));
