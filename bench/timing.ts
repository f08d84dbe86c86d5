/** Small timing helpers: warm up, then the median and p95 of many timed runs, in microseconds. */
export interface Timing {
  medianUs: number;
  p95Us: number;
  runs: number;
}

export function timeIt(fn: (i: number) => void, runs: number, warmup = Math.min(200, runs)): Timing {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  samples.sort((a, b) => a - b);
  return { medianUs: samples[Math.floor(runs / 2)]!, p95Us: samples[Math.floor(runs * 0.95)]!, runs };
}

export function fmt(us: number): string {
  return us.toFixed(1).padStart(9);
}
