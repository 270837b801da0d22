/**
 * `pnpm bench`: runs every benchmark of the package and prints measured time against its goal.
 * Add a benchmark by exporting a `Benchmark` from `bench/<name>.bench.ts` and listing it below.
 * `pnpm bench <name>` runs only the benchmarks whose name contains <name>.
 */
import { cpus, loadavg } from "node:os";
import { creditBenchmark } from "./credit.bench.ts";
import { evaluationBenchmark } from "./evaluation.bench.ts";
import { type Benchmark, type BenchResult, formatTable } from "./harness.ts";
import { procurementBenchmark } from "./procurement.bench.ts";

const benchmarks: readonly Benchmark[] = [evaluationBenchmark, procurementBenchmark, creditBenchmark];

const filter = process.argv[2];
const results: BenchResult[] = [];
for (const b of benchmarks) {
  if (filter !== undefined && !b.name.includes(filter)) continue;
  results.push(...(await b.run()));
}
const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(" / ");
console.log(
  `machine: ${cpus().length} CPUs, load average ${load} (1/5/15 min); measured = median wall time\n`,
);
console.log(formatTable(results));
