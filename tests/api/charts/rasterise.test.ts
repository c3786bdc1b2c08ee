import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE, rasterise } from '../../../api/charts/rasterise.server';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface Image {
  width: number;
  height: number;
  /** RGBA, row after row. */
  pixels: Uint8Array;
}

/** The PNG filter types' predictors (PNG spec, section 9). */
function predict(filter: number, a: number, b: number, c: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return a;
    case 2:
      return b;
    case 3:
      return (a + b) >> 1;
    case 4: {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default:
      throw new Error(`unknown PNG filter ${filter}`);
  }
}

/** Enough of a PNG decoder for resvg's output: 8-bit RGBA, not interlaced. */
function decodePng(png: Uint8Array): Image {
  expect([...png.subarray(0, 8)]).toEqual(SIGNATURE);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      // bit depth 8, colour type 6 (RGBA), no interlace
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const compressed = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
  idat.reduce((offset, d) => (compressed.set(d, offset), offset + d.length), 0);
  const raw = unzlibSync(compressed);
  const stride = width * 4;
  expect(raw.length).toBe(height * (stride + 1));
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      pixels[y * stride + x] = (value + predict(filter!, a, b, c)) & 0xff;
    }
  }
  return { width, height, pixels };
}

/** Opaque pixels darker than mid-grey inside [x0, x1) × [y0, y1), in PNG pixels. */
function darkPixels(image: Image, [x0, y0, x1, y1]: number[]): number {
  let count = 0;
  for (let y = y0!; y < y1!; y++)
    for (let x = x0!; x < x1!; x++) {
      const i = (y * image.width + x) * 4;
      const [r, g, b, alpha] = [0, 1, 2, 3].map((k) => image.pixels[i + k]!) as [
        number,
        number,
        number,
        number,
      ];
      if (alpha > 128 && r + g + b < 3 * 128) count++;
    }
  return count;
}

/** A 200 × 100 chart: a pale bar, and a label in the text area (0, 40)–(200, 100) when given. */
function chart(text: string | null, fontAttributes = 'font-family="Inter, system-ui, sans-serif"') {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">
    <rect x="0" y="0" width="160" height="30" fill="#c6dbef"/>
    ${text === null ? '' : `<text x="10" y="75" font-size="24" fill="#111" ${fontAttributes}>${text}</text>`}
  </svg>`;
}

const TEXT_AREA = [0, 40, 200, 100].map((n) => n * DEFAULT_SCALE);

describe('rasterise', () => {
  it('renders a PNG at twice the size of the SVG by default', async () => {
    const image = decodePng(await rasterise(chart('Heures')));
    expect([image.width, image.height]).toEqual([400, 200]);
    // The bar is drawn, and the background is white rather than transparent.
    expect([...image.pixels.subarray(0, 4)]).toEqual([0xc6, 0xdb, 0xef, 255]);
    const corner = (image.height * image.width - 1) * 4;
    expect([...image.pixels.subarray(corner, corner + 4)]).toEqual([255, 255, 255, 255]);
  });

  it('renders at a given width, keeping the aspect ratio', async () => {
    const image = decodePng(await rasterise(chart('Heures'), { width: 300 }));
    expect([image.width, image.height]).toEqual([300, 150]);
  });

  it('takes the size from the viewBox when width and height are absent', async () => {
    const svg = chart('Heures').replace(' width="200" height="100"', '');
    const image = decodePng(await rasterise(svg));
    expect([image.width, image.height]).toEqual([400, 200]);
  });

  it('draws the text with the bundled font', async () => {
    const blank = decodePng(await rasterise(chart(null)));
    expect(darkPixels(blank, TEXT_AREA)).toBe(0);
    const labelled = decodePng(await rasterise(chart('Épuisement 42 %')));
    expect(darkPixels(labelled, TEXT_AREA)).toBeGreaterThan(500);
    // Nothing is drawn outside the text area but the bar.
    expect(darkPixels(labelled, [0, 0, 400, 80])).toBe(0);
  });

  it.each([
    ['no font-family', ''],
    ['Inter alone', 'font-family="Inter"'],
    [
      'fonts that are absent first',
      `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Inter, sans-serif"`,
    ],
    ['absent fonts then a generic family', 'font-family="system-ui, Roboto, sans-serif"'],
    ['a generic family alone', 'font-family="serif"'],
    ['a bold weight', 'font-family="Inter, sans-serif" font-weight="600"'],
  ])('draws text with %s', async (_, attributes) => {
    const image = decodePng(await rasterise(chart('Heures', attributes)));
    expect(darkPixels(image, TEXT_AREA)).toBeGreaterThan(200);
  });

  it('draws bold text heavier than regular text', async () => {
    const ink = async (weight: string) =>
      darkPixels(decodePng(await rasterise(chart('Heures', `font-weight="${weight}"`))), TEXT_AREA);
    expect(await ink('700')).toBeGreaterThan((await ink('400')) * 1.2);
  });

  it('serves concurrent first calls from one initialisation', async () => {
    const pngs = await Promise.all([1, 2, 3].map((n) => rasterise(chart(`Série ${n}`))));
    expect(pngs.map((png) => decodePng(png).width)).toEqual([400, 400, 400]);
  });

  it('rejects what is not SVG', async () => {
    await expect(rasterise('<html></html>')).rejects.toThrow();
  });
});
