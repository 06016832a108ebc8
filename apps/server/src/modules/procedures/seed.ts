import { addCalendarDays, toIsoDateVn } from '@heza/shared';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/client.ts';
import { getCalendar } from '../calendar/service.ts';
import { nextDossierCode } from './code.ts';
import type { DossierTable } from './schema.ts';
import { appointmentOf, vnInstant } from './time.ts';

/**
 * Demo dossiers and feedback (clearly flagged is_demo) so the queues, tracking, statistics and scorecard
 * have something to show. The procedure catalogue and the calendar table are product data shipped by
 * migrations 0021 and 0024, not here. Idempotent: does nothing when demo dossiers exist. Dates are placed
 * relative to `today`, so the demo always has open, overdue and resolved dossiers.
 */

/** Deterministic PRNG (mulberry32): the same demo every time. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPLICANTS = [
  ['Công ty TNHH LG Display Việt Nam Hải Phòng (dữ liệu mẫu)', '0201000001'],
  ['Công ty TNHH Bridgestone Tire Manufacturing Việt Nam (dữ liệu mẫu)', '0201000002'],
  ['Công ty TNHH Fuji Xerox Hải Phòng (dữ liệu mẫu)', '0201000003'],
  ['Công ty Cổ phần Đầu tư Đình Vũ (dữ liệu mẫu)', '0201000004'],
  ['Công ty TNHH Kyocera Document Solutions Việt Nam (dữ liệu mẫu)', '0201000005'],
  ['Công ty TNHH Pegatron Việt Nam (dữ liệu mẫu)', '0201000006'],
] as const;

const SECRET_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Loads demo dossiers (about 40, over the last 90 days) and demo feedback. Returns how many were added. */
export async function seedProceduresDemo(
  db: Db,
  today: Date = new Date(),
): Promise<{ dossiers: number; feedback: number }> {
  const existing = await db
    .selectFrom('dossiers')
    .select('id')
    .where('is_demo', '=', true)
    .limit(1)
    .executeTakeFirst();
  if (existing) return { dossiers: 0, feedback: 0 };
  const calendar = await getCalendar(db);
  const rand = prng(0x4845_5a41);
  const secret = () =>
    Array.from({ length: 4 }, () => SECRET_ALPHABET[Math.floor(rand() * SECRET_ALPHABET.length)]).join('');
  const procedures = await db
    .selectFrom('procedures')
    .selectAll()
    .where('effective_to', 'is', null)
    .where('online_level', '!=', 'none')
    .orderBy('code')
    .execute();
  const todayVn = toIsoDateVn(today);
  let dossiers = 0;
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < 40; i++) {
      const p = procedures[i % procedures.length]!;
      const steps = await tx
        .selectFrom('procedure_steps')
        .selectAll()
        .where('procedure_id', '=', p.id)
        .orderBy('position')
        .execute();
      const docs = await tx
        .selectFrom('procedure_documents')
        .selectAll()
        .where('procedure_id', '=', p.id)
        .where('required', '=', true)
        .execute();
      // Received on a working day 2–90 days ago, between 08:00 and 16:30.
      let day = addCalendarDays(todayVn, -(2 + Math.floor(rand() * 88)));
      while (!calendar.isWorkingDay(day)) day = addCalendarDays(day, -1);
      const minutes = 8 * 60 + Math.floor(rand() * 510);
      const receivedAt = vnInstant(
        day,
        `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
      );
      const appt = appointmentOf(calendar, receivedAt, p.time_limit_days, p.cutoff);
      const [name, taxCode] = APPLICANTS[i % APPLICANTS.length]!;
      // Outcome: most finished (early, on time or a few late), some still open.
      const roll = rand();
      const lateBy = roll < 0.12 ? 1 + Math.floor(rand() * 3) : 0;
      const early = roll > 0.55 ? 1 + Math.floor(rand() * 2) : 0;
      const finishDay = lateBy
        ? calendar.addWorkingDays(appt.dueDate, lateBy)
        : early && p.time_limit_days > early
          ? calendar.addWorkingDays(appt.countingFrom, p.time_limit_days - early)
          : appt.dueDate;
      const finished = finishDay < todayVn && roll < 0.85;
      const finishedAt = finished ? vnInstant(finishDay, '15:30') : null;
      const returned = finished && finishDay < addCalendarDays(todayVn, -2);
      const code = await nextDossierCode(tx, p.office_code, receivedAt);
      const row: Insertable<DossierTable> = {
        code,
        procedure_id: p.id,
        office_code: p.office_code,
        status: returned ? 'returned' : finished ? 'result_ready' : 'processing',
        channel: i % 3 === 0 ? ('counter' as const) : ('online' as const),
        applicant_kind: 'organisation',
        applicant_name: name,
        applicant_id_number: taxCode,
        applicant_address: 'Khu công nghiệp Hải Phòng (dữ liệu mẫu)',
        applicant_phone: '0225000000',
        applicant_email: `demo${i}@example.vn`,
        subject: `${p.name_vi} (hồ sơ mẫu ${i + 1})`,
        return_method: i % 2 ? ('online' as const) : ('counter' as const),
        tracking_secret: secret(),
        submitted_at: receivedAt,
        received_at: receivedAt,
        counting_from: appt.countingFrom,
        due_at: appt.dueAt,
        legal_due_date: appt.dueDate,
        current_step: finished ? null : 0,
        finished_at: finishedAt,
        result_number: finished ? `${100 + i}/${p.field_code}-BQL` : null,
        returned_at: returned ? vnInstant(addCalendarDays(finishDay, 1), '09:00') : null,
        returned_by_method: returned ? (i % 2 ? ('online' as const) : ('counter' as const)) : null,
        is_demo: true,
      };
      const d = await tx.insertInto('dossiers').values(row).returning('id').executeTakeFirstOrThrow();
      let spent = 0;
      await tx
        .insertInto('dossier_steps')
        .values(
          steps.map((s) => {
            spent += s.days;
            return {
              dossier_id: d.id,
              position: s.position,
              key: s.key,
              name_vi: s.name_vi,
              name_en: s.name_en,
              unit: s.unit,
              role: s.role,
              days: s.days,
              due_date: calendar.addWorkingDays(appt.countingFrom, spent),
              started_at: s.position === 0 ? receivedAt : finishedAt,
              completed_at: finishedAt,
            };
          }),
        )
        .execute();
      if (docs.length) {
        await tx
          .insertInto('dossier_documents')
          .values(
            docs.map((x) => ({
              dossier_id: d.id,
              document_key: x.key,
              name: x.name_vi,
              originals: x.originals,
              copies: x.copies,
              provided_at: receivedAt,
            })),
          )
          .execute();
      }
      const events: {
        event: string;
        at: Date;
        from: string | null;
        to: string | null;
        toUnit: string | null;
      }[] = [
        { event: 'receive', at: receivedAt, from: 'submitted', to: 'received', toUnit: 'office' },
        {
          event: 'transfer',
          at: receivedAt,
          from: 'received',
          to: 'processing',
          toUnit: steps[0]?.unit ?? null,
        },
      ];
      if (finishedAt)
        events.push({
          event: 'result_ready',
          at: finishedAt,
          from: 'processing',
          to: 'result_ready',
          toUnit: 'office',
        });
      await tx
        .insertInto('dossier_events')
        .values(
          events.map((e) => ({
            dossier_id: d.id,
            at: e.at,
            actor_label: 'demo-seed',
            event: e.event,
            from_status: e.from,
            to_status: e.to,
            to_unit: e.toUnit,
          })),
        )
        .execute();
      dossiers++;
    }
  });

  const feedback = [
    [
      'procedures',
      'Thời gian trả kết quả giấy phép lao động',
      'Đề nghị rút ngắn thời gian cấp giấy phép lao động cho chuyên gia.',
      'Ban đã áp dụng tiếp nhận trực tuyến toàn trình; thời gian giải quyết thực tế bình quân 4 ngày làm việc.',
    ],
    ['labour', 'Nhà ở cho công nhân KCN', 'Đề nghị bố trí thêm nhà ở xã hội cho công nhân.', null],
    [
      'construction',
      'Hạ tầng giao thông nội khu',
      'Đường nội bộ khu B thường ngập khi mưa lớn.',
      'Chủ đầu tư hạ tầng đã được yêu cầu nạo vét hệ thống thoát nước trong tháng này.',
    ],
    ['environment', 'Mùi khó chịu từ nhà máy lân cận', 'Phản ánh mùi hóa chất vào buổi tối.', null],
  ] as const;
  let fb = 0;
  await db.transaction().execute(async (tx) => {
    for (const [i, [category, subject, body, answer]] of feedback.entries()) {
      const cat = await tx
        .selectFrom('feedback_categories')
        .selectAll()
        .where('code', '=', category)
        .executeTakeFirstOrThrow();
      const receivedAt = vnInstant(calendar.addWorkingDays(addCalendarDays(todayVn, -30), i * 3), '10:00');
      const countingFrom = toIsoDateVn(receivedAt);
      const day = countingFrom.replace(/-/g, '').slice(2);
      await tx
        .insertInto('feedback_items')
        .values({
          code: `PAKN-${day}-9${String(i + 1).padStart(3, '0')}`,
          kind: i % 2 ? 'petition' : 'feedback',
          category_code: category,
          unit: cat.unit,
          channel: 'portal',
          status: answer ? 'answered' : 'received',
          requester_name: `Người gửi mẫu ${i + 1} (dữ liệu mẫu)`,
          requester_email: `phananh${i}@example.vn`,
          subject,
          body,
          tracking_secret: secret(),
          received_at: receivedAt,
          counting_from: countingFrom,
          due_date: calendar.addWorkingDays(countingFrom, cat.response_days),
          answer,
          answered_at: answer ? vnInstant(calendar.addWorkingDays(countingFrom, 5), '15:00') : null,
          is_public: !!answer,
          public_question: answer ? body : null,
          published_at: answer ? vnInstant(calendar.addWorkingDays(countingFrom, 5), '15:00') : null,
          is_demo: true,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
      fb++;
    }
  });
  return { dossiers, feedback: fb };
}
