/**
 * The resident memory of the local workerd processes, sampled while a job runs: the peak a
 * Workflow run needs, from outside the runtime. The bench serves one Worker at a time, so every
 * workerd process on the machine is its.
 */
import { readdirSync, readFileSync } from 'node:fs';

function workerdRssBytes(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'workerd') continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(rss?.[1] ?? 0) * 1024;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

/** Runs `work` while sampling every 50 ms; gives its result, the RSS before and the peak. */
export async function withPeakMemory<T>(work: () => Promise<T>) {
  const before = workerdRssBytes();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, workerdRssBytes())), 50);
  try {
    const result = await work();
    return {
      result,
      beforeMiB: before / 2 ** 20,
      peakMiB: Math.max(peak, workerdRssBytes()) / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}
