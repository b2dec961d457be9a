import path from 'node:path';
import { cloudPathProblem, decodeSegment, encodePath, resolveInside } from '../../src/storage/cloud-path';
import { chooseContentType, contentTypeFor } from '../../src/storage/content-type';
import { bucketFor, formatFileId, parseFileId } from '../../src/storage/file-id';
import { UploadTickets } from '../../src/storage/upload-ticket';

describe('file ids', () => {
  it('name the bucket after the env like CloudBase does', () => {
    expect(bucketFor('test-3g4x')).toBe('7465-test-3g4x-1250000000');
  });

  it('round-trip', () => {
    const loc = { env: 'local-env', bucket: bucketFor('local-env'), cloudPath: 'a/b c/文件.png' };
    expect(parseFileId(formatFileId(loc))).toEqual(loc);
  });

  it('reject what is not a cloud:// id', () => {
    for (const id of ['', 'a7xzcb', 'cloud://', 'cloud://env/path', 'cloud://env.bucket/', 'https://x.tcb.qcloud.la/a.png']) expect(parseFileId(id)).toBeUndefined();
  });
});

describe('cloud paths', () => {
  it('accept ordinary paths', () => {
    for (const p of ['a.png', 'products/p1/主图 1.jpg', 'a/b/c/d.e.f', 'x%y.txt', '...', '.hidden']) expect(cloudPathProblem(p)).toBeUndefined();
  });

  it('refuse unsafe or ambiguous ones', () => {
    for (const p of [undefined, 3, '', '/a', 'a//b', 'a/', '.', '..', 'a/./b', 'a/../b', 'a\\b', 'a?b', 'a#b', 'a\nb', 'x'.repeat(851), `${'y'.repeat(256)}/a`])
      expect(cloudPathProblem(p)).toEqual(expect.any(String));
  });

  it('are confined to the root on disk', () => {
    const root = path.resolve('/tmp/root');
    expect(resolveInside(root, 'b', 'x', 'y.txt')).toBe(path.join(root, 'b/x/y.txt'));
    expect(() => resolveInside(root, 'b', '..', '..', 'etc')).toThrow(/escapes/);
    expect(() => resolveInside(root, '..', 'root-sibling')).toThrow(/escapes/);
  });

  it('encode per segment and decode leniently', () => {
    expect(encodePath('商品/a b?.png')).toBe('%E5%95%86%E5%93%81/a%20b%3F.png');
    expect(decodeSegment('%E5%95%86%E5%93%81%20a')).toBe('商品 a');
    expect(decodeSegment('100%25')).toBe('100%');
    expect(decodeSegment('100%')).toBe('100%');
    expect(decodeSegment('a%zz%41')).toBe('a%zzA');
  });
});

describe('content types', () => {
  it('come from the extension, case-insensitively', () => {
    expect(contentTypeFor('a/b.PNG')).toBe('image/png');
    expect(contentTypeFor('a/b.jpeg')).toBe('image/jpeg');
    expect(contentTypeFor('noext')).toBe('application/octet-stream');
    expect(contentTypeFor('dir.png/noext')).toBe('application/octet-stream');
    expect(contentTypeFor('.png')).toBe('application/octet-stream');
  });

  it('prefer a declared type unless it says nothing', () => {
    expect(chooseContentType('image/webp', 'a.bin')).toBe('image/webp');
    expect(chooseContentType('application/octet-stream', 'a.png')).toBe('image/png');
    expect(chooseContentType(undefined, 'a.txt')).toBe('text/plain; charset=utf-8');
  });
});

describe('upload tickets', () => {
  const ticket = { bucket: 'b', cloudPath: 'a.txt', cosFileId: 'c', uploadedBy: null, expiresAt: 1 };

  it('verify what they signed', () => {
    const t = new UploadTickets();
    const s = t.sign(ticket);
    expect(t.verify(s.token, s.authorization)).toEqual(ticket);
  });

  it('reject tampering, a foreign key and missing parts', () => {
    const t = new UploadTickets();
    const s = t.sign(ticket);
    const tampered = Buffer.from(JSON.stringify({ ...ticket, cloudPath: 'other.txt' })).toString('base64url');
    expect(t.verify(tampered, s.authorization)).toBeUndefined();
    expect(new UploadTickets().verify(s.token, s.authorization)).toBeUndefined();
    expect(t.verify(undefined, s.authorization)).toBeUndefined();
    expect(t.verify(s.token, undefined)).toBeUndefined();
    expect(t.verify(s.token, 'garbage')).toBeUndefined();
  });
});
