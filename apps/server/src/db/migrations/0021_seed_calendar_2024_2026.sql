-- The official calendar rows shipped with the platform: exactly OFFICIAL_TABLE_2024_2026 of
-- packages/shared/src/calendar/official-table.ts (what docs/domain-vn.md §3 confirms for 2024–2026).
-- From here on administrators maintain the table (PUT /api/calendar/official-days/:date); a later change
-- of the shipped constant needs a new data migration (calendar-table.test.ts compares both).
insert into calendar_official_days (date, kind, name_vi, name_en, source) values
  ('2024-01-01', 'holiday', 'Tết Dương lịch', 'New Year''s Day', 'BLLĐ 2019 Art. 112(1) (fixed date); domain-vn §3.1 [C]'),
  ('2024-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', 'Reunification Day', 'BLLĐ 2019 Art. 112(1) (fixed date); domain-vn §3.1 [C]'),
  ('2024-05-01', 'holiday', 'Ngày Quốc tế Lao động', 'International Workers'' Day', 'BLLĐ 2019 Art. 112(1) (fixed date); domain-vn §3.1 [C]'),
  ('2024-09-02', 'holiday', 'Quốc khánh', 'National Day', 'BLLĐ 2019 Art. 112(1) (fixed date); domain-vn §3.1 [C]'),
  ('2024-02-10', 'holiday', 'Tết Âm lịch (mùng 1)', 'Lunar New Year (day 1)', 'domain-vn §3.3 [C] (lunar-date-vn 1.0.6 and date-holidays 3.37.0 agree)'),
  ('2024-04-18', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hùng Kings Commemoration Day', 'domain-vn §3.3 [C] (lunar-date-vn 1.0.6 and date-holidays 3.37.0 agree)'),
  ('2025-01-01', 'holiday', 'Tết Dương lịch', 'New Year''s Day', 'BLLĐ 2019 Art. 112(1) (fixed date); domain-vn §3.1 [C]'),
  ('2025-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', 'Reunification Day', 'BLLĐ 2019 Art. 112(1) (fixed date); domain-vn §3.1 [C]'),
  ('2025-05-01', 'holiday', 'Ngày Quốc tế Lao động', 'International Workers'' Day', 'BLLĐ 2019 Art. 112(1) (fixed date); domain-vn §3.1 [C]'),
  ('2025-09-02', 'holiday', 'Quốc khánh', 'National Day', 'BLLĐ 2019 Art. 112(1) (fixed date); domain-vn §3.1 [C]'),
  ('2025-01-29', 'holiday', 'Tết Âm lịch (mùng 1)', 'Lunar New Year (day 1)', 'domain-vn §3.3 [C] (lunar-date-vn 1.0.6 and date-holidays 3.37.0 agree)'),
  ('2025-04-07', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hùng Kings Commemoration Day', 'domain-vn §3.3 [C] (lunar-date-vn 1.0.6 and date-holidays 3.37.0 agree)'),
  ('2026-01-01', 'holiday', 'Tết Dương lịch', 'New Year''s Day', 'VPCP letter 12729/VPCP-KGVX of 25/12/2025; domain-vn §3.2 [C]'),
  ('2026-01-02', 'day_off', 'Nghỉ Tết Dương lịch (hoán đổi, làm bù thứ Bảy 10/01/2026)', 'New Year day off (swapped; made up on Saturday 10 Jan 2026)', 'VPCP letter 12729/VPCP-KGVX of 25/12/2025; domain-vn §3.2 [C]'),
  ('2026-01-10', 'working_day', 'Làm bù cho thứ Sáu 02/01/2026', 'Make-up working day for Friday 2 Jan 2026', 'VPCP letter 12729/VPCP-KGVX of 25/12/2025; domain-vn §3.2 [C]'),
  ('2026-02-16', 'holiday', 'Tết Âm lịch (ngày cuối năm âm lịch)', 'Lunar New Year (lunar New Year''s Eve)', 'congan.com.vn/?catid=702&id=388656; xaydungchinhsach.chinhphu.vn …-119251002130522291.htm; domain-vn §3.2 [C]'),
  ('2026-02-17', 'holiday', 'Tết Âm lịch (mùng 1)', 'Lunar New Year (day 1)', 'congan.com.vn/?catid=702&id=388656; xaydungchinhsach.chinhphu.vn …-119251002130522291.htm; domain-vn §3.2 [C]'),
  ('2026-02-18', 'holiday', 'Tết Âm lịch (mùng 2)', 'Lunar New Year (day 2)', 'congan.com.vn/?catid=702&id=388656; xaydungchinhsach.chinhphu.vn …-119251002130522291.htm; domain-vn §3.2 [C]'),
  ('2026-02-19', 'holiday', 'Tết Âm lịch (mùng 3)', 'Lunar New Year (day 3)', 'congan.com.vn/?catid=702&id=388656; xaydungchinhsach.chinhphu.vn …-119251002130522291.htm; domain-vn §3.2 [C]'),
  ('2026-02-20', 'holiday', 'Tết Âm lịch (mùng 4)', 'Lunar New Year (day 4)', 'congan.com.vn/?catid=702&id=388656; xaydungchinhsach.chinhphu.vn …-119251002130522291.htm; domain-vn §3.2 [C]'),
  ('2026-04-26', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hùng Kings Commemoration Day', 'thanhnien.vn 2026 holiday schedule + repos; domain-vn §3.2 [C]'),
  ('2026-04-27', 'day_off', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)', 'Compensatory day off for Hùng Kings Day (26 Apr is a Sunday)', 'BLLĐ 2019 Art. 111(3); thanhnien.vn 2026 holiday schedule + repos; domain-vn §3.2 [C]'),
  ('2026-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', 'Reunification Day', 'thanhnien.vn 2026 holiday schedule + repos; domain-vn §3.2 [C]'),
  ('2026-05-01', 'holiday', 'Ngày Quốc tế Lao động', 'International Workers'' Day', 'thanhnien.vn 2026 holiday schedule + repos; domain-vn §3.2 [C]'),
  ('2026-09-02', 'holiday', 'Quốc khánh', 'National Day', 'BLLĐ 2019 Art. 112(1) (fixed date); domain-vn §3.1 [C]'),
  ('2026-11-24', 'holiday', 'Ngày Văn hóa Việt Nam', 'Vietnamese Culture Day', 'Nghị quyết 28/2026/QH16 Art. 2 (from 01/7/2026); domain-vn §3.1 [C]');
update calendar_state set revision = revision + 1;
