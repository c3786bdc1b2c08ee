/**
 * highs.wasm as a compiled WebAssembly.Module, for workerd only: pass it to loadHighs. Node (tsx)
 * must not import this file; it cannot load a .wasm import and needs none (see highs.ts).
 *
 * The specifier is a path ending in .wasm on purpose. Wrangler's esbuild matches its CompiledWasm
 * rule on the specifier, so the package's own export `highs/runtime` (which resolves to the same
 * file) fails there with "No loader is configured for .wasm files"; the vitest plugin accepts
 * both. Relative to this file so that no bundler needs an alias.
 */
import wasm from '../../node_modules/highs/build/highs.wasm';

export default wasm;
