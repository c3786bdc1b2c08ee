/**
 * Every chart's PNG sits beside its SVG: same URL with .png for .svg. api/worker.ts answers the
 * PNG by rasterising the SVG, so the chart routes only ever produce SVG.
 */
const CHART_PNG = /^\/(graphiques|en\/charts)\/.+\.png$/;

/** The SVG URL (query kept) whose PNG `url` asks for, or null if `url` is no chart PNG. */
export function svgUrlFor(url: URL): URL | null {
  if (!CHART_PNG.test(url.pathname)) return null;
  const svg = new URL(url);
  svg.pathname = `${url.pathname.slice(0, -'.png'.length)}.svg`;
  svg.hash = '';
  return svg;
}
