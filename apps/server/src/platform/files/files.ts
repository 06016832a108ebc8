import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { bilingual } from '@heza/shared';
import { fileTypeFromBuffer } from 'file-type';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../errors.ts';
import type { StoredFileTable } from './schema.ts';

/**
 * Stored files: uploads are sniffed (the content decides the type, never the declared type alone), kept
 * once per content under <dataDir>/files/<aa>/<sha256>, and described by a row of `stored_files`.
 */

/** Largest upload accepted (bytes); routes set the same body limit so Fastify refuses bigger bodies early. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Types an upload may have (what officials open): PDF, JPEG, PNG, DOCX, XLSX. */
export const UPLOAD_MEDIA_TYPES: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
};

/** Declared types some clients send for the same content. */
const DECLARED_ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };

/** Stored-file metadata as the modules use it. */
export type StoredFile = {
  id: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  originalName: string;
  attachedTo: string | null;
  createdAt: Date;
  uploadedBy: string | null;
};

function present(
  row: Pick<StoredFileTable, 'sha256' | 'media_type' | 'original_name' | 'attached_to' | 'uploaded_by'> & {
    id: string;
    size_bytes: number | string;
    created_at: Date;
  },
): StoredFile {
  return {
    id: row.id,
    sha256: row.sha256,
    sizeBytes: Number(row.size_bytes),
    mediaType: row.media_type,
    originalName: row.original_name,
    attachedTo: row.attached_to,
    createdAt: row.created_at,
    uploadedBy: row.uploaded_by,
  };
}

function refuse(code: 'UNSUPPORTED_MEDIA_TYPE' | 'VALIDATION_FAILED', vi: string, en: string): AppError {
  return new AppError(code, { details: [{ field: 'file', message: bilingual(vi, en) }] });
}

/** Where the bytes of a file with this SHA-256 live. */
export function storedFilePath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256);
}

/** A file name safe to keep and to send back in Content-Disposition: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return cleaned.slice(0, 255) || 'file';
}

/**
 * Checks an upload and stores it: refuses empty and oversize content, types outside UPLOAD_MEDIA_TYPES,
 * and content that does not match the declared type or the file name's extension. Returns the metadata.
 */
export async function storeUpload(
  db: DbOrTx,
  dataDir: string,
  input: {
    bytes: Buffer;
    declaredType: string | null;
    originalName: string;
    uploadedBy: string | null;
    ip: string | null;
  },
): Promise<StoredFile> {
  const { bytes } = input;
  if (bytes.length === 0) throw refuse('VALIDATION_FAILED', 'Tệp rỗng.', 'The file is empty.');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const name = cleanFileName(input.originalName);
  const sniffed = await fileTypeFromBuffer(bytes);
  const allowed = Object.keys(UPLOAD_MEDIA_TYPES).join(', ');
  if (!sniffed || !UPLOAD_MEDIA_TYPES[sniffed.mime]) {
    throw refuse(
      'UNSUPPORTED_MEDIA_TYPE',
      `Nội dung tệp không thuộc loại được chấp nhận (PDF, JPEG, PNG, DOCX, XLSX).`,
      `The file content is not an accepted type (${allowed}).`,
    );
  }
  const declaredRaw = (input.declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  const declared = DECLARED_ALIASES[declaredRaw] ?? declaredRaw;
  const extension = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  const extensions = UPLOAD_MEDIA_TYPES[sniffed.mime]!;
  // A generic declared type says nothing; then the extension is the claim that must match the content.
  const declaredMatches =
    declared === sniffed.mime || declared === 'application/octet-stream' || declared === '';
  const extensionMatches = extension === '' || extensions.includes(extension);
  if (!declaredMatches || !extensionMatches) {
    throw refuse(
      'UNSUPPORTED_MEDIA_TYPE',
      `Nội dung tệp (${sniffed.ext.toUpperCase()}) không khớp với loại tệp khai báo (${declared || extension}).`,
      `The file content (${sniffed.ext.toUpperCase()}) does not match its declared type (${declared || extension}).`,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const target = storedFilePath(dataDir, sha256);
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.access(target);
  } catch {
    // Write then rename, so a crash never leaves a half-written file under its final name.
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(tmp, bytes, { mode: 0o640 });
    await fs.rename(tmp, target);
  }
  const row = await db
    .insertInto('stored_files')
    .values({
      sha256,
      size_bytes: bytes.length,
      media_type: sniffed.mime,
      declared_type: input.declaredType,
      original_name: name,
      uploaded_by: input.uploadedBy,
      uploaded_ip: input.ip,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return present(row);
}

/** Finds stored files by id (missing ids are simply absent from the result). */
export async function findStoredFiles(db: DbOrTx, ids: readonly string[]): Promise<Map<string, StoredFile>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('stored_files')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, present(r)]));
}

/** Marks files as attached to a module's record; refuses files that are missing or already attached elsewhere. */
export async function attachFiles(db: DbOrTx, ids: readonly string[], attachedTo: string): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const updated = await db
    .updateTable('stored_files')
    .set({ attached_to: attachedTo })
    .where('id', 'in', unique)
    .where((eb) => eb.or([eb('attached_to', 'is', null), eb('attached_to', '=', attachedTo)]))
    .returning('id')
    .execute();
  if (updated.length !== unique.length) {
    const found = new Set(updated.map((r) => r.id));
    throw new AppError('VALIDATION_FAILED', {
      details: unique
        .filter((id) => !found.has(id))
        .map((id) => ({
          field: 'fileId',
          message: bilingual(
            `Không tìm thấy tệp ${id} hoặc tệp đã được dùng.`,
            `File ${id} is missing or already used.`,
          ),
        })),
    });
  }
}

/** Reads the bytes of a stored file. */
export async function readStoredFile(dataDir: string, file: Pick<StoredFile, 'sha256'>): Promise<Buffer> {
  return fs.readFile(storedFilePath(dataDir, file.sha256));
}

/** Content-Disposition for a download, with the UTF-8 name (RFC 6266 / 5987) and an ASCII fallback. */
export function contentDisposition(
  name: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const clean = cleanFileName(name);
  const ascii =
    clean
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/[\\"]/g, '') || 'file';
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(clean)}`;
}
