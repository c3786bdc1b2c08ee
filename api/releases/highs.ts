/**
 * One HiGHS runtime per isolate, whatever runs it: workerd (the vitest-plugin tests and the
 * deployed Worker) or Node (tsx scripts).
 *
 * Emscripten's loader fetches highs.wasm by URL beside its script, which workerd cannot do. So
 * in workerd the caller passes the compiled module (see highs-wasm.server.ts) and we instantiate it
 * through `instantiateWasm`. highs 1.15.3 declares `wasmModule` and `wasmBinary` options in its
 * types, but its build never reads them: only `instantiateWasm` and `locateFile` reach the
 * runtime, and passing the others silently falls back to the URL fetch.
 */
import highsLoader, { type Highs, type InitOptions } from 'highs';

/** The Emscripten hook the build honours; the package's types leave it out. */
interface WasmHook extends InitOptions {
  instantiateWasm(
    imports: WebAssembly.Imports,
    done: (instance: WebAssembly.Instance) => void,
  ): object;
}

/**
 * Runs `start` with `globalThis.process` hidden. With nodejs_compat, workerd has
 * process.versions.node, so Emscripten takes the Node path, which calls
 * createRequire(import.meta.url): a bundled Worker has no import.meta.url and that throws. The
 * loader decides its environment synchronously when called, so hiding `process` for that call is
 * enough; with the module given, the web path touches neither files nor the network.
 */
function withoutProcess<T>(start: () => T): T {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'process');
  if (!descriptor?.configurable) return start();
  Object.defineProperty(globalThis, 'process', {
    value: undefined,
    configurable: true,
    writable: true,
  });
  try {
    return start();
  } finally {
    Object.defineProperty(globalThis, 'process', descriptor);
  }
}

function instantiate(wasm: WebAssembly.Module | undefined): Promise<Highs> {
  // Node: the loader reads highs.wasm beside build/highs.mjs itself.
  if (!wasm) return highsLoader();
  return new Promise((resolve, reject) => {
    const options: WasmHook = {
      instantiateWasm(imports, done) {
        // Emscripten would wait on done() forever; a failed instantiation must fail the load.
        WebAssembly.instantiate(wasm, imports).then(done, reject);
        // Its contract: an empty object means "the exports will come through done()".
        return {};
      },
    };
    withoutProcess(() => highsLoader(options)).then(resolve, reject);
  });
}

let runtime: Promise<Highs> | undefined;

/**
 * The HiGHS runtime, instantiated once per isolate and shared: instantiating 3.5 MB of Wasm costs
 * more than an audit. `wasm` is the compiled highs.wasm where a bundler provides it (workerd:
 * import it from highs-wasm.server.ts); without it, Node reads the file from the package.
 */
export function loadHighs(wasm?: WebAssembly.Module): Promise<Highs> {
  runtime ??= instantiate(wasm).catch((error: unknown) => {
    // A failed load is not cached: the next caller (perhaps with the module) tries again.
    runtime = undefined;
    throw error;
  });
  return runtime;
}
