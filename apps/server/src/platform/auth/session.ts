import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db, DbOrTx } from '../../db/client.ts';

export const SESSION_COOKIE = 'heza_session';

/** SHA-256 of a secret, hex: what the database stores instead of the secret itself. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Random URL-safe secret. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export interface SessionRow {
  idHash: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

/** Creates a session in the given transaction and returns the cookie value and CSRF token. */
export async function createSession(
  db: DbOrTx,
  config: Config,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ cookieValue: string; csrfToken: string; expiresAt: Date }> {
  const cookieValue = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + config.sessionHours * 3_600_000);
  await db
    .insertInto('sessions')
    .values({
      id_hash: sha256(cookieValue),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { cookieValue, csrfToken, expiresAt };
}

/** Finds the session for a cookie value; reports an expired one separately so the client is told why. */
export async function findSession(
  db: Db,
  cookieValue: string,
): Promise<{ status: 'valid'; session: SessionRow } | { status: 'expired' | 'missing' }> {
  const row = await db
    .selectFrom('sessions')
    .select(['id_hash', 'user_id', 'csrf_token', 'expires_at', 'last_seen_at'])
    .where('id_hash', '=', sha256(cookieValue))
    .executeTakeFirst();
  if (!row) return { status: 'missing' };
  if (row.expires_at.getTime() <= Date.now()) {
    await db.deleteFrom('sessions').where('id_hash', '=', row.id_hash).execute();
    return { status: 'expired' };
  }
  return {
    status: 'valid',
    session: {
      idHash: row.id_hash,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      expiresAt: row.expires_at,
      lastSeenAt: row.last_seen_at,
    },
  };
}

/** Slides the expiry forward, at most once a minute so reads do not all become writes. */
export async function touchSession(db: Db, config: Config, session: SessionRow): Promise<Date | null> {
  if (Date.now() - session.lastSeenAt.getTime() < 60_000) return null;
  const expiresAt = new Date(Date.now() + config.sessionHours * 3_600_000);
  await db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(), expires_at: expiresAt })
    .where('id_hash', '=', session.idHash)
    .execute();
  return expiresAt;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure in production, path /. */
export function setSessionCookie(reply: FastifyReply, config: Config, value: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    expires: expiresAt,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
  });
}

/** The client address as the audit records it. */
export function clientIp(req: FastifyRequest): string | null {
  return req.ip ?? null;
}
