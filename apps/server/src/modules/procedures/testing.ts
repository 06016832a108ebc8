import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Department, DossierView, ProcedureView } from '@heza/shared';
import { makeUser, signIn } from '../../../test/factories.ts';
import { buildTestApp, createTestDb, memoryMailer, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createDbNotifications } from '../../db/notifications.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { proceduresPublicPages } from './public/routes.ts';

/** Test helpers of the procedures and feedback areas (not a test file: imported by the tests next to it). */

/** A test app whose stored files go to a temporary folder. */
export async function procedureTestApp(
  opts: { mailer?: Mailer; worker?: boolean } = {},
): Promise<TestApp & { dataDir: string }> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'heza-proc-'));
  const t = await buildTestApp({ config: { dataDir }, ...opts });
  return {
    ...t,
    dataDir,
    async close() {
      await t.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in a new staff member of a unit (all zones unless `zoneIds` are given). */
export async function staffOf(t: TestApp, department: Department, zoneIds?: string[]) {
  const user = await makeUser(t.db, 'staff', {
    department,
    zoneScope: zoneIds ? 'listed' : 'all',
    ...(zoneIds && { zoneIds }),
  });
  return { user, headers: await signIn(t.app, user.email) };
}

/** Signs in a new user of a role (leader, admin, enterprise). */
export async function userOf(t: TestApp, role: 'leader' | 'admin' | 'enterprise', enterpriseId?: string) {
  const user = await makeUser(t.db, role, enterpriseId ? { enterpriseId } : {});
  return { user, headers: await signIn(t.app, user.email) };
}

/** The catalogue entry of a procedure (public route). */
export async function procedure(t: TestApp, code: string): Promise<ProcedureView> {
  const res = await t.app.inject({ method: 'GET', url: `/api/procedures/catalogue/${code}` });
  if (res.statusCode !== 200) throw new Error(`catalogue ${code}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Paper documents satisfying every required document of a procedure. */
export function paperDocuments(p: ProcedureView) {
  return p.documents
    .filter((d) => d.required)
    .map((d) => ({ documentKey: d.key, originals: d.originals, copies: d.copies }));
}

/** A counter-intake body for a procedure with all required documents on paper. */
export function counterBody(p: ProcedureView, extra: Record<string, unknown> = {}) {
  return {
    procedureCode: p.code,
    applicant: {
      kind: 'organisation',
      name: 'Công ty TNHH Thử Nghiệm Việt Nhật',
      idNumber: '0201234567',
      address: 'Lô A1, KCN Đình Vũ, Hải Phòng',
      phone: '0912345678',
      email: 'applicant@example.vn',
    },
    subject: 'Đề nghị giải quyết thủ tục',
    documents: paperDocuments(p),
    decision: 'receive',
    ...extra,
  };
}

/** Receives a dossier at the counter and returns its view (throws on failure). */
export async function receiveAtCounter(
  t: TestApp,
  headers: Record<string, string>,
  p: ProcedureView,
  extra: Record<string, unknown> = {},
): Promise<DossierView> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/procedures/dossiers/counter',
    headers,
    payload: counterBody(p, extra),
  });
  if (res.statusCode !== 201) throw new Error(`counter intake: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Posts a transition and returns the response. */
export function post(
  t: TestApp,
  headers: Record<string, string> | undefined,
  url: string,
  payload: unknown = {},
) {
  return t.app.inject({ method: 'POST', url, headers, payload: payload as object });
}

/** A small valid PDF (enough for the content sniffer). */
export function tinyPdf(label = 'test'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

/** Uploads a file and returns its id. */
export async function upload(
  t: TestApp,
  headers: Record<string, string> | undefined,
  name: string,
  bytes: Buffer,
  type: string,
) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/procedures/uploads?name=${encodeURIComponent(name)}`,
    headers: { ...headers, 'content-type': type },
    payload: bytes,
  });
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** A guest's online submission with a file for every required document; returns id and secret. */
export async function submitAsGuest(t: TestApp, p: ProcedureView, email = 'guest@example.vn') {
  const documents = [];
  for (const d of p.documents.filter((x) => x.required)) {
    documents.push({
      documentKey: d.key,
      fileId: await upload(t, undefined, `${d.key}.pdf`, tinyPdf(d.key), 'application/pdf'),
    });
  }
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/procedures/dossiers',
    payload: {
      procedureCode: p.code,
      applicant: { kind: 'individual', name: 'Nguyễn Văn Khách', email, phone: '0987654321' },
      subject: 'Nộp hồ sơ trực tuyến',
      returnMethod: 'online',
      documents,
    },
  });
  if (res.statusCode !== 201) throw new Error(`submit: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; trackingSecret: string; status: string };
}

/**
 * A test app with the public tracking pages mounted outside /api, as app.ts will mount them (registered
 * here too until then, so the pages are testable either way).
 */
export async function procedureTestAppWithPages(): Promise<TestApp & { dataDir: string }> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'heza-proc-'));
  const { db, pool, drop } = await createTestDb();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }, { demo: false, dataDir });
  const app = await buildApp({
    config,
    db,
    mailer: memoryMailer(),
    logger: false,
    notifications: createDbNotifications(pool),
  });
  if (!app.hasRoute({ method: 'GET', url: '/:lang/dossiers/track' }))
    await app.register(proceduresPublicPages);
  await app.ready();
  return {
    app,
    db,
    config,
    dataDir,
    async close() {
      await app.close();
      await drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
