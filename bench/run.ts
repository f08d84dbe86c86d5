/** `npm run bench`: every benchmark suite, printed as plain tables. */
import { runTraceBench } from './trace.bench';
import { runLinksBench } from './links.bench';
import { runServicesBench } from './services.bench';
import { runCanvasBench } from './canvas-fps';
import { runPlaybackBench } from './playback-fps';
import { runManifestsBench } from './manifests.bench';
import { runScaleBench } from './scale.bench';
import { runMatrixBench } from './matrix.bench';
import { runBundleBench } from './bundle-size.bench';

async function main(): Promise<void> {
  console.log('# Kube Network Playground benchmarks');
  await runBundleBench();
  runTraceBench();
  runLinksBench();
  runServicesBench();
  runManifestsBench();
  await runScaleBench();
  await runMatrixBench();
  await runCanvasBench();
  await runPlaybackBench();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
