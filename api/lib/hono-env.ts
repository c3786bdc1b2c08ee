/** The Hono environment of every sub-app: the Worker's bindings. */
export interface AppEnv {
  Bindings: Env;
}
