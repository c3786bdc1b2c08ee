/**
 * How much the JS heap plus array buffers grew over their level at the start
 * while some work ran, sampled between its awaits: what the work adds to an
 * isolate, which is what a Worker's 128 MB limit counts. The baseline (in a
 * script: wrangler's proxy, tsx) is left out.
 */
export function memoryGrowth(intervalMs = 20) {
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const baseline = used();
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, used())), intervalMs);
  return {
    stop(): number {
      clearInterval(timer);
      return Math.max(peak, used()) - baseline;
    },
  };
}
