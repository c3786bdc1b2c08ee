declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    TEST_ACCESS_PRIVATE_JWK: import('jose').JWK;
  }
}

/** highs' compiled WebAssembly, as workerd's module loader hands a `.wasm` import to tests. */
declare module 'highs/runtime' {
  const wasm: WebAssembly.Module;
  export default wasm;
}
