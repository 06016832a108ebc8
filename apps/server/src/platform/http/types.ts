import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { DbNotifications } from '../../db/notifications.ts';
import type { SessionRow } from '../auth/session.ts';
import type { Actor, Ctx } from '../context.ts';
import type { Mailer } from '../mail/mailer.ts';

/**
 * How a route is protected; every route must declare one:
 * - 'public': anyone (health, login, the portal);
 * - 'self': any signed-in user acting on their own account;
 * - { action }: the policy decides (role × action × jurisdiction); handlers check records with `authorize`.
 */
export type RouteAccess = 'public' | 'self' | { action: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Skip the CSRF token check (only for sign-in style routes used before a session exists). */
    csrfExempt?: boolean;
  }
  interface FastifyRequest {
    ctx: Ctx;
    session: SessionRow | null;
    sessionStatus: 'valid' | 'expired' | 'missing';
  }
  interface FastifyInstance {
    deps: AppDeps;
    routeInventory: RouteInfo[];
  }
}

export interface AppDeps {
  config: Config;
  db: Db;
  mailer: Mailer;
  /** LISTEN/NOTIFY on a dedicated connection, for caches that must drop entries when rows change. */
  notifications?: DbNotifications;
}

export interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type { Actor };
