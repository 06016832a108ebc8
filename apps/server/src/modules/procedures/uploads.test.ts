import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, storedFilePath } from '../../platform/files/files.ts';
import { procedureTestApp, tinyPdf } from './testing.ts';

let t: Awaited<ReturnType<typeof procedureTestApp>>;
beforeAll(async () => {
  t = await procedureTestApp();
});
afterAll(() => t.close());

// A 1×1 PNG and the start of a JPEG (file-type needs only the signature).
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a5b00000000049454e44ae426082',
  'hex',
);
const JPEG = Buffer.concat([
  Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
  Buffer.alloc(64),
]);

function send(name: string, type: string, bytes: Buffer) {
  return t.app.inject({
    method: 'POST',
    url: `/api/procedures/uploads?name=${encodeURIComponent(name)}`,
    headers: { 'content-type': type },
    payload: bytes,
  });
}

describe('uploads', () => {
  it('should store a file under its SHA-256 with the sniffed type and the metadata', async () => {
    const res = await send('Đơn đề nghị.pdf', 'application/pdf', tinyPdf('upload'));
    expect(res.statusCode).toBe(201);
    const f = res.json();
    expect(f).toMatchObject({
      name: 'Đơn đề nghị.pdf',
      mediaType: 'application/pdf',
      sizeBytes: tinyPdf('upload').length,
    });
    expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await fs.readFile(storedFilePath(t.dataDir, f.sha256))).toEqual(tinyPdf('upload'));
    const row = await t.db
      .selectFrom('stored_files')
      .selectAll()
      .where('id', '=', f.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      media_type: 'application/pdf',
      declared_type: 'application/pdf',
      attached_to: null,
    });
  });

  it('should accept the image types and a generic declared type when the extension matches the content', async () => {
    expect((await send('anh.png', 'image/png', PNG)).json().mediaType).toBe('image/png');
    expect((await send('anh.jpg', 'image/jpg', JPEG)).json().mediaType).toBe('image/jpeg');
    expect((await send('scan.pdf', 'application/octet-stream', tinyPdf())).statusCode).toBe(201);
  });

  it('should refuse content that does not match its declared type or its extension', async () => {
    for (const [name, type, bytes] of [
      ['fake.pdf', 'application/pdf', PNG],
      ['anh.png', 'image/png', tinyPdf()],
      ['scan.png', 'application/octet-stream', tinyPdf()],
    ] as const) {
      const res = await send(name, type, bytes);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(res.json().details[0].field).toBe('file');
    }
  });

  it('should refuse types that are not accepted at all, whatever they claim to be', async () => {
    const exe = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(128)]);
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    expect((await send('virus.pdf', 'application/pdf', exe)).statusCode).toBe(415);
    expect((await send('page.pdf', 'application/pdf', html)).statusCode).toBe(415);
  });

  it('should refuse an oversize file before storing anything, and an empty one', async () => {
    const before = await t.db
      .selectFrom('stored_files')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    const res = await send('big.pdf', 'application/pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    const empty = await send('empty.pdf', 'application/pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const after = await t.db
      .selectFrom('stored_files')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('should keep path components out of stored names', async () => {
    const res = await send('../../etc/passwd.pdf', 'application/pdf', tinyPdf());
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('passwd.pdf');
  });
});
