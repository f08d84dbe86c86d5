/** `npm run bench`: every benchmark suite, printed as plain tables. */
import { runTraceBench } from './trace.bench';

async function main(): Promise<void> {
  console.log('# Kube Network Playground benchmarks');
  runTraceBench();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
