// The timing of the benchmarks (bench.mjs in Node, browser.mjs in Chromium): batches sized to
// about 40 ms, interleaved round by round, medians. Plain ECMAScript (performance.now only), so
// that the same code times both hosts.

/** Repetitions that make one batch of `fn` last at least ~40 ms. */
export function calibrate(fn) {
  fn(); // warm up
  let reps = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    if (performance.now() - t > 40) return reps;
    reps *= 2;
  }
}

/**
 * Ms per call of each function, round by round. Batches are interleaved (one batch of each
 * function per round) so that a slow spell of a shared machine hits every contender alike. A
 * smoke run (`smoke`) calls each function once and times nothing.
 */
export function timeAll(fns, rounds, smoke = false) {
  if (smoke) return fns.map((fn) => (fn(), [0]));
  const reps = fns.map(calibrate);
  const samples = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, i) => {
      const t = performance.now();
      for (let k = 0; k < reps[i]; k++) fn();
      samples[i].push((performance.now() - t) / reps[i]);
    });
  }
  return samples;
}

/** The median of `xs`. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** The smallest of `xs`. */
export const best = (xs) => Math.min(...xs);

/**
 * The median of the per-round ratios of `xs` to `base` (the two batches of a round run back to
 * back, so a slow spell affects both: the most stable estimate on a shared machine).
 */
export const paired = (xs, base) => median(xs.map((x, r) => x / base[r]));
