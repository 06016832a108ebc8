import {
  CalendarChangeQuery,
  CalendarChangeResult,
  CalendarImpact,
  CalendarOfficialDayInput,
  CalendarOfficialDayView,
  CalendarYearView,
  IsoDate,
} from '@heza/shared';
import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import { changeOfficialDay } from './commands/change-official-day.ts';
import { getCalendarYear, listOfficialDays, previewChange } from './queries.ts';

const YearParams = z.object({ year: z.coerce.number().int().min(2021).max(2100) });
const YearQuery = z.object({ year: z.coerce.number().int().min(2021).max(2100).optional() });
const dateInRange = (d: string) => Number(d.slice(0, 4)) >= 2021 && Number(d.slice(0, 4)) <= 2100;
const CalendarDateParams = z.object({
  date: IsoDate.refine(dateInRange, { error: 'The calendar covers 2021–2100.' }),
});

/** The working-day calendar: a year as the portal shows it, and the administrators' official table. */
export async function calendarRoutes(app: App) {
  const tags = ['calendar'];

  app.get(
    '/calendar/years/:year',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Lịch ngày làm việc của một năm (ngày lễ, nghỉ bù, làm bù)',
        params: YearParams,
        response: { 200: CalendarYearView },
      },
    },
    async (req) => getCalendarYear(req.ctx.db, req.params.year),
  );

  app.get(
    '/calendar/official-days',
    {
      config: { access: { action: 'calendar.read' } },
      schema: {
        tags,
        summary: 'Bảng lịch chính thức do quản trị viên duy trì',
        querystring: YearQuery,
        response: { 200: z.array(CalendarOfficialDayView) },
      },
    },
    async (req) => listOfficialDays(req.ctx.db, req.query.year),
  );

  app.get(
    '/calendar/official-days/:date/impact',
    {
      config: { access: { action: 'calendar.write' } },
      schema: {
        tags,
        summary: 'Xem trước ảnh hưởng của việc sửa một ngày tới các hạn đã hẹn',
        params: CalendarDateParams,
        querystring: CalendarChangeQuery,
        response: { 200: CalendarImpact },
      },
    },
    async (req) => previewChange(req.ctx.db, req.params.date, req.query.kind),
  );

  app.put(
    '/calendar/official-days/:date',
    {
      config: { access: { action: 'calendar.write' } },
      schema: {
        tags,
        summary: 'Đặt ngày lễ, nghỉ bù hoặc làm bù (cảnh báo nếu làm lệch hạn đã hẹn)',
        params: CalendarDateParams,
        body: CalendarOfficialDayInput,
        response: { 200: CalendarChangeResult },
      },
    },
    async (req) => changeOfficialDay(req.ctx, req.params.date, req.body, req.body.acknowledgeConflicts),
  );

  app.delete(
    '/calendar/official-days/:date',
    {
      config: { access: { action: 'calendar.write' } },
      schema: {
        tags,
        summary: 'Xóa một dòng của bảng lịch (trở về quy tắc tính)',
        params: CalendarDateParams,
        querystring: CalendarChangeQuery,
        response: { 200: CalendarChangeResult },
      },
    },
    async (req) => changeOfficialDay(req.ctx, req.params.date, null, req.query.acknowledgeConflicts ?? false),
  );
}
