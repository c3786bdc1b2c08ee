/** The largest request body the API and the form actions take: MAX_BODY_BYTES, 64 KiB unless set. */
export const maxBodyBytes = (env: Pick<Env, 'MAX_BODY_BYTES'>) =>
  Number(env.MAX_BODY_BYTES) || 64 * 1024;
