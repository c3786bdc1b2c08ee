import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from '@hono/zod-openapi';

/** Field path (dot-joined) → what is wrong with it. */
export type FieldErrors = Record<string, string>;

/** An error the client caused or may see: mapped to JSON in one place, `app.onError`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_input' }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi('Error');

export function errorBody(code: string, message: string, fields?: FieldErrors) {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/** Turns zod issues into one message per field, named by its path. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)';
    fields[path] ??= issue.message;
  }
  return fields;
}

/** OpenAPI entries for the error statuses a route can answer. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: 'Error, naming the fields at fault.',
        content: { 'application/json': { schema: ErrorSchema } },
      },
    ]),
  );
}
