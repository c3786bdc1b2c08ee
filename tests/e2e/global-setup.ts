import type { TestProject } from 'vitest/node';
import { startLocalServer, type LocalServer } from '../../scripts/lib/local-server';

let server: LocalServer | undefined;

export async function setup(project: TestProject) {
  server = await startLocalServer();
  project.provide('baseURL', server.baseURL);
  project.provide('persistDir', server.persistDir);
}

export async function teardown() {
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** Where the served Worker keeps its local D1, for storage checks. */
    persistDir: string;
  }
}
