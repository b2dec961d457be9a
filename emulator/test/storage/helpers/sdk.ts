import type fs from 'node:fs';
import { connectSdk } from '../../../src/sdk-env';
import { ENV } from './storage-server';

/** One file of a `getTempFileURL` / `deleteFile` answer, as wx-server-sdk returns it. */
export interface SdkFileResult {
  fileID: string;
  status: number;
  errMsg: string;
  tempFileURL?: string;
  maxAge?: number;
}

/** The storage half of wx-server-sdk, typed for the tests (its own typings return `Promise | void`). */
export interface CloudStorageSdk {
  uploadFile(p: { cloudPath: string; fileContent: Buffer | fs.ReadStream }): Promise<{ fileID: string; statusCode: number; errMsg: string }>;
  getTempFileURL(p: { fileList: Array<string | { fileID: string; maxAge: number }> }): Promise<{ fileList: SdkFileResult[]; errMsg: string }>;
  deleteFile(p: { fileList: string[] }): Promise<{ fileList: SdkFileResult[]; errMsg: string }>;
  downloadFile(p: { fileID: string }): Promise<{ fileContent: Buffer; statusCode: number; errMsg: string }>;
}

/** An error as wx-server-sdk rejects with it. */
export interface SdkError extends Error {
  errCode: number;
  errMsg: string;
  code?: string;
}

/**
 * Points the real, unmodified wx-server-sdk at `adminUrl` the way the emulator's function runtime
 * does (environment variables only) and loads it. Call once per test file: jest gives every file
 * its own module registry and `process.env`.
 */
export function loadSdk(adminUrl: string): CloudStorageSdk {
  const cloud = connectSdk(adminUrl, { env: ENV, openid: 'o1', extraEnv: { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID' } });
  return cloud as CloudStorageSdk;
}

/** Awaits a promise that must reject, and returns the SDK error. */
export async function rejection(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    return e as SdkError;
  }
  throw new Error('expected the SDK call to fail, but it succeeded');
}
