/**
 * Data packages in R2: built at publication and rebuilt when a withdrawal has
 * changed the edition since (the object carries the data version it was built
 * from). The zip goes up as a multipart upload while it is being built, so
 * the Worker never holds more than one part of it.
 */
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import {
  buildPackage,
  editionChanged,
  publishedEdition,
  type BuiltPackage,
  type ByteSink,
} from './package';

export interface PackageStore {
  bucket: R2Bucket;
  /** The public site, written into the package's links. */
  siteUrl: string;
}

export const packageStore = (env: Env): PackageStore => ({
  bucket: env.EXPORTS,
  siteUrl: env.SITE_URL,
});

/** R2 wants every part but the last at least 5 MiB, and all of the same size. */
const PART_SIZE = 5 * 1024 * 1024;

export const packageKey = (year: number) => `packages/${year}.zip`;
export const packageFilename = (year: number) => `observatoire-cm-${year}.zip`;

class MultipartSink implements ByteSink {
  private pending: Uint8Array[] = [];
  private length = 0;
  private parts: R2UploadedPart[] = [];

  constructor(private readonly upload: R2MultipartUpload) {}

  write(chunk: Uint8Array) {
    this.pending.push(chunk);
    this.length += chunk.length;
  }

  async drain() {
    while (this.length >= PART_SIZE) await this.uploadPart(PART_SIZE);
  }

  async close() {
    await this.drain();
    if (this.length > 0 || !this.parts.length) await this.uploadPart(this.length);
    await this.upload.complete(this.parts);
  }

  private async uploadPart(size: number) {
    const part = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      const head = this.pending[0]!;
      const take = Math.min(head.length, size - filled);
      part.set(head.subarray(0, take), filled);
      filled += take;
      if (take === head.length) this.pending.shift();
      else this.pending[0] = head.subarray(take);
    }
    this.length -= size;
    this.parts.push(await this.upload.uploadPart(this.parts.length + 1, part));
  }
}

export async function storePackage(
  db: Db,
  store: PackageStore,
  year: number,
): Promise<BuiltPackage> {
  const edition = await publishedEdition(db, year);
  const upload = await store.bucket.createMultipartUpload(packageKey(year), {
    httpMetadata: {
      contentType: 'application/zip',
      contentDisposition: `attachment; filename="${packageFilename(year)}"`,
    },
    customMetadata: { dataVersion: String(edition.dataVersion) },
  });
  const sink = new MultipartSink(upload);
  try {
    const built = await buildPackage(db, year, sink, store.siteUrl);
    if (built.dataVersion !== edition.dataVersion) {
      throw editionChanged();
    }
    await sink.close();
    return built;
  } catch (error) {
    await upload.abort();
    throw error;
  }
}

/** The stored package, built first if it is missing or older than the edition's data. */
export async function getPackage(db: Db, store: PackageStore, year: number) {
  const edition = await publishedEdition(db, year);
  const stored = await store.bucket.head(packageKey(year));
  if (stored?.customMetadata?.dataVersion !== String(edition.dataVersion)) {
    await storePackage(db, store, year);
  }
  const built = await store.bucket.get(packageKey(year));
  if (!built)
    throw new ApiError(503, 'package_unavailable', 'The package could not be stored; try again.');
  return built;
}
