import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type fs from 'node:fs';
import path from 'node:path';
import type { ModuleContext } from '../types';
import { BlobStore, PathConflictError } from './blob-store';
import { cloudPathProblem, encodePath } from './cloud-path';
import { chooseContentType } from './content-type';
import { type CosError, cosError } from './cos-xml';
import { FileMetadata, type StoredFile } from './file-metadata';
import { bucketFor, formatFileId, parseFileId } from './file-id';
import { UploadTickets } from './upload-ticket';

/** First path segment of every storage URL the emulator hands out. */
export const STORAGE_URL_PREFIX = '/storage/';
/** How long the credentials from `storage.getUploadMetadata` stay valid (emulated clock). */
export const UPLOAD_TICKET_TTL_MS = 10 * 60 * 1000;
/**
 * Files under this prefix are private, as a storage rule that denies public reads makes them in
 * CloudBase: a plain download is refused (403), only a temp URL from `getTempFileURL` (signed, with
 * its expiry) serves them. Everything else stays publicly readable, as CloudBase's default.
 */
export const PRIVATE_PREFIX = 'private/';

export const isPrivatePath = (cloudPath: string): boolean => cloudPath.startsWith(PRIVATE_PREFIX);

/** `maxAge` of a temp URL when the caller gave none: CloudBase's documented default of one day. */
export const DEFAULT_MAX_AGE_S = 86_400;

/** The `data` of CloudBase's `storage.getUploadMetadata` answer. */
export interface UploadGrant {
  url: string;
  token: string;
  authorization: string;
  fileId: string;
  cosFileId: string;
  download_url: string;
}

/** One bucket upload as it arrives over HTTP, before its credentials were checked. */
export interface UploadAttempt {
  bucket: string;
  cloudPath: string;
  token?: string;
  authorization?: string;
  cosFileId?: string;
  data: Buffer;
  /** Content-Type the uploader declared, if any. */
  contentType?: string;
}

/** Per-file result codes, as CloudBase spells them in `download_list` and `delete_list`. */
export type FileResultCode = 'SUCCESS' | 'STORAGE_FILE_NONEXIST' | 'INVALID_PARAM';

export interface TempUrlItem {
  fileID: string;
  code: FileResultCode;
  tempFileURL: string;
  /** The web and mini-program SDKs read the link from here instead of `tempFileURL`. */
  download_url: string;
  maxAge: number;
  message?: string;
}

export interface DeleteItem {
  fileID: string;
  code: FileResultCode;
  message?: string;
}

export type Outcome<T, F> = { ok: true; value: T } | { ok: false; failure: F };

/**
 * Cloud storage of one emulated environment: grants uploads, accepts their bytes, hands out
 * download links and deletes files. Transport-free: actions and routes translate its results.
 */
export class StorageService {
  readonly env: string;
  readonly bucket: string;
  readonly files: FileMetadata;
  readonly blobs: BlobStore;
  private readonly tickets = new UploadTickets();
  /** Signs the temp URLs of private files; a restart invalidates the links it gave out. */
  private readonly urlSecret = randomBytes(32);

  constructor(private readonly ctx: ModuleContext) {
    this.env = ctx.env;
    this.bucket = bucketFor(ctx.env);
    this.files = new FileMetadata(ctx.sqlite);
    this.blobs = new BlobStore(path.join(ctx.dataDir, 'storage'));
  }

  fileIdOf(cloudPath: string): string {
    return formatFileId({ env: this.env, bucket: this.bucket, cloudPath });
  }

  /**
   * The link CloudBase would give out: the path is left unencoded, because the SDK's
   * `downloadFile` runs `encodeURI` over it (an encoded link would be encoded twice).
   */
  downloadUrl(cloudPath: string): string {
    return `${this.ctx.baseUrl()}${STORAGE_URL_PREFIX}${this.bucket}/${cloudPath}`;
  }

  /** The upload target; the SDK requests it exactly as given, so it is percent-encoded here. */
  uploadUrl(cloudPath: string): string {
    return `${this.ctx.baseUrl()}${STORAGE_URL_PREFIX}${this.bucket}/${encodePath(cloudPath)}`;
  }

  grantUpload(cloudPath: unknown, uploadedBy: string | null): Outcome<UploadGrant, string> {
    const problem = cloudPathProblem(cloudPath);
    if (problem !== undefined || typeof cloudPath !== 'string') return { ok: false, failure: problem ?? 'invalid cloudPath' };
    const cosFileId = randomUUID();
    const signed = this.tickets.sign({
      bucket: this.bucket,
      cloudPath,
      cosFileId,
      uploadedBy,
      expiresAt: this.ctx.clock.now() + UPLOAD_TICKET_TTL_MS,
    });
    return {
      ok: true,
      value: {
        url: this.uploadUrl(cloudPath),
        token: signed.token,
        authorization: signed.authorization,
        fileId: this.fileIdOf(cloudPath),
        cosFileId,
        download_url: this.downloadUrl(cloudPath),
      },
    };
  }

