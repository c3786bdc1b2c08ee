/** The option every script that touches the local D1 takes: where wrangler keeps its state. */
export const persistOption = { 'persist-to': { type: 'string' } } as const;
