import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQuotedPrintable, startSmtpServer } from '../../../test/smtp.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { setSmsProvider } from './sms.ts';
import { procedure, procedureTestApp, receiveAtCounter, staffOf, submitAsGuest } from './testing.ts';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: Awaited<ReturnType<typeof procedureTestApp>>;
const sms: { to: string; text: string }[] = [];

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await procedureTestApp({
    worker: true,
    mailer: createMailer({ smtpUrl: smtp.url, from: 'HEZA <no-reply@heza.test>', log: () => {} }),
  });
  setSmsProvider(t.app.deps, {
    async send(to, text) {
      if (to === '0900000000') throw new Error('gateway down');
      sms.push({ to, text });
    },
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('notifications to applicants', () => {
  it('should e-mail the receipt (code, secret, appointment) through SMTP and send an SMS', async () => {
    const office = await staffOf(t, 'office');
    const d = await receiveAtCounter(t, office.headers, await procedure(t, 'BQL-LD-01'));
    await expect
      .poll(() => smtp.mails.filter((m) => m.to.includes('applicant@example.vn')).length, { timeout: 10_000 })
      .toBe(1);
    const mail = decodeQuotedPrintable(smtp.mails.find((m) => m.to.includes('applicant@example.vn'))!.raw);
    expect(mail).toContain(d.code!);
    expect(mail).toContain(d.trackingSecret);
    expect(mail).toContain('(appointment)');
    expect(sms).toContainEqual(expect.objectContaining({ to: '0912345678' }));
    expect(sms.find((s) => s.to === '0912345678')!.text).toContain(d.code!);
  });

  it('should e-mail a guest when the online submission is received for checking', async () => {
    const a = await submitAsGuest(t, await procedure(t, 'BQL-LD-04'), 'khach.hang@example.vn');
    await expect
      .poll(() => smtp.mails.filter((m) => m.to.includes('khach.hang@example.vn')).length, {
        timeout: 10_000,
      })
      .toBe(1);
    expect(
      decodeQuotedPrintable(smtp.mails.find((m) => m.to.includes('khach.hang@example.vn'))!.raw),
    ).toContain(a.trackingSecret);
  });

  it('should keep the change when the SMS gateway fails', async () => {
    const office = await staffOf(t, 'office');
    const d = await receiveAtCounter(t, office.headers, await procedure(t, 'BQL-LD-01'), {
      applicant: { kind: 'individual', name: 'Người nộp', phone: '0900000000' },
    });
    expect(d.status).toBe('received');
    const row = await t.db
      .selectFrom('applicant_notifications')
      .select('recipient')
      .where('entity_id', '=', d.id)
      .execute();
    expect(row).toEqual([{ recipient: '0900000000' }]);
  });
});
