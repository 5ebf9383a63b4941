// Times the stages a pipeline function announces: each stage lasts until the next one starts,
// the last until `stop()`. The stages are the pipeline's own, never re-typed here.
import { performance } from 'node:perf_hooks';

export function stageClock(prefix = '') {
  const timings: Record<string, number[]> = {};
  let current: { name: string; started: number } | undefined;
  const stop = () => {
    if (current) (timings[current.name] ??= []).push(performance.now() - current.started);
    current = undefined;
  };
  return {
    timings,
    stop,
    start(name: string) {
      stop();
      current = { name: `${prefix}${name}`, started: performance.now() };
    },
  };
}
