import {
  ChangePasswordInput,
  CreateUserInput,
  ForgotPasswordInput,
  LoginInput,
  Page,
  ResetPasswordInput,
  UpdateUserInput,
  UserListQuery,
  UserView,
} from '@heza/shared';
import { z } from 'zod';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth/session.ts';
import type { App } from '../../platform/http/types.ts';
import { changePassword } from './commands/change-password.ts';
import { createUser } from './commands/create-user.ts';
import { requestPasswordReset } from './commands/request-password-reset.ts';
import { resetPassword } from './commands/reset-password.ts';
import { signIn } from './commands/sign-in.ts';
import { signOut } from './commands/sign-out.ts';
import { updateUser } from './commands/update-user.ts';
import { getUser, listUsers } from './queries.ts';

const SessionView = z.object({ user: UserView.nullable(), csrfToken: z.string().nullable() });
const IdParams = z.object({ id: z.uuid() });

/** Sign-in, sessions, passwords and the administrators' user management. */
export async function accountsRoutes(app: App) {
  const { config } = app.deps;
  const tags = ['accounts'];

  app.get(
    '/auth/session',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Phiên hiện tại và mã CSRF', response: { 200: SessionView } },
    },
    async (req) => {
      if (!req.ctx.actor || !req.session) return { user: null, csrfToken: null };
      return { user: await getUser(req.ctx.db, req.ctx.actor.id), csrfToken: req.session.csrfToken };
    },
  );

  app.post(
    '/auth/login',
    {
      config: { access: 'public', csrfExempt: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Đăng nhập', body: LoginInput, response: { 200: SessionView } },
    },
    async (req, reply) => {
      if (req.session) await signOut(req.ctx, req.session.idHash);
      const result = await signIn(req.ctx, config, req.body, {
        userAgent: req.headers['user-agent'] ?? null,
      });
      setSessionCookie(reply, config, result.cookieValue, result.expiresAt);
      return { user: await getUser(req.ctx.db, result.userId), csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    { config: { access: 'self' }, schema: { tags, summary: 'Đăng xuất', response: { 204: z.null() } } },
    async (req, reply) => {
      if (req.session) await signOut(req.ctx, req.session.idHash);
      clearSessionCookie(reply, config);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password/change',
    {
      config: { access: 'self' },
      schema: { tags, summary: 'Đổi mật khẩu', body: ChangePasswordInput, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await changePassword(req.ctx, req.body, req.session!.idHash);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password/forgot',
    {
      config: { access: 'public', csrfExempt: true, rateLimit: { max: 5, timeWindow: '15 minutes' } },
      schema: {
        tags,
        summary: 'Yêu cầu đặt lại mật khẩu qua email',
        body: ForgotPasswordInput,
        response: { 202: z.null() },
      },
    },
    async (req, reply) => {
      const base = config.publicUrl ?? `${req.protocol}://${req.headers.host}`;
      try {
        await requestPasswordReset(req.ctx, req.body.email, base);
      } catch (err) {
        // The answer must not reveal whether the e-mail exists, nor that something failed.
        req.log.error({ err }, 'password reset mail failed');
      }
      return reply.status(202).send(null);
    },
  );

  app.post(
    '/auth/password/reset',
    {
      config: { access: 'public', csrfExempt: true, rateLimit: { max: 10, timeWindow: '15 minutes' } },
      schema: {
        tags,
        summary: 'Đặt lại mật khẩu bằng mã trong email',
        body: ResetPasswordInput,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await resetPassword(req.ctx, req.body.token, req.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/users',
    {
      config: { access: { action: 'accounts.user.read' } },
      schema: {
        tags,
        summary: 'Danh sách người dùng',
        querystring: UserListQuery,
        response: { 200: Page(UserView) },
      },
    },
    async (req) => listUsers(req.ctx.db, req.query),
  );

  app.get(
    '/users/:id',
    {
      config: { access: { action: 'accounts.user.read' } },
      schema: { tags, summary: 'Chi tiết người dùng', params: IdParams, response: { 200: UserView } },
    },
    async (req) => getUser(req.ctx.db, req.params.id),
  );

  app.post(
    '/users',
    {
      config: { access: { action: 'accounts.user.write' } },
      schema: { tags, summary: 'Tạo người dùng', body: CreateUserInput, response: { 201: UserView } },
    },
    async (req, reply) => reply.status(201).send(await createUser(req.ctx, req.body)),
  );

  app.patch(
    '/users/:id',
    {
      config: { access: { action: 'accounts.user.write' } },
      schema: {
        tags,
        summary: 'Sửa người dùng',
        params: IdParams,
        body: UpdateUserInput,
        response: { 200: UserView },
      },
    },
    async (req) => updateUser(req.ctx, req.params.id, req.body),
  );
}
