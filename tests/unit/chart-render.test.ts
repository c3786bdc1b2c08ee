import { describe, expect, it } from 'vitest';
import { renderChart } from '../../web/lib/charts/render';
import type { RowsChart, TrendChart } from '../../web/lib/charts/spec';
import { wrap } from '../../web/lib/charts/wrap';

const base = {
  locale: 'fr' as const,
  title: 'Part des répondant·es <concerné·es> & "autres"',
  axis: 'En % des répondant·es',
  max: 100,
  source: 'Source : Observatoire des CM, enquête 2025, diffusion n° 2 du 3 mars 2026, n = 990.',
  intervalLegend: 'Trait : intervalle de confiance à 95 %',
};

const rows: RowsChart = {
  ...base,
  kind: 'rows',
  mark: 'bar',
  rows: [
    {
      label: 'Travaillent le soir au moins 2 fois par semaine',
      value: 57,
      ci: [54, 60],
      text: '57 %',
    },
    { label: 'Harcelé·es', value: null, ci: null, text: '< 10' },
  ],
};

describe('chart text wrapping', () => {
  it('breaks at spaces within the budget, and cuts only words longer than it', () => {
    expect(wrap('Travaillent le soir au moins 2 fois par semaine', 26)).toEqual([
      'Travaillent le soir au',
      'moins 2 fois par semaine',
    ]);
    expect(wrap('  a   b ', 26)).toEqual(['a b']);
    expect(wrap('anticonstitutionnellement!', 10)).toEqual(['anticonsti', 'tutionnell', 'ement!']);
    for (const line of wrap(base.source, 40)) expect(line.length).toBeLessThanOrEqual(40);
  });
});

describe('chart rendering', () => {
  it('escapes every text it draws', () => {
    const svg = renderChart({
      ...rows,
      rows: [{ label: '<script>alert(1)</script>', value: 5, ci: null, text: '5 %' }],
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('&lt;concerné·es&gt; &amp; &quot;autres&quot;');
  });

  it('draws no bar and no whisker for a suppressed figure, and says "< k" instead', () => {
    const svg = renderChart(rows);
    expect(svg.match(/<rect [^>]*fill="#1f4fbf"/g)).toHaveLength(1);
    expect(svg).toContain('>&lt; 10</text>');
    // The drawn bar ends at its value on the 0–100 axis, its whisker at its interval.
    expect(svg).toContain('width="57%"');
    expect(svg).toContain('x1="54%" x2="60%"');
  });

  it('draws the reference of a dot plot as a dashed line with its legend', () => {
    const svg = renderChart({
      ...rows,
      mark: 'dot',
      reference: { value: 40, legend: 'Tirets : ensemble des répondant·es, 40 %' },
    });
    expect(svg).toMatch(/<line x1="40%" x2="40%"[^>]*stroke-dasharray/);
    expect(svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain(
      'Tirets : ensemble des répondant·es, 40 %',
    );
    expect(svg.match(/<circle /g)).toHaveLength(1);
  });

  it('breaks a trend line where an edition is suppressed, rather than bridging it', () => {
    const trend: TrendChart = {
      ...base,
      kind: 'trend',
      points: [
        { label: '2024', value: 50, ci: [45, 55], text: '50 %' },
        { label: '2025', value: 52, ci: [47, 57], text: '52 %' },
        { label: '2026', value: null, ci: null, text: '< 10' },
        { label: '2027', value: 60, ci: [55, 65], text: '60 %' },
      ],
    };
    const svg = renderChart(trend);
    expect(svg.match(/<polyline /g)).toHaveLength(1);
    expect(svg.match(/<polygon /g)).toHaveLength(1);
    expect(svg.match(/<circle /g)).toHaveLength(3);
    // The lone 2027 point has no band: it gets a whisker.
    expect(svg.match(/<line x1="86%" x2="86%"/g)).toHaveLength(1);
  });

  it('gives a file its own width, white background and drawn title', () => {
    const svg = renderChart(rows, { standalone: { width: 720 } });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" role="img" width="720"/);
    expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
    expect(svg).toMatch(/font-weight="700">Part des répondant·es &lt;concerné·es&gt;/);
    const inline = renderChart(rows);
    expect(inline).toMatch(/^<svg [^>]*width="100%"/);
  });
});
