/**
 * Data packages in R2: built at publication and rebuilt when a withdrawal has
 * changed the edition since (the object carries the data version it was built
 * from). The zip goes up as a multipart upload while it is being built, so
 * the Worker never holds more than one part of it.
 */
import type { Edition } from '../../db/schema.server';
import type { Db } from '../lib/db.server';
import { ApiError } from '../lib/errors';
import {
  buildPackage,
  requirePublished,
  type BuiltPackage,
  type ByteSink,
  type PackageProgress,
} from './package.server';

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

/** Whether `year`'s package is in R2. */
export const hasStoredPackage = async (bucket: R2Bucket, year: number) =>
  (await bucket.head(packageKey(year))) !== null;

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

/** A claim older than this is taken to have died with its request, and can be taken over. */
const BUILD_CLAIM_MS = 5 * 60_000;

/**
 * One build per edition and data version at a time: the first request claims it in D1, where
 * writes are serialised; the others are asked to come back instead of building the same zip.
 */
async function claimBuild(db: Db, year: number, dataVersion: number, now: Date) {
  const result = await db.$client
    .prepare(
      `INSERT INTO aggregates (edition_year, kind, key, data_version, payload_json, computed_at)
       VALUES (?1, 'package_build', '', ?2, '{}', ?3)
       ON CONFLICT (edition_year, kind, key) DO UPDATE
       SET data_version = excluded.data_version, computed_at = excluded.computed_at
       WHERE aggregates.data_version <> excluded.data_version OR aggregates.computed_at < ?4`,
    )
    .bind(
      year,
      dataVersion,
      now.toISOString(),
      new Date(now.getTime() - BUILD_CLAIM_MS).toISOString(),
    )
    .run();
  return result.meta.changes === 1;
}

async function releaseBuild(db: Db, year: number) {
  await db.$client
    .prepare("DELETE FROM aggregates WHERE edition_year = ?1 AND kind = 'package_build'")
    .bind(year)
    .run();
}

/** Builds `edition`'s package (a published edition, as `publishedEdition` returned it) into R2. */
export async function storePackage(
  db: Db,
  store: PackageStore,
  edition: Edition,
  onProgress?: (p: PackageProgress) => void,
  now = new Date(),
): Promise<BuiltPackage> {
  const { year } = edition;
  if (!(await claimBuild(db, year, edition.dataVersion, now))) {
    throw new ApiError(
      503,
      'package_building',
      `The ${year} data package is being built; try again in a minute.`,
      {},
      { 'retry-after': '30' },
    );
  }
  const upload = await store.bucket.createMultipartUpload(packageKey(year), {
    httpMetadata: {
      contentType: 'application/zip',
      contentDisposition: `attachment; filename="${packageFilename(year)}"`,
    },
    customMetadata: { dataVersion: String(edition.dataVersion) },
  });
  const sink = new MultipartSink(upload);
  try {
    const built = await buildPackage(db, edition, sink, store.siteUrl, onProgress);
    await sink.close();
    return built;
  } catch (error) {
    await upload.abort();
    // The claim goes with the failed build, so the next request may try again at once.
    await releaseBuild(db, year);
    throw error;
  }
}

/** Seconds a client is asked to wait while the release job builds the package. */
export const BUILDING_RETRY_AFTER = 60;

/**
 * The stored package as a download, or null while the release job (api/jobs) builds it: never
 * inside this request. Once built it never changes: a version without a response withdrawn
 * after publication, set beside the first, would show which row left, and so that respondent's
 * answers (docs/adr/006-releases.md).
 */
export async function packageDownload(
  db: Db,
  store: PackageStore,
  year: number,
): Promise<Response | null> {
  await requirePublished(db, year);
  const object = await store.bucket.get(packageKey(year));
  if (!object) return null;
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set('etag', object.httpEtag);
  headers.set('content-length', String(object.size));
  return new Response(object.body, { headers });
}
