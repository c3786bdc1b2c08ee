import { describe, expect, it } from 'vitest';
import { svgUrlFor } from '../../api/charts/png-route';

const svgFor = (url: string) => svgUrlFor(new URL(url, 'https://observatoire-cm.fr'))?.href ?? null;

describe('svgUrlFor', () => {
  it.each([
    ['/graphiques/indicateurs.png?edition=2025', '/graphiques/indicateurs.svg?edition=2025'],
    [
      '/en/charts/indicators.png?edition=2025&lang=en',
      '/en/charts/indicators.svg?edition=2025&lang=en',
    ],
    ['/graphiques/2025/charge.png', '/graphiques/2025/charge.svg'],
    ['/graphiques/a.png#top', '/graphiques/a.svg'],
  ])('maps %s to its SVG', (png, svg) => {
    expect(svgFor(png)).toBe(`https://observatoire-cm.fr${svg}`);
  });

  it.each([
    '/graphiques/indicateurs.svg',
    '/graphiques/.png',
    '/graphiques.png',
    '/graphiques/indicateurs.png/x',
    '/graphiques/indicateurs.PNG',
    '/en/graphiques/indicateurs.png',
    '/charts/indicateurs.png',
    '/fr/graphiques/indicateurs.png',
    '/api/graphiques/indicateurs.png',
    '/resultats/2025.png',
    '/indicateurs.png?path=/graphiques/x.png',
  ])('leaves %s alone', (path) => {
    expect(svgFor(path)).toBeNull();
  });

  it('keeps the origin', () => {
    expect(svgUrlFor(new URL('http://localhost:8787/graphiques/x.png?a=1'))?.href).toBe(
      'http://localhost:8787/graphiques/x.svg?a=1',
    );
  });
});
