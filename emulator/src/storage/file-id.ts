/**
 * Where a stored file lives: CloudBase names a file `cloud://<env>.<bucket>/<cloudPath>`, and the
 * bucket of an environment is `<hex of the env's first two characters>-<env>-<Tencent Cloud APPID>`
 * (e.g. env `test-3g4x` has bucket `7465-test-3g4x-1300000000`).
 */
export interface FileLocation {
  env: string;
  bucket: string;
  cloudPath: string;
}

/** Stands in for the Tencent Cloud APPID that ends every real bucket name. */
export const EMULATED_APPID = '1250000000';

export function bucketFor(env: string): string {
  const prefix = Buffer.from(env.slice(0, 2), 'utf8').toString('hex');
  return `${prefix}-${env}-${EMULATED_APPID}`;
}

export function formatFileId(loc: FileLocation): string {
  return `cloud://${loc.env}.${loc.bucket}/${loc.cloudPath}`;
}

const FILE_ID = /^cloud:\/\/([^./]+)\.([^/]+)\/(.+)$/s;

/** Splits a file id into its parts, or returns undefined when it is not a `cloud://` id. */
export function parseFileId(fileId: string): FileLocation | undefined {
  const m = FILE_ID.exec(fileId);
  if (!m) return undefined;
  return { env: m[1], bucket: m[2], cloudPath: m[3] };
}