  async acceptUpload(up: UploadAttempt): Promise<Outcome<StoredFile, CosError>> {
    const refused = (f: CosError) => ({ ok: false as const, failure: f });
    if (up.bucket !== this.bucket) return refused(cosError(404, 'NoSuchBucket', `The specified bucket does not exist: ${up.bucket}`));
    const ticket = this.tickets.verify(up.token, up.authorization);
    if (!ticket) return refused(cosError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'));
    if (ticket.expiresAt < this.ctx.clock.now()) return refused(cosError(403, 'AccessDenied', 'Request has expired'));
    if (ticket.bucket !== up.bucket || ticket.cloudPath !== up.cloudPath)
      return refused(cosError(403, 'AccessDenied', `The upload credentials were issued for "${ticket.cloudPath}", not "${up.cloudPath}".`));
    if (up.cosFileId !== ticket.cosFileId)
      return refused(cosError(400, 'InvalidArgument', 'x-cos-meta-fileid must be the cosFileId of storage.getUploadMetadata'));

    const staged = await this.blobs.stage(up.data);
    const now = this.ctx.clock.now();
    try {
      this.blobs.commit(staged, up.bucket, up.cloudPath);
    } catch (e) {
      if (e instanceof PathConflictError) return refused(cosError(409, 'PathConflict', e.message));
      throw e;
    }
    const file = this.files.save({
      fileId: this.fileIdOf(up.cloudPath),
      bucket: up.bucket,
      cloudPath: up.cloudPath,
      size: staged.size,
      contentType: chooseContentType(up.contentType, up.cloudPath),
      etag: staged.etag,
      uploadedBy: ticket.uploadedBy,
      createdAt: now,
      updatedAt: now,
    });
    this.ctx.log('storage_uploaded', { fileId: file.fileId, size: file.size });
    return { ok: true, value: file };
  }

  tempUrl(fileId: string, maxAge: number): TempUrlItem {
    const file = this.lookup(fileId);
    if (!file.ok) return { fileID: fileId, ...file.failure, tempFileURL: '', download_url: '', maxAge };
    const url = this.readableUrl(file.value.cloudPath, maxAge);
    return { fileID: fileId, code: 'SUCCESS', tempFileURL: url, download_url: url, maxAge };
  }

  /** The download link of a file: plain for public files, signed with an expiry for private ones. */
  readableUrl(cloudPath: string, maxAgeS: number = DEFAULT_MAX_AGE_S): string {
    const url = this.downloadUrl(cloudPath);
    if (!isPrivatePath(cloudPath)) return url;
    const expires = Math.floor(this.ctx.clock.now() / 1000) + maxAgeS;
    return `${url}?t=${expires}&sign=${this.signature(cloudPath, expires)}`;
  }

  /** Whether a download of `cloudPath` with these query parameters may be served. */
  mayDownload(cloudPath: string, query: URLSearchParams): boolean {
    if (!isPrivatePath(cloudPath)) return true;
    const expires = Number(query.get('t'));
    const sign = query.get('sign') ?? '';
    if (!Number.isInteger(expires) || expires * 1000 < this.ctx.clock.now()) return false;
    const expected = Buffer.from(this.signature(cloudPath, expires));
    const given = Buffer.from(sign);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private signature(cloudPath: string, expires: number): string {
    return createHmac('sha256', this.urlSecret).update(`${this.bucket}/${cloudPath}\n${expires}`).digest('hex');
  }

  remove(fileId: string): DeleteItem {
    const file = this.lookup(fileId);
    if (!file.ok) return { fileID: fileId, ...file.failure };
    // Metadata first: once the row is gone the file no longer exists, even if unlinking fails.
    this.files.remove(fileId);
    this.blobs.remove(file.value.bucket, file.value.cloudPath);
    this.ctx.log('storage_deleted', { fileId });
    return { fileID: fileId, code: 'SUCCESS' };
  }

  /** The stored file at a bucket path (of this environment), if any. */
  find(bucket: string, cloudPath: string): StoredFile | undefined {
    return bucket === this.bucket ? this.files.get(this.fileIdOf(cloudPath)) : undefined;
  }

  read(file: StoredFile): fs.ReadStream | undefined {
    const stream = this.blobs.open(file.bucket, file.cloudPath);
    if (!stream) this.ctx.log('storage_bytes_missing', { fileId: file.fileId });
    return stream;
  }

  private lookup(fileId: string): Outcome<StoredFile, { code: FileResultCode; message: string }> {
    const loc = parseFileId(fileId);
    if (!loc) return { ok: false, failure: { code: 'INVALID_PARAM', message: `not a cloud file id: ${fileId}` } };
    const file = loc.env === this.env && loc.bucket === this.bucket ? this.files.get(fileId) : undefined;
    if (!file) {
      const where = loc.env === this.env ? '' : ` (it belongs to env "${loc.env}"; the emulator serves "${this.env}")`;
      return { ok: false, failure: { code: 'STORAGE_FILE_NONEXIST', message: `storage file not exists${where}` } };
    }
    return { ok: true, value: file };
  }
}
