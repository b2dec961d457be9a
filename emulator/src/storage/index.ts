import type { ActionRequest, EmulatorModule, ModuleContext } from '../types';
import { type UploaderOf, storageActions } from './actions';
import { StorageService } from './storage-service';
import { storageRoutes } from './routes';

export { MAX_FILES_PER_BATCH, type UploaderOf } from './actions';
export { bucketFor, formatFileId, parseFileId, type FileLocation } from './file-id';
export type { StoredFile } from './file-metadata';
export { isPrivatePath, PRIVATE_PREFIX, STORAGE_URL_PREFIX, StorageService } from './storage-service';

export interface StorageOptions {
  /**
   * Who is uploading, recorded as `uploaded_by`. Server-SDK requests carry no user, so by default
   * this is null; a function runtime that knows its caller can map the request to an openid.
   */
  uploaderOf?: UploaderOf;
}

const noUploader = (_req: ActionRequest): string | null => null;

/**
 * Cloud storage for the emulator: the `storage.*` actions behind `cloud.uploadFile`,
 * `getTempFileURL`, `deleteFile` and `downloadFile`, plus the routes that take uploads and serve
 * downloads. Files live under `<dataDir>/storage/<bucket>/<cloudPath>`, metadata in `storage_files`.
 */
export function createStorageModule(ctx: ModuleContext, options: StorageOptions = {}): EmulatorModule & { service: StorageService } {
  const service = new StorageService(ctx);
  return {
    name: 'storage',
    service,
    actions: storageActions(service, options.uploaderOf ?? noUploader),
    routes: storageRoutes(service),
  };
}
