/**
 * Chart SVG → PNG in the Worker, with resvg compiled to WebAssembly: no browser, no system fonts.
 * For workerd only (wrangler's bundle and the vitest plugin): the .wasm and .ttf imports are
 * module rules (CompiledWasm, and the Data rule for *.ttf in wrangler.toml) that Node cannot load.
 *
 * Size of the PNG, from the SVG's width and height attributes (its viewBox when they are absent):
 * round(width × DEFAULT_SCALE) × round(height × DEFAULT_SCALE), so 1280 × 720 for a 640 × 360
 * chart; with `options.width`, that width × round(options.width × height / width).
 */
import { initWasm, Resvg } from '@resvg/resvg-wasm';
// Paths ending in .wasm/.ttf, relative, for the reason given in api/releases/highs-wasm.server.ts.
import wasm from '../../node_modules/@resvg/resvg-wasm/index_bg.wasm';
import interRegular from '../../node_modules/@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf';
import interBold from '../../node_modules/@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf';

/** Twice the SVG's size: crisp on high-density screens and in slides. */
export const DEFAULT_SCALE = 2;

/** The only family loaded: CSS font matching draws weights above 500 in Bold, others Regular. */
const FAMILY = 'Inter';
const fontBuffers = [fontBytes(interRegular), fontBytes(interBold)];

/**
 * wrangler's Data rule imports a .ttf as an ArrayBuffer, but SvelteKit's types include
 * vite/client's, which declare it a URL string.
 */
function fontBytes(font: string | ArrayBuffer): Uint8Array {
  if (typeof font === 'string') throw new Error(`${font}: a URL, not the font's bytes`);
  return new Uint8Array(font);
}

let ready: Promise<void> | undefined;

/** initWasm throws when called twice, so every request of the isolate shares one promise. */
function initialised(): Promise<void> {
  ready ??= initWasm(wasm).catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

export interface RasteriseOptions {
  /** Width of the PNG in pixels; by default the SVG's width times DEFAULT_SCALE. */
  width?: number;
}

/** The PNG of `svg`. Throws on SVG that resvg cannot parse. */
export async function rasterise(
  svg: string,
  options: RasteriseOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  await initialised();
  const resvg = new Resvg(svg, {
    fitTo:
      options.width === undefined
        ? { mode: 'zoom', value: DEFAULT_SCALE }
        : { mode: 'width', value: options.width },
    // Transparent PNGs show black text on black in dark viewers and slides.
    background: 'white',
    font: {
      fontBuffers,
      loadSystemFonts: false,
      defaultFontFamily: FAMILY,
      // Generic families otherwise name absent fonts (Arial, Times New Roman…) and leave the
      // choice to resvg's fallback.
      sansSerifFamily: FAMILY,
      serifFamily: FAMILY,
      monospaceFamily: FAMILY,
      cursiveFamily: FAMILY,
      fantasyFamily: FAMILY,
    },
  });
  try {
    const image = resvg.render();
    try {
      // wasm-bindgen copies the PNG out of the wasm heap into an ArrayBuffer of its own.
      return image.asPng() as Uint8Array<ArrayBuffer>;
    } finally {
      image.free();
    }
  } finally {
    // The wasm heap is not garbage-collected: free it, or each render leaks its pixels.
    resvg.free();
  }
}
