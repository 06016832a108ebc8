/**
 * `heza calendar …`: working-day calendar commands (add-working-days, show).
 * Messages are Vietnamese first, English in parentheses; bad input exits with code 2.
 */

import { type Command, Help } from 'commander';
import { getCalendar } from '../../../../apps/server/src/modules/calendar/service.ts';
import {
  CalendarError,
  createCalendar,
  type NamedDay,
  OFFICIAL_TABLE_2024_2026,
  WEEKDAY_NAMES,
  type WorkingDayCalendar,
} from '../../../shared/src/calendar/index.ts';
import { withDatabase } from '../database.ts';

/**
 * The calendar the CLI counts on: the rules plus the administrators' official table from the database.
 * When the database cannot be opened (e.g. the platform is running on the same embedded data folder), the
 * table shipped with this version is used instead and a note says so on stderr.
 */
export async function loadCalendar(): Promise<WorkingDayCalendar> {
  try {
    return await withDatabase((db) => getCalendar(db));
  } catch (err) {
    process.stderr.write(
      `Lưu ý: không mở được CSDL (${(err as Error).message.split('\n')[0]}); dùng bảng ngày nghỉ kèm phiên bản.\n` +
        '(Note: database unavailable; using the shipped official table.)\n',
    );
    return createCalendar(OFFICIAL_TABLE_2024_2026);
  }
}

const EXIT_BAD_INPUT = 2;

function write(cmd: Command, text: string): void {
  const writeOut = cmd.configureOutput().writeOut;
  if (writeOut) writeOut(text);
  else process.stdout.write(text);
}

function fail(cmd: Command, message: string, code: string): never {
  cmd.error(message, { exitCode: EXIT_BAD_INPUT, code });
  // cmd.error exits (or throws under exitOverride); this line is never reached.
  throw new Error(message);
}

function failFromCalendar(cmd: Command, cal: WorkingDayCalendar, e: unknown, input: string): never {
  if (e instanceof CalendarError && e.code === 'OUT_OF_RANGE') {
    fail(
      cmd,
      `Lỗi: "${input}" nằm ngoài phạm vi lịch, chỉ hỗ trợ các năm ${cal.minYear}–${cal.maxYear}. ` +
        `(Error: outside the supported years ${cal.minYear}–${cal.maxYear}.)`,
      'heza.calendar.outOfRange',
    );
  }
  throw e;
}

function line(day: NamedDay): string {
  const wd = WEEKDAY_NAMES[day.weekday]!;
  return `${day.date}  ${wd.vi} (${wd.en})  ${day.name.vi} (${day.name.en})`;
}

