import type { CreateUserInput, Role } from '@heza/shared';
import type { Db } from '../src/db/client.ts';
import { createUser } from '../src/modules/accounts/commands/create-user.ts';
import { systemCtx } from '../src/platform/context.ts';
import type { App } from '../src/platform/http/types.ts';

export const TEST_PASSWORD = 'Test-Password-123';
let seq = 0;

/** Creates a zone with a unique code. */
export async function makeZone(db: Db, name = `Khu thử nghiệm ${++seq}`) {
  return db
    .insertInto('zones')
    .values({ code: `test-zone-${++seq}-${Date.now()}`, name_vi: name })
    .returning(['id', 'name_vi'])
    .executeTakeFirstOrThrow();
}

/** Creates an enterprise with a unique tax code. */
export async function makeEnterprise(db: Db, name = `Công ty thử nghiệm ${++seq}`) {
  const taxCode = String(1_000_000_000 + Math.floor(Math.random() * 8_999_999_999)).slice(0, 10);
  return db
    .insertInto('enterprises')
    .values({ tax_code: taxCode, name_vi: name })
    .returning(['id', 'name_vi'])
    .executeTakeFirstOrThrow();
}

/** Creates a user of the given role with sensible defaults for its required fields. */
export async function makeUser(db: Db, role: Role, extra: Partial<CreateUserInput> = {}) {
  const base: CreateUserInput = {
    email: `user${++seq}.${Date.now()}@test.vn`,
    fullName: `Người dùng ${seq}`,
    role,
    locale: 'vi',
    password: TEST_PASSWORD,
    ...(role === 'staff' && { department: 'enterprise_supervision', zoneScope: 'all' }),
    ...extra,
  };
  if (role === 'enterprise' && !base.enterpriseId) base.enterpriseId = (await makeEnterprise(db)).id;
  return createUser(systemCtx(db, 'test'), base);
}

/** Signs in through the API and returns headers (cookie + CSRF token) for later requests. */
export async function signIn(app: App, email: string, password = TEST_PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'heza_session');
  const body = res.json() as { csrfToken: string };
  return { cookie: `heza_session=${cookie!.value}`, 'x-csrf-token': body.csrfToken };
}
