/** A progress bar on stderr for long work (seeding, exports, benchmarks). */
export function progressBar(label: string, total: number) {
  const started = performance.now();
  const interactive = process.stderr.isTTY;
  let lastPercent = -1;
  return {
    update(done: number) {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (percent === lastPercent) return;
      lastPercent = percent;
      const width = 30;
      const filled = Math.round((percent / 100) * width);
      const line = `${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${percent}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
      // Without a terminal (CI logs), print every 10% on its own line instead of redrawing.
      if (interactive) process.stderr.write(`\r${line}`);
      else if (percent % 10 === 0) process.stderr.write(`${line}\n`);
    },
    done(): number {
      const seconds = (performance.now() - started) / 1000;
      if (interactive) process.stderr.write('\n');
      return seconds;
    },
  };
}
