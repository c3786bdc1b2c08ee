import type { TestProject } from 'vitest/node';
import { startLocalServer, type LocalServer } from '../../scripts/lib/local-server';

let server: LocalServer | undefined;

export async function setup(project: TestProject) {
  server = await startLocalServer();
  project.provide('baseURL', server.baseURL);
}

export async function teardown() {
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}
