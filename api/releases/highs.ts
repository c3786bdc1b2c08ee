/**
 * One HiGHS runtime per isolate, whatever runs it: workerd (tests and the deployed Worker) or Node
 * (tsx scripts).
 *
 * Emscripten's loader fetches highs.wasm by URL beside the script, which workerd cannot do (no
 * file URL, no fetch of our own bundle). So where a bundler hands us the compiled module, we
 * instantiate it ourselves through `instantiateWasm`. highs 1.15.3 declares `wasmModule` and
 * `wasmBinary` options in its types, but its build never reads them (only `instantiateWasm` and
 * `locateFile` reach the runtime): passing them silently falls back to the URL fetch.
 */
import highsLoader, { type Highs, type InitOptions } from 'highs';

/** The Emscripten hook the build honours; it is missing from the package's types. */
interface WasmHook extends InitOptions {
  instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void): object;
}

let runtime: Promise<Highs> | undefined;

function instantiate(wasm: WebAssembly.Module | undefined): Promise<Highs> {
  if (!wasm) return highsLoader();
  return new Promise((resolve, reject) => {
    const options: WasmHook = {
      instantiateWasm(imports, done) {
        // Emscripten waits on done() forever; a failed instantiation must reject the load instead.
        WebAssembly.instantiate(wasm, imports).then(done, reject);
        // Its contract: an empty object means "the exports will come through done()".
        return {};
      },
    };
    highsLoader(options).then(resolve, reject);
  });
}

/**
 * The HiGHS runtime, instantiated once and shared: compiling 3.5 MB of Wasm costs far more than
 * any audit. `wasm` is the compiled highs.wasm where the bundler provides it (workerd: an import
 * of `highs/runtime`); without it, Node reads the file beside the package's loader.
 */
export function loadHighs(wasm?: WebAssembly.Module): Promise<Highs> {
  runtime ??= instantiate(wasm).catch((error: unknown) => {
    // A failed load is not cached: the next caller (perhaps with the module) tries again.
    runtime = undefined;
    throw error;
  });
  return runtime;
}