/** Adds `calendar add-working-days <date> <n>` and `calendar show <year>` to the program. */
export function registerCalendarCommands(program: Command): Command {
  const calendar = program
    .command('calendar')
    .description(
      'Lịch ngày làm việc: ngày lễ, nghỉ bù, làm bù (working-day calendar: holidays, days off, make-up days)',
    );
  // The subcommands declare their arguments optional (see below); list them with their <required> usage.
  const defaultHelp = new Help();
  calendar.configureHelp({
    subcommandTerm: (cmd) =>
      cmd.registeredArguments.length > 0 ? `${cmd.name()} ${cmd.usage()}` : defaultHelp.subcommandTerm(cmd),
  });

  calendar
    .command('add-working-days')
    .description(
      'In ra ngày sau <date> đúng <n> ngày làm việc, không tính ngày bắt đầu ' +
        '(print the date <n> working days after <date>, the start day not counted)',
    )
    // Declared optional so that a missing or extra argument gets the Vietnamese message and exit code 2
    // below instead of commander's English one (exit code 1); the usage line still shows them as required.
    .usage('<date> <n>')
    .argument('[date]', 'ngày bắt đầu, dạng YYYY-MM-DD (start date, YYYY-MM-DD)')
    .argument('[n]', 'số ngày làm việc, số nguyên >= 0 (number of working days, integer >= 0)')
    .allowExcessArguments(true)
    .addHelpText(
      'after',
      [
        '',
        'Ví dụ (example):',
        '  $ heza calendar add-working-days 2026-02-12 5',
        '  2026-02-26',
        '',
        'Ngày bắt đầu không được tính; nghỉ Tết, nghỉ bù và thứ Bảy làm bù theo bảng lịch chính thức.',
        '(The start day is not counted; holidays, days off and make-up Saturdays follow the official table.)',
        'Mã thoát 2 nếu ngày hoặc số ngày không hợp lệ. (Exit code 2 on a bad date or n.)',
      ].join('\n'),
    )
    .action(async function (this: Command, date: string | undefined, n: string | undefined) {
      if (date === undefined || n === undefined || this.args.length > 2) {
        fail(
          this,
          'Lỗi: cần đúng hai tham số <date> <n>, ví dụ: heza calendar add-working-days 2026-02-12 5. ' +
            '(Error: exactly two arguments <date> <n> are required.)',
          'heza.calendar.arguments',
        );
      }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDate(date)) {
        fail(
          this,
          `Lỗi: ngày "${date}" không hợp lệ; hãy nhập ngày dạng YYYY-MM-DD, ví dụ 2026-02-12. ` +
            '(Error: invalid date; use YYYY-MM-DD.)',
          'heza.calendar.invalidDate',
        );
      }
      const count = /^\d{1,6}$/.test(n) ? Number(n) : Number.NaN;
      if (!Number.isSafeInteger(count)) {
        fail(
          this,
          `Lỗi: số ngày làm việc "${n}" không hợp lệ; hãy nhập số nguyên từ 0 đến 999999, ví dụ 5. ` +
            '(Error: invalid number of working days; use an integer from 0 to 999999.)',
          'heza.calendar.invalidCount',
        );
      }
      const cal = await loadCalendar();
      let result: string;
      try {
        result = cal.addWorkingDays(date, count);
      } catch (e) {
        failFromCalendar(this, cal, e, date);
      }
      write(this, `${result}\n`);
    });

  calendar
    .command('show')
    .description(
      'Liệt kê ngày nghỉ rơi vào thứ Hai–thứ Sáu và ngày làm việc vào cuối tuần của một năm ' +
        '(list the non-working weekdays and the working weekend days of a year)',
    )
    .usage('<year>')
    .argument('[year]', 'năm, dạng YYYY (year, YYYY)')
    .allowExcessArguments(true)
    .addHelpText(
      'after',
      [
        '',
        'Ví dụ (example):',
        '  $ heza calendar show 2026',
        '',
        'Mỗi dòng: ngày, thứ, tên ngày nghỉ/làm bù (one line per day: date, weekday, name).',
        'Mã thoát 2 nếu năm không hợp lệ. (Exit code 2 on a bad year.)',
      ].join('\n'),
    )
    .action(async function (this: Command, yearArg: string | undefined) {
      if (yearArg === undefined || this.args.length > 1) {
        fail(
          this,
          'Lỗi: cần đúng một tham số <year>, ví dụ: heza calendar show 2026. (Error: exactly one argument <year> is required.)',
          'heza.calendar.arguments',
        );
      }
      const year = /^\d{4}$/.test(yearArg) ? Number(yearArg) : Number.NaN;
      if (!Number.isInteger(year)) {
        fail(
          this,
          `Lỗi: năm "${yearArg}" không hợp lệ; hãy nhập năm dạng YYYY, ví dụ 2026. (Error: invalid year; use YYYY.)`,
          'heza.calendar.invalidYear',
        );
      }
      const cal = await loadCalendar();
      let off: NamedDay[];
      let on: NamedDay[];
      try {
        off = cal.nonWorkingWeekdays(year);
        on = cal.workingWeekendDays(year);
      } catch (e) {
        failFromCalendar(this, cal, e, yearArg);
      }
      const lines: string[] = [];
      lines.push(`Ngày nghỉ từ thứ Hai đến thứ Sáu năm ${year} (non-working weekdays in ${year}):`);
      lines.push(...(off.length ? off.map(line) : ['(không có) (none)']));
      lines.push(`Ngày làm việc vào thứ Bảy, Chủ nhật năm ${year} (working weekend days in ${year}):`);
      lines.push(...(on.length ? on.map(line) : ['(không có) (none)']));
      for (const p of cal.pendingDecisions(year)) {
        lines.push(
          `Lưu ý: bảng lịch chính thức năm ${year} chưa xác nhận ${p.name.vi}: ${p.dates.join(', ')} ` +
            `(note: the official table for ${year} does not yet settle ${p.name.en})`,
        );
      }
      write(this, `${lines.join('\n')}\n`);
    });

  return calendar;
}

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const dim = [
    31,
    (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return m >= 1 && m <= 12 && d >= 1 && d <= dim[m - 1]!;
}
