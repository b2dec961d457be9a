/**
 * An error the emulator answers with CloudBase's own `{code, message}` body.
 * The codes are the string codes CloudBase sends; wx-server-sdk maps them to
 * numeric `errCode`s (-502005 for DATABASE_COLLECTION_NOT_EXIST, ...).
 */
export class CloudBaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus = 200,
  ) {
    super(message);
    this.name = 'CloudBaseError';
  }
}

export function isCloudBaseError(e: unknown): e is CloudBaseError {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && (e as Error).name === 'CloudBaseError';
}

export const invalidParam = (message: string) => new CloudBaseError('INVALID_PARAM', message);
export const collectionNotExist = (name: string) =>
  new CloudBaseError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
  );
