import { CloudBaseError } from '../http/errors';
import type { ActionHandler, ActionRequest } from '../types';
import { DEFAULT_MAX_AGE_S, type StorageService } from './storage-service';

/** CloudBase answers at most 50 files per `getTempFileURL` or `deleteFile` call. */
export const MAX_FILES_PER_BATCH = 50;

/** Names the user behind a request, for the `uploaded_by` column; null means the server SDK. */
export type UploaderOf = (req: ActionRequest) => string | null;

const batch = (list: unknown, field: string): unknown[] => {
  if (!Array.isArray(list) || list.length === 0) throw new CloudBaseError('INVALID_PARAM', `${field} must be a non-empty array`);
  if (list.length > MAX_FILES_PER_BATCH)
    throw new CloudBaseError('INVALID_PARAM', `${field} holds ${list.length} files; at most ${MAX_FILES_PER_BATCH} are allowed per request`);
  return list;
};

const fileIdField = (v: unknown, field: string): string => {
  if (typeof v !== 'string' || v === '') throw new CloudBaseError('INVALID_PARAM', `${field} must hold non-empty file id strings`);
  return v;
};

const maxAgeField = (v: unknown): number => {
  if (v === undefined || v === null) return DEFAULT_MAX_AGE_S;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new CloudBaseError('INVALID_PARAM', 'max_age must be a positive integer (seconds)');
  return n;
};

/** The `storage.*` actions wx-server-sdk sends for `uploadFile`, `getTempFileURL`, `deleteFile` and `downloadFile`. */
export function storageActions(service: StorageService, uploaderOf: UploaderOf): Record<string, ActionHandler> {
  return {
    /** `uploadFile`, step 1: `{path, method: 'put'}` → where and with which credentials to send the bytes. */
    'storage.getUploadMetadata': (req) => {
      const grant = service.grantUpload(req.params.path, uploaderOf(req));
      if (!grant.ok) throw new CloudBaseError('INVALID_PARAM', grant.failure);
      return { data: grant.value };
    },

    /** `getTempFileURL` and `downloadFile`: `{file_list: [{fileid, max_age?, url_type?}]}`. */
    'storage.batchGetDownloadUrl': (req) => {
      const list = batch(req.params.file_list, 'file_list');
      const items = list.map((entry) => {
        if (typeof entry !== 'object' || entry === null) throw new CloudBaseError('INVALID_PARAM', 'file_list must hold {fileid, max_age} objects');
        const { fileid, max_age } = entry as { fileid?: unknown; max_age?: unknown };
        return service.tempUrl(fileIdField(fileid, 'file_list'), maxAgeField(max_age));
      });
      return { data: { download_list: items } };
    },

    /** `deleteFile`: `{fileid_list: [fileID]}`; missing files are reported per file, not as an error. */
    'storage.batchDeleteFile': (req) => {
      const ids = batch(req.params.fileid_list, 'fileid_list').map((v) => fileIdField(v, 'fileid_list'));
      return { data: { delete_list: ids.map((id) => service.remove(id)) } };
    },
  };
}
