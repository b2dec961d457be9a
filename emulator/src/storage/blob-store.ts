import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { resolveInside } from './cloud-path';

/** An upload whose bytes are on disk but not yet visible under their cloud path. */
export interface StagedBlob {
  tempPath: string;
  size: number;
  /** Quoted MD5 hex, COS's ETag for single-part uploads. */
  etag: string;
}

/** The cloud path is taken by a folder (or a folder on the way is a file), which COS would allow. */
export class PathConflictError extends Error {
  constructor(readonly cloudPath: string) {
    super(`cannot store "${cloudPath}": a file and a folder of the emulator's disk layout would share a name`);
    this.name = 'PathConflictError';
  }
}

const TEMP_DIR = '.tmp';

/**
 * File bytes on local disk, laid out as `<root>/<bucket>/<cloudPath>` so the folder can be browsed.
 * Writes go to `<root>/.tmp` first, are fsynced, then renamed into place, so a reader never sees a
 * half-written file and a crash leaves at most a stray temp file (cleared on the next start).
 */
export class BlobStore {
  readonly root: string;
  private readonly tempDir: string;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.tempDir = path.join(this.root, TEMP_DIR);
    fs.rmSync(this.tempDir, { recursive: true, force: true });
    fs.mkdirSync(this.tempDir, { recursive: true });
  }

  pathOf(bucket: string, cloudPath: string): string {
    return resolveInside(this.root, bucket, ...cloudPath.split('/'));
  }

  async stage(data: Buffer): Promise<StagedBlob> {
    const tempPath = path.join(this.tempDir, randomUUID());
    const handle = await fs.promises.open(tempPath, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { tempPath, size: data.length, etag: `"${createHash('md5').update(data).digest('hex')}"` };
  }

  /**
   * Moves a staged blob to its cloud path, replacing what was there. Synchronous on purpose: the
   * caller records the metadata in the same tick, so no delete can slip in between.
   */
  commit(staged: StagedBlob, bucket: string, cloudPath: string): void {
    const target = this.pathOf(bucket, cloudPath);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(staged.tempPath, target);
    } catch (e) {
      this.discard(staged);
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR') throw new PathConflictError(cloudPath);
      throw e;
    }
  }

  discard(staged: StagedBlob): void {
    fs.rmSync(staged.tempPath, { force: true });
  }

  /** Deletes the bytes and any folders the deletion left empty. */
  remove(bucket: string, cloudPath: string): void {
    const target = this.pathOf(bucket, cloudPath);
    fs.rmSync(target, { force: true });
    const bucketDir = resolveInside(this.root, bucket);
    for (let dir = path.dirname(target); dir !== bucketDir && dir.startsWith(bucketDir); dir = path.dirname(dir)) {
      try {
        fs.rmdirSync(dir);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        break; // not empty: the folders above are not empty either
      }
    }
  }

  /** Opens the bytes for reading, or returns undefined when they are missing from disk. */
  open(bucket: string, cloudPath: string): fs.ReadStream | undefined {
    let fd: number;
    try {
      fd = fs.openSync(this.pathOf(bucket, cloudPath), 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    return fs.createReadStream('', { fd });
  }
}
