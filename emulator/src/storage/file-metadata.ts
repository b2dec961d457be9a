import type BetterSqlite3 from 'better-sqlite3';

/** What the emulator knows about one stored file (the bytes live on disk, see `BlobStore`). */
export interface StoredFile {
  fileId: string;
  bucket: string;
  cloudPath: string;
  size: number;
  contentType: string;
  /** Quoted MD5 of the content, as COS sends it in `ETag`. */
  etag: string;
  /** Who uploaded it (an openid), or null for the server SDK, whose requests carry no user. */
  uploadedBy: string | null;
  /** Emulated-clock milliseconds of the first upload to this path. */
  createdAt: number;
  /** Emulated-clock milliseconds of the latest upload (uploads to an existing path overwrite it). */
  updatedAt: number;
}

interface Row {
  file_id: string;
  bucket: string;
  cloud_path: string;
  size: number;
  content_type: string;
  etag: string;
  uploaded_by: string | null;
  created_at: number;
  updated_at: number;
}

const fromRow = (r: Row): StoredFile => ({
  fileId: r.file_id,
  bucket: r.bucket,
  cloudPath: r.cloud_path,
  size: r.size,
  contentType: r.content_type,
  etag: r.etag,
  uploadedBy: r.uploaded_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The `storage_files` table: one row per stored file, the source of truth for whether it exists. */
export class FileMetadata {
  private readonly stmts;

  constructor(sqlite: BetterSqlite3.Database) {
    sqlite.exec(`
      CREATE TABLE IF NOT EXISTS storage_files (
        file_id TEXT PRIMARY KEY,
        bucket TEXT NOT NULL,
        cloud_path TEXT NOT NULL,
        size INTEGER NOT NULL,
        content_type TEXT NOT NULL,
        etag TEXT NOT NULL,
        uploaded_by TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE UNIQUE INDEX IF NOT EXISTS storage_files_path ON storage_files (bucket, cloud_path);
    `);
    this.stmts = {
      get: sqlite.prepare<[string], Row>('SELECT * FROM storage_files WHERE file_id = ?'),
      list: sqlite.prepare<{ prefix: string; limit: number }, Row>(
        'SELECT * FROM storage_files WHERE substr(cloud_path, 1, length(@prefix)) = @prefix ORDER BY cloud_path LIMIT @limit',
      ),
      upsert: sqlite.prepare(`
        INSERT INTO storage_files (file_id, bucket, cloud_path, size, content_type, etag, uploaded_by, created_at, updated_at)
        VALUES (@fileId, @bucket, @cloudPath, @size, @contentType, @etag, @uploadedBy, @createdAt, @updatedAt)
        ON CONFLICT (file_id) DO UPDATE SET size = excluded.size, content_type = excluded.content_type, etag = excluded.etag,
          uploaded_by = excluded.uploaded_by, updated_at = excluded.updated_at`),
      remove: sqlite.prepare<[string]>('DELETE FROM storage_files WHERE file_id = ?'),
    };
  }

  get(fileId: string): StoredFile | undefined {
    const row = this.stmts.get.get(fileId);
    return row && fromRow(row);
  }

  /** Files whose cloud path starts with `prefix`, in path order. */
  list(prefix = '', limit = 1000): StoredFile[] {
    return this.stmts.list.all({ prefix, limit }).map(fromRow);
  }

  /** Records an upload; an overwrite keeps the original `createdAt`. */
  save(file: StoredFile): StoredFile {
    this.stmts.upsert.run(file);
    return this.get(file.fileId) ?? file;
  }

  /** Forgets a file; returns whether it existed. */
  remove(fileId: string): boolean {
    return this.stmts.remove.run(fileId).changes > 0;
  }
}
