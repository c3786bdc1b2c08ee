/**
 * Crypto helpers on WebCrypto only, so the Worker, the seed and the CLI
 * share them.
 */

const encoder = new TextEncoder();

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/** A random code of `bytes` bytes (16 = 128 bits), URL-safe. */
export function randomCode(bytes = 16): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A random positive 48-bit integer: a row id that says nothing about insertion order. */
export function randomId48(): number {
  const [hi, lo] = crypto.getRandomValues(new Uint32Array(2));
  return (hi! % 2 ** 16) * 2 ** 32 + lo! + 1;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Workers cap PBKDF2 at 100,000 iterations: the most the runtime allows. */
export const PBKDF2_ITERATIONS = 100_000;

async function pbkdf2(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** `pbkdf2$<iterations>$<salt>$<hash>`, salt and hash in base64url. */
export async function hashPassword(
  password: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await pbkdf2(password, salt, iterations);
  return `pbkdf2$${iterations}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, expected] = stored.split('$');
  if (scheme !== 'pbkdf2' || !iterations || !salt || !expected) return false;
  const actual = await pbkdf2(password, fromBase64Url(salt), Number(iterations));
  const wanted = fromBase64Url(expected);
  if (actual.length !== wanted.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= actual[i]! ^ wanted[i]!;
  return diff === 0;
}

/**
 * Seals a 128-bit code with a one-time pad derived from a secret the client
 * holds (its Idempotency-Key): only that secret opens it again.
 */
export async function sealCode(code: string, secret: string): Promise<string> {
  const pad = new Uint8Array(
    await crypto.subtle.digest('SHA-256', encoder.encode(`seal:${secret}`)),
  );
  const bytes = fromBase64Url(code);
  return toBase64Url(bytes.map((b, i) => b ^ pad[i]!));
}

/** XOR is its own inverse. */
export const unsealCode = sealCode;
