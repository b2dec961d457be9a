/**
 * Pictures in the preview. A browser tab cannot hand the server a photo album, so
 * `wx.chooseMedia` / `wx.chooseImage` "pick" generated sample pictures (a PNG written to a temp
 * folder, numbered so each pick is a new file), and `wx.uploadFile` sends a picked file as
 * `multipart/form-data` over HTTP, as WeChat does: in local mode that is the emulator's upload
 * gateway (`/gateway/storage/upload`), so applying with a licence photo or publishing goods with
 * pictures works end to end. Only files handed out here can be uploaded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { asyncApi } from './async-api';
import type { RequestTracker } from './request';

const SIZE = 240;
/** Sample colours (TDesign brand, success, warning, error). */
const COLOURS: Array<[number, number, number]> = [
  [0, 82, 217],
  [43, 164, 113],
  [227, 115, 24],
  [213, 73, 65],
];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A square PNG with a diagonal two-tone pattern, so samples look like pictures, not blanks. */
export function samplePng(n: number): Buffer {
  const [r, g, b] = COLOURS[n % COLOURS.length]!;
  const rows: Buffer[] = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 3);
    for (let x = 0; x < SIZE; x++) {
      const light = (x + y) % 60 < 30 ? 1 : 0.8;
      row[1 + x * 3] = Math.round(r * light + 255 * (1 - light) * 0.2);
      row[2 + x * 3] = Math.round(g * light + 255 * (1 - light) * 0.2);
      row[3 + x * 3] = Math.round(b * light + 255 * (1 - light) * 0.2);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

interface ChooseOptions {
  count?: number;
}

interface UploadOptions {
  url: string;
  filePath: string;
  name: string;
  header?: Record<string, string>;
  formData?: Record<string, string>;
  success?: (result: { statusCode: number; data: string; errMsg: string }) => void;
  fail?: (error: { errMsg: string }) => void;
  complete?: (result: { errMsg: string }) => void;
}

export function mediaApi(requests: RequestTracker): Record<string, unknown> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudmall-preview-media-'));
  const handedOut = new Set<string>();
  let picked = 0;
  const pick = (count = 1) =>
    Array.from({ length: Math.max(1, Math.min(count, 9)) }, () => {
      const file = path.join(dir, `sample-${++picked}.png`);
      const png = samplePng(picked);
      fs.writeFileSync(file, png);
      handedOut.add(file);
      return { tempFilePath: file, size: png.length };
    });
  return {
    chooseMedia: asyncApi<ChooseOptions>('chooseMedia', (o) => ({ type: 'image', tempFiles: pick(o.count).map((f) => ({ ...f, fileType: 'image' })) })),
    chooseImage: asyncApi<ChooseOptions>('chooseImage', (o) => {
      const files = pick(o.count);
      return { tempFilePaths: files.map((f) => f.tempFilePath), tempFiles: files.map((f) => ({ path: f.tempFilePath, size: f.size })) };
    }),
    uploadFile: (options: UploadOptions) => {
      const fail = (why: string) => {
        const error = { errMsg: `uploadFile:fail ${why}` };
        options.fail?.(error);
        options.complete?.(error);
      };
      if (!handedOut.has(options.filePath)) {
        fail('the preview uploads only pictures picked with wx.chooseMedia');
        return { abort: () => undefined };
      }
      const form = new FormData();
      for (const [key, value] of Object.entries(options.formData ?? {})) form.append(key, value);
      form.append(options.name, new Blob([fs.readFileSync(options.filePath)], { type: 'image/png' }), path.basename(options.filePath));
      const tracked = requests.track(
        fetch(options.url, { method: 'POST', body: form, headers: options.header ?? {} }).then(async (res) => {
          const result = { statusCode: res.status, data: await res.text(), errMsg: 'uploadFile:ok' };
          options.success?.(result);
          options.complete?.(result);
        }),
      );
      tracked.catch((error: unknown) => fail((error as Error).message));
      return { abort: () => undefined };
    },
  };
}
