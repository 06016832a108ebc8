import { z } from 'zod';
import { bilingual } from './i18n-message.ts';
import { DEPARTMENTS, ROLES } from './roles.ts';

/** An e-mail address, trimmed and lower-cased. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: bilingual('Địa chỉ email không hợp lệ.', 'The e-mail address is not valid.') }));

/** A new password: at least 10 characters, not only spaces. */
export const NewPassword = z
  .string()
  .min(10, {
    error: bilingual('Mật khẩu phải có ít nhất 10 ký tự.', 'The password must have at least 10 characters.'),
  })
  .max(200, {
    error: bilingual(
      'Mật khẩu quá dài (tối đa 200 ký tự).',
      'The password is too long (200 characters at most).',
    ),
  })
  .refine((s) => s.trim().length >= 10, {
    error: bilingual('Mật khẩu không được chỉ gồm khoảng trắng.', 'The password cannot be only spaces.'),
  });

const Required = (vi: string, en: string) => z.string().min(1, { error: bilingual(vi, en) });

export const LoginInput = z.object({
  email: Required('Vui lòng nhập email.', 'Please enter your e-mail.').pipe(Email),
  password: Required('Vui lòng nhập mật khẩu.', 'Please enter your password.').max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const ChangePasswordInput = z.object({
  currentPassword: Required('Vui lòng nhập mật khẩu hiện tại.', 'Please enter your current password.').max(
    200,
  ),
  newPassword: NewPassword,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const ForgotPasswordInput = z.object({ email: Email });
export const ResetPasswordInput = z.object({ token: z.string().min(10).max(200), newPassword: NewPassword });

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const Department = z.enum(DEPARTMENTS);
export type Department = z.infer<typeof Department>;
export const ZoneScope = z.enum(['all', 'listed']);

const FullName = z
  .string()
  .trim()
  .min(1, { error: bilingual('Vui lòng nhập họ và tên.', 'Please enter the full name.') })
  .max(200);

/** The user as the API presents it. */
export const UserView = z.object({
  id: z.string(),
  email: z.string(),
  fullName: z.string(),
  role: Role,
  department: z.string().nullable(),
  zoneScope: ZoneScope.nullable(),
  zones: z.array(z.object({ id: z.string(), name: z.string() })),
  enterprise: z.object({ id: z.string(), name: z.string() }).nullable(),
  locale: z.enum(['vi', 'en']),
  permissions: z.array(z.string()),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
});
export type UserView = z.infer<typeof UserView>;

/** Cross-field rules of a user's role: staff need a department and a zone scope; enterprise users an enterprise. */
function roleRules(
  v: {
    role?: string;
    department?: string | null;
    zoneScope?: string | null;
    enterpriseId?: string | null;
    zoneIds?: string[];
  },
  ctx: z.RefinementCtx,
) {
  if (v.role === 'staff') {
    if (!v.department)
      ctx.addIssue({
        code: 'custom',
        path: ['department'],
        message: bilingual('Cán bộ phải thuộc một phòng.', 'Staff must belong to a department.'),
      });
    if (!v.zoneScope)
      ctx.addIssue({
        code: 'custom',
        path: ['zoneScope'],
        message: bilingual('Chọn phạm vi khu phụ trách.', 'Choose the zones covered.'),
      });
    if (v.zoneScope === 'listed' && (!v.zoneIds || v.zoneIds.length === 0))
      ctx.addIssue({
        code: 'custom',
        path: ['zoneIds'],
        message: bilingual('Chọn ít nhất một khu.', 'Choose at least one zone.'),
      });
  }
  if (v.role === 'enterprise' && !v.enterpriseId)
    ctx.addIssue({
      code: 'custom',
      path: ['enterpriseId'],
      message: bilingual(
        'Tài khoản doanh nghiệp phải gắn với một doanh nghiệp.',
        'An enterprise user must be bound to an enterprise.',
      ),
    });
}

export const CreateUserInput = z
  .object({
    email: Email,
    fullName: FullName,
    role: Role,
    department: Department.nullish(),
    zoneScope: ZoneScope.nullish(),
    zoneIds: z.array(z.uuid()).max(500).optional(),
    enterpriseId: z.uuid().nullish(),
    locale: z.enum(['vi', 'en']).default('vi'),
    password: NewPassword,
  })
  .superRefine(roleRules);
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.object({
  fullName: FullName.optional(),
  role: Role.optional(),
  department: Department.nullish(),
  zoneScope: ZoneScope.nullish(),
  zoneIds: z.array(z.uuid()).max(500).optional(),
  enterpriseId: z.uuid().nullish(),
  locale: z.enum(['vi', 'en']).optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

/** Validates the role rules of a user after an update has been merged into the stored values. */
export const UserRoleShape = z
  .object({
    role: Role,
    department: z.string().nullish(),
    zoneScope: z.string().nullish(),
    zoneIds: z.array(z.string()).optional(),
    enterpriseId: z.string().nullish(),
  })
  .superRefine(roleRules);

export const Pagination = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const UserListQuery = Pagination.extend({
  q: z.string().trim().max(200).optional(),
  role: Role.optional(),
});

/** A page of a list. */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
