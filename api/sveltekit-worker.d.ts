/** The handler `vite build` writes with adapter-cloudflare, imported by api/worker.ts. */
declare module '*/.svelte-kit/cloudflare/_worker.js' {
  const worker: { fetch: ExportedHandlerFetchHandler<Env> };
  export default worker;
}
