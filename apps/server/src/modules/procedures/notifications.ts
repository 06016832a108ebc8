import { formatDateVi, formatTimeOnReceiptVi } from '@heza/shared';
import type { Tx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import type { ProceduresDeps } from './deps.ts';

/**
 * Notifications to applicants at each milestone. The e-mail is queued (mail_send) in the same transaction
 * as the change, so it is sent exactly when the change commits; SMS are handed to the SMS provider after
 * the commit (best effort: no job type exists for them yet). Every message is recorded in
 * applicant_notifications. Texts are Vietnamese with an English line, since applicants may be foreign.
 */

/** Milestones that notify the applicant. */
export type Milestone =
  | 'submitted'
  | 'intake_supplement'
  | 'rejected'
  | 'received'
  | 'appraisal_supplement'
  | 'supplement_received'
  | 'extended'
  | 'stopped'
  | 'result_ready'
  | 'returned'
  | 'withdrawn';

/** What a notification says about a dossier. */
export interface DossierNotice {
  id: string;
  code: string | null;
  trackingSecret: string;
  procedureName: { vi: string; en: string };
  email: string | null;
  phone: string | null;
  dueAt: Date | null;
  reason?: string | null;
  items?: string[];
}

const SUBJECTS: Record<Milestone, { vi: string; en: string }> = {
  submitted: { vi: 'Đã nhận hồ sơ nộp trực tuyến', en: 'Online submission received' },
  intake_supplement: { vi: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Please complete your dossier' },
  rejected: { vi: 'Từ chối tiếp nhận hồ sơ', en: 'Dossier not accepted' },
  received: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Dossier received: appointment' },
  appraisal_supplement: {
    vi: 'Yêu cầu bổ sung hồ sơ trong quá trình thẩm định',
    en: 'Please supplement your dossier',
  },
  supplement_received: { vi: 'Đã nhận hồ sơ bổ sung', en: 'Supplement received' },
  extended: { vi: 'Văn bản xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new appointment' },
  stopped: { vi: 'Thông báo dừng giải quyết hồ sơ', en: 'Processing of your dossier stopped' },
  result_ready: { vi: 'Đã có kết quả giải quyết hồ sơ', en: 'Your result is ready' },
  returned: { vi: 'Đã trả kết quả giải quyết hồ sơ', en: 'Result handed over' },
  withdrawn: { vi: 'Hồ sơ đã được rút', en: 'Dossier withdrawn' },
};

function body(m: Milestone, n: DossierNotice, trackUrl: string | null): string {
  const ref = n.code ? `Mã hồ sơ (dossier code): ${n.code}` : 'Hồ sơ chưa được cấp mã (no dossier code yet)';
  const lines = [
    `${SUBJECTS[m].vi} / ${SUBJECTS[m].en}`,
    '',
    `Thủ tục (procedure): ${n.procedureName.vi}`,
    ref,
    `Mã tra cứu (lookup key): ${n.trackingSecret}`,
  ];
  if (n.dueAt && (m === 'received' || m === 'extended' || m === 'supplement_received')) {
    lines.push(`Hẹn trả kết quả (appointment): ${formatTimeOnReceiptVi(n.dueAt)} (${formatDateVi(n.dueAt)})`);
  }
  if (n.items?.length) {
    lines.push('', 'Cần bổ sung (to supplement):', ...n.items.map((i, k) => `  ${k + 1}. ${i}`));
  }
  if (n.reason) lines.push('', `Lý do (reason): ${n.reason}`);
  if (trackUrl) lines.push('', `Tra cứu (track): ${trackUrl}`);
  lines.push('', 'Ban Quản lý Khu kinh tế — Bộ phận Một cửa. Thư tự động, vui lòng không trả lời.');
  return lines.join('\n');
}

/** Collects SMS to send once the transaction has committed. */
export class Outbox {
  private readonly sms: { to: string; text: string }[] = [];

  constructor(private readonly deps: ProceduresDeps) {}

  /** Queues the e-mail and records the messages of a milestone, inside the transaction. */
  async notify(
    tx: Tx,
    entity: 'dossier' | 'feedback',
    m: string,
    subject: string,
    text: string,
    to: { email: string | null; phone: string | null },
    entityId: string,
  ) {
    if (to.email) {
      await enqueueJob(tx, 'mail_send', { to: to.email, subject, text });
      await tx
        .insertInto('applicant_notifications')
        .values({
          entity_type: entity,
          entity_id: entityId,
          milestone: m,
          channel: 'email',
          recipient: to.email,
          subject,
          body: text,
        })
        .execute();
    }
    if (to.phone) {
      const short = `${subject}. ${text.split('\n').slice(2, 5).join('. ')}`.slice(0, 300);
      this.sms.push({ to: to.phone, text: short });
      await tx
        .insertInto('applicant_notifications')
        .values({
          entity_type: entity,
          entity_id: entityId,
          milestone: m,
          channel: 'sms',
          recipient: to.phone,
          subject: null,
          body: short,
        })
        .execute();
    }
  }

  /** Notifies a dossier's applicant of a milestone. */
  async dossier(tx: Tx, m: Milestone, n: DossierNotice) {
    const subject = `[${n.code ?? 'HEZA'}] ${SUBJECTS[m].vi} / ${SUBJECTS[m].en}`;
    const trackUrl =
      n.code && this.deps.publicUrl
        ? `${this.deps.publicUrl}/vi/dossiers/track?code=${encodeURIComponent(n.code)}`
        : null;
    await this.notify(
      tx,
      'dossier',
      m,
      subject,
      body(m, n, trackUrl),
      { email: n.email, phone: n.phone },
      n.id,
    );
  }

  /** Sends the collected SMS (after commit); a failing gateway never undoes the change. */
  async flush(log?: (err: unknown) => void) {
    for (const s of this.sms.splice(0)) {
      try {
        await this.deps.sms.send(s.to, s.text);
      } catch (err) {
        log?.(err);
      }
    }
  }
}

/** Runs a dossier command: one transaction with an outbox, then the SMS once it has committed. */
export async function withOutbox<T>(
  ctx: Ctx,
  deps: ProceduresDeps,
  fn: (tx: Tx, outbox: Outbox) => Promise<T>,
): Promise<T> {
  const outbox = new Outbox(deps);
  const result = await ctx.db.transaction().execute((tx) => fn(tx, outbox));
  await outbox.flush();
  return result;
}
