-- The shipped procedure catalogue (product data, not demo): procedures an economic-zone authority handles.
-- Every fact is [M] until checked against the city's current procedure publication decision (quyết định công
-- bố TTHC) and the 2025–2026 texts of docs/domain-vn.md §0; administrators add versions through the API.
-- The agency identifier 000.00.00.Z99 is a placeholder: set the authority's own identifier
-- (TT 10/2016/TT-BTTTT; QĐ 20/2020/QĐ-TTg) before the first dossier is received.

insert into one_stop_offices (code, name_vi, name_en, parent_vi, place_vi, address_vi, phone, email, is_default) values
  ('000.00.00.Z99', 'BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG', 'Hai Phong Economic Zone Authority', 'UBND THÀNH PHỐ HẢI PHÒNG', 'Hải Phòng',
   'Bộ phận Một cửa, Ban Quản lý Khu kinh tế Hải Phòng', null, null, true);

-- BQL-DT-01: Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư
insert into procedures (code, version, effective_from, name_vi, name_en, field_code, field_vi, field_en, office_code, lead_unit,
  time_limit_days, cutoff, online_level, supplement_clock, result_vi, result_en, legal_basis, note) values
  ('BQL-DT-01', 1, '2025-07-01', 'Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư', 'Issue of an investment registration certificate for a project not subject to investment policy approval', 'DT', 'Đầu tư tại Việt Nam', 'Investment in Viet Nam', '000.00.00.Z99', 'investment_management',
   15, '15:00', 'partial', 'restart', 'Giấy chứng nhận đăng ký đầu tư', 'Investment registration certificate', 'Luật Đầu tư 143/2025/QH15; NĐ 96/2026/NĐ-CP; TT 55/2026/TT-BTC (mẫu biểu) [S+]', 'Thời hạn, thành phần hồ sơ và phí chưa được đối chiếu với quyết định công bố TTHC hiện hành của thành phố [M]; xem docs/domain-vn.md §0, §7.');
insert into procedure_documents (procedure_id, position, key, name_vi, name_en, originals, copies, required) values
  ((select id from procedures where code = 'BQL-DT-01' and version = 1), 0, 'application', 'Văn bản đề nghị thực hiện dự án đầu tư', 'Application to implement the investment project', 1, 0, true),
  ((select id from procedures where code = 'BQL-DT-01' and version = 1), 1, 'investor_legal_status', 'Tài liệu về tư cách pháp lý của nhà đầu tư', 'Documents on the investor''s legal status', 0, 1, true),
  ((select id from procedures where code = 'BQL-DT-01' and version = 1), 2, 'financial_capacity', 'Tài liệu chứng minh năng lực tài chính của nhà đầu tư', 'Proof of the investor''s financial capacity', 0, 1, true),
  ((select id from procedures where code = 'BQL-DT-01' and version = 1), 3, 'project_proposal', 'Đề xuất dự án đầu tư', 'Investment project proposal', 1, 0, true),
  ((select id from procedures where code = 'BQL-DT-01' and version = 1), 4, 'land_document', 'Bản sao thỏa thuận thuê đất, thuê nhà xưởng hoặc giấy tờ về quyền sử dụng địa điểm', 'Copy of the land or factory lease agreement or other right to use the site', 0, 1, true),
  ((select id from procedures where code = 'BQL-DT-01' and version = 1), 5, 'technology_explanation', 'Giải trình về công nghệ sử dụng (dự án thuộc diện thẩm định công nghệ)', 'Explanation of the technology used (projects subject to technology appraisal)', 1, 0, false),
  ((select id from procedures where code = 'BQL-DT-01' and version = 1), 6, 'power_of_attorney', 'Văn bản ủy quyền (khi người khác nộp thay)', 'Power of attorney (when someone else files)', 1, 0, false);
insert into procedure_steps (procedure_id, position, key, name_vi, name_en, unit, role, days) values
  ((select id from procedures where code = 'BQL-DT-01' and version = 1), 0, 'appraisal', 'Thẩm định hồ sơ, dự thảo kết quả', 'Appraise the dossier and draft the result', 'investment_management', 'staff', 11),
  ((select id from procedures where code = 'BQL-DT-01' and version = 1), 1, 'approval', 'Lãnh đạo Ban xem xét, ký duyệt', 'Review and signature by the authority leader', 'investment_management', 'leader', 3),
  ((select id from procedures where code = 'BQL-DT-01' and version = 1), 2, 'issue', 'Vào sổ, đóng dấu, phát hành kết quả', 'Register, seal and issue the result', 'office', 'staff', 1);
insert into procedure_fees (procedure_id, position, name_vi, name_en, amount_vnd, note_vi, note_en) values
  ((select id from procedures where code = 'BQL-DT-01' and version = 1), 0, 'Không thu phí, lệ phí', 'No fee or charge', 0, null, null);

-- BQL-DT-02: Điều chỉnh Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư
insert into procedures (code, version, effective_from, name_vi, name_en, field_code, field_vi, field_en, office_code, lead_unit,
  time_limit_days, cutoff, online_level, supplement_clock, result_vi, result_en, legal_basis, note) values
  ('BQL-DT-02', 1, '2025-07-01', 'Điều chỉnh Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư', 'Adjustment of an investment registration certificate (project not subject to investment policy approval)', 'DT', 'Đầu tư tại Việt Nam', 'Investment in Viet Nam', '000.00.00.Z99', 'investment_management',
   10, '15:00', 'full', 'restart', 'Giấy chứng nhận đăng ký đầu tư điều chỉnh', 'Adjusted investment registration certificate', 'Luật Đầu tư 143/2025/QH15; NĐ 96/2026/NĐ-CP [S+]', 'Thời hạn, thành phần hồ sơ và phí chưa được đối chiếu với quyết định công bố TTHC hiện hành của thành phố [M]; xem docs/domain-vn.md §0, §7.');
insert into procedure_documents (procedure_id, position, key, name_vi, name_en, originals, copies, required) values
  ((select id from procedures where code = 'BQL-DT-02' and version = 1), 0, 'application', 'Văn bản đề nghị điều chỉnh dự án đầu tư', 'Application to adjust the investment project', 1, 0, true),
  ((select id from procedures where code = 'BQL-DT-02' and version = 1), 1, 'progress_report', 'Báo cáo tình hình triển khai dự án đầu tư đến thời điểm điều chỉnh', 'Report on the project implementation up to the adjustment', 1, 0, true),
  ((select id from procedures where code = 'BQL-DT-02' and version = 1), 2, 'adjustment_decision', 'Quyết định của nhà đầu tư về việc điều chỉnh dự án', 'The investor''s decision on the adjustment', 1, 0, true),
  ((select id from procedures where code = 'BQL-DT-02' and version = 1), 3, 'supporting_documents', 'Tài liệu liên quan đến nội dung điều chỉnh', 'Documents supporting the adjusted content', 0, 1, true),
  ((select id from procedures where code = 'BQL-DT-02' and version = 1), 4, 'power_of_attorney', 'Văn bản ủy quyền (khi người khác nộp thay)', 'Power of attorney (when someone else files)', 1, 0, false);
insert into procedure_steps (procedure_id, position, key, name_vi, name_en, unit, role, days) values
  ((select id from procedures where code = 'BQL-DT-02' and version = 1), 0, 'appraisal', 'Thẩm định hồ sơ, dự thảo kết quả', 'Appraise the dossier and draft the result', 'investment_management', 'staff', 7),
  ((select id from procedures where code = 'BQL-DT-02' and version = 1), 1, 'approval', 'Lãnh đạo Ban xem xét, ký duyệt', 'Review and signature by the authority leader', 'investment_management', 'leader', 2),
  ((select id from procedures where code = 'BQL-DT-02' and version = 1), 2, 'issue', 'Vào sổ, đóng dấu, phát hành kết quả', 'Register, seal and issue the result', 'office', 'staff', 1);
insert into procedure_fees (procedure_id, position, name_vi, name_en, amount_vnd, note_vi, note_en) values
  ((select id from procedures where code = 'BQL-DT-02' and version = 1), 0, 'Không thu phí, lệ phí', 'No fee or charge', 0, null, null);

-- BQL-DT-03: Cấp lại Giấy chứng nhận đăng ký đầu tư
insert into procedures (code, version, effective_from, name_vi, name_en, field_code, field_vi, field_en, office_code, lead_unit,
  time_limit_days, cutoff, online_level, supplement_clock, result_vi, result_en, legal_basis, note) values
  ('BQL-DT-03', 1, '2025-07-01', 'Cấp lại Giấy chứng nhận đăng ký đầu tư', 'Re-issue of an investment registration certificate', 'DT', 'Đầu tư tại Việt Nam', 'Investment in Viet Nam', '000.00.00.Z99', 'investment_management',
   5, '15:00', 'full', 'restart', 'Giấy chứng nhận đăng ký đầu tư (cấp lại)', 'Re-issued investment registration certificate', 'Luật Đầu tư 143/2025/QH15; NĐ 96/2026/NĐ-CP [S+]', 'Thời hạn, thành phần hồ sơ và phí chưa được đối chiếu với quyết định công bố TTHC hiện hành của thành phố [M]; xem docs/domain-vn.md §0, §7.');
insert into procedure_documents (procedure_id, position, key, name_vi, name_en, originals, copies, required) values
  ((select id from procedures where code = 'BQL-DT-03' and version = 1), 0, 'application', 'Văn bản đề nghị cấp lại Giấy chứng nhận đăng ký đầu tư', 'Application for re-issue of the certificate', 1, 0, true),
  ((select id from procedures where code = 'BQL-DT-03' and version = 1), 1, 'power_of_attorney', 'Văn bản ủy quyền (khi người khác nộp thay)', 'Power of attorney (when someone else files)', 1, 0, false);
insert into procedure_steps (procedure_id, position, key, name_vi, name_en, unit, role, days) values
  ((select id from procedures where code = 'BQL-DT-03' and version = 1), 0, 'appraisal', 'Thẩm định hồ sơ, dự thảo kết quả', 'Appraise the dossier and draft the result', 'investment_management', 'staff', 3),
  ((select id from procedures where code = 'BQL-DT-03' and version = 1), 1, 'approval', 'Lãnh đạo Ban xem xét, ký duyệt', 'Review and signature by the authority leader', 'investment_management', 'leader', 1),
  ((select id from procedures where code = 'BQL-DT-03' and version = 1), 2, 'issue', 'Vào sổ, đóng dấu, phát hành kết quả', 'Register, seal and issue the result', 'office', 'staff', 1);
insert into procedure_fees (procedure_id, position, name_vi, name_en, amount_vnd, note_vi, note_en) values
  ((select id from procedures where code = 'BQL-DT-03' and version = 1), 0, 'Không thu phí, lệ phí', 'No fee or charge', 0, null, null);

-- BQL-DT-04: Đăng ký góp vốn, mua cổ phần, mua phần vốn góp của nhà đầu tư nước ngoài
insert into procedures (code, version, effective_from, name_vi, name_en, field_code, field_vi, field_en, office_code, lead_unit,
  time_limit_days, cutoff, online_level, supplement_clock, result_vi, result_en, legal_basis, note) values
  ('BQL-DT-04', 1, '2025-07-01', 'Đăng ký góp vốn, mua cổ phần, mua phần vốn góp của nhà đầu tư nước ngoài', 'Registration of a capital contribution or share purchase by a foreign investor', 'DT', 'Đầu tư tại Việt Nam', 'Investment in Viet Nam', '000.00.00.Z99', 'investment_management',
   15, '15:00', 'partial', 'restart', 'Thông báo đáp ứng điều kiện góp vốn, mua cổ phần', 'Notice that the contribution or purchase meets the conditions', 'Luật Đầu tư 143/2025/QH15; NĐ 96/2026/NĐ-CP [S+]', 'Thời hạn, thành phần hồ sơ và phí chưa được đối chiếu với quyết định công bố TTHC hiện hành của thành phố [M]; xem docs/domain-vn.md §0, §7.');
insert into procedure_documents (procedure_id, position, key, name_vi, name_en, originals, copies, required) values
  ((select id from procedures where code = 'BQL-DT-04' and version = 1), 0, 'application', 'Văn bản đăng ký góp vốn, mua cổ phần, mua phần vốn góp', 'Registration of the contribution or purchase', 1, 0, true),
  ((select id from procedures where code = 'BQL-DT-04' and version = 1), 1, 'investor_legal_status', 'Bản sao giấy tờ pháp lý của nhà đầu tư và tổ chức kinh tế nhận vốn góp', 'Copies of the legal documents of the investor and the receiving company', 0, 1, true),
  ((select id from procedures where code = 'BQL-DT-04' and version = 1), 2, 'principle_agreement', 'Văn bản thỏa thuận nguyên tắc về việc góp vốn, mua cổ phần', 'Agreement in principle on the contribution or purchase', 0, 1, true),
  ((select id from procedures where code = 'BQL-DT-04' and version = 1), 3, 'land_certificate', 'Bản sao giấy chứng nhận quyền sử dụng đất (nếu có)', 'Copy of the land-use right certificate (if any)', 0, 1, false),
  ((select id from procedures where code = 'BQL-DT-04' and version = 1), 4, 'power_of_attorney', 'Văn bản ủy quyền (khi người khác nộp thay)', 'Power of attorney (when someone else files)', 1, 0, false);
insert into procedure_steps (procedure_id, position, key, name_vi, name_en, unit, role, days) values
  ((select id from procedures where code = 'BQL-DT-04' and version = 1), 0, 'appraisal', 'Thẩm định hồ sơ, dự thảo kết quả', 'Appraise the dossier and draft the result', 'investment_management', 'staff', 11),
  ((select id from procedures where code = 'BQL-DT-04' and version = 1), 1, 'approval', 'Lãnh đạo Ban xem xét, ký duyệt', 'Review and signature by the authority leader', 'investment_management', 'leader', 3),
  ((select id from procedures where code = 'BQL-DT-04' and version = 1), 2, 'issue', 'Vào sổ, đóng dấu, phát hành kết quả', 'Register, seal and issue the result', 'office', 'staff', 1);
insert into procedure_fees (procedure_id, position, name_vi, name_en, amount_vnd, note_vi, note_en) values
  ((select id from procedures where code = 'BQL-DT-04' and version = 1), 0, 'Không thu phí, lệ phí', 'No fee or charge', 0, null, null);

-- BQL-DT-05: Chấm dứt hoạt động dự án đầu tư
insert into procedures (code, version, effective_from, name_vi, name_en, field_code, field_vi, field_en, office_code, lead_unit,
  time_limit_days, cutoff, online_level, supplement_clock, result_vi, result_en, legal_basis, note) values
  ('BQL-DT-05', 1, '2025-07-01', 'Chấm dứt hoạt động dự án đầu tư', 'Termination of an investment project', 'DT', 'Đầu tư tại Việt Nam', 'Investment in Viet Nam', '000.00.00.Z99', 'enterprise_supervision',
   15, '15:00', 'partial', 'restart', 'Quyết định chấm dứt hoạt động dự án đầu tư', 'Decision terminating the investment project', 'Luật Đầu tư 143/2025/QH15; NĐ 96/2026/NĐ-CP [S+]', 'Thời hạn, thành phần hồ sơ và phí chưa được đối chiếu với quyết định công bố TTHC hiện hành của thành phố [M]; xem docs/domain-vn.md §0, §7.');
insert into procedure_documents (procedure_id, position, key, name_vi, name_en, originals, copies, required) values
  ((select id from procedures where code = 'BQL-DT-05' and version = 1), 0, 'notice', 'Thông báo, quyết định chấm dứt hoạt động dự án đầu tư của nhà đầu tư', 'The investor''s notice or decision to terminate the project', 1, 0, true),
  ((select id from procedures where code = 'BQL-DT-05' and version = 1), 1, 'certificate_original', 'Bản gốc Giấy chứng nhận đăng ký đầu tư', 'Original investment registration certificate', 1, 0, true),
  ((select id from procedures where code = 'BQL-DT-05' and version = 1), 2, 'liquidation_report', 'Báo cáo thanh lý dự án, nghĩa vụ tài chính và người lao động', 'Report on the liquidation, financial and labour obligations', 1, 0, true);
insert into procedure_steps (procedure_id, position, key, name_vi, name_en, unit, role, days) values
  ((select id from procedures where code = 'BQL-DT-05' and version = 1), 0, 'appraisal', 'Thẩm định hồ sơ, dự thảo kết quả', 'Appraise the dossier and draft the result', 'enterprise_supervision', 'staff', 11),
  ((select id from procedures where code = 'BQL-DT-05' and version = 1), 1, 'approval', 'Lãnh đạo Ban xem xét, ký duyệt', 'Review and signature by the authority leader', 'enterprise_supervision', 'leader', 3),
  ((select id from procedures where code = 'BQL-DT-05' and version = 1), 2, 'issue', 'Vào sổ, đóng dấu, phát hành kết quả', 'Register, seal and issue the result', 'office', 'staff', 1);
insert into procedure_fees (procedure_id, position, name_vi, name_en, amount_vnd, note_vi, note_en) values
  ((select id from procedures where code = 'BQL-DT-05' and version = 1), 0, 'Không thu phí, lệ phí', 'No fee or charge', 0, null, null);

-- BQL-XD-01: Cấp giấy phép xây dựng mới đối với công trình trong khu công nghiệp, khu kinh tế
insert into procedures (code, version, effective_from, name_vi, name_en, field_code, field_vi, field_en, office_code, lead_unit,
  time_limit_days, cutoff, online_level, supplement_clock, result_vi, result_en, legal_basis, note) values
  ('BQL-XD-01', 1, '2025-07-01', 'Cấp giấy phép xây dựng mới đối với công trình trong khu công nghiệp, khu kinh tế', 'Construction permit for a new building in an industrial park or economic zone', 'XD', 'Hoạt động xây dựng', 'Construction', '000.00.00.Z99', 'planning_construction',
   20, '15:00', 'partial', 'restart', 'Giấy phép xây dựng', 'Construction permit', 'Luật Xây dựng 2014 (sửa đổi 2020) Điều 102; NĐ 175/2024/NĐ-CP [M]', 'Thời hạn, thành phần hồ sơ và phí chưa được đối chiếu với quyết định công bố TTHC hiện hành của thành phố [M]; xem docs/domain-vn.md §0, §7.');
insert into procedure_documents (procedure_id, position, key, name_vi, name_en, originals, copies, required) values
  ((select id from procedures where code = 'BQL-XD-01' and version = 1), 0, 'application', 'Đơn đề nghị cấp giấy phép xây dựng', 'Application for a construction permit', 1, 0, true),
  ((select id from procedures where code = 'BQL-XD-01' and version = 1), 1, 'land_right', 'Bản sao giấy tờ chứng minh quyền sử dụng đất', 'Copy of the land-use right documents', 0, 1, true),
  ((select id from procedures where code = 'BQL-XD-01' and version = 1), 2, 'design_appraisal', 'Văn bản thông báo kết quả thẩm định thiết kế của cơ quan chuyên môn', 'Notice of the design appraisal by the specialised agency', 0, 1, true),
  ((select id from procedures where code = 'BQL-XD-01' and version = 1), 3, 'fire_safety', 'Văn bản thẩm duyệt thiết kế về phòng cháy, chữa cháy (nếu thuộc diện)', 'Fire-safety design approval (when required)', 0, 1, false),
  ((select id from procedures where code = 'BQL-XD-01' and version = 1), 4, 'environment_decision', 'Quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường hoặc giấy phép môi trường (nếu có)', 'EIA approval decision or environmental permit (if any)', 0, 1, false),
  ((select id from procedures where code = 'BQL-XD-01' and version = 1), 5, 'drawings', 'Hai bộ bản vẽ thiết kế xây dựng', 'Two sets of construction design drawings', 2, 0, true),
  ((select id from procedures where code = 'BQL-XD-01' and version = 1), 6, 'power_of_attorney', 'Văn bản ủy quyền (khi người khác nộp thay)', 'Power of attorney (when someone else files)', 1, 0, false);
insert into procedure_steps (procedure_id, position, key, name_vi, name_en, unit, role, days) values
  ((select id from procedures where code = 'BQL-XD-01' and version = 1), 0, 'appraisal', 'Thẩm định hồ sơ, kiểm tra thực địa', 'Appraise the dossier and inspect the site', 'planning_construction', 'staff', 15),
  ((select id from procedures where code = 'BQL-XD-01' and version = 1), 1, 'approval', 'Lãnh đạo Ban xem xét, ký giấy phép', 'Review and signature of the permit by the authority leader', 'planning_construction', 'leader', 4),
  ((select id from procedures where code = 'BQL-XD-01' and version = 1), 2, 'issue', 'Vào sổ, đóng dấu, phát hành kết quả', 'Register, seal and issue the result', 'office', 'staff', 1);
insert into procedure_fees (procedure_id, position, name_vi, name_en, amount_vnd, note_vi, note_en) values
  ((select id from procedures where code = 'BQL-XD-01' and version = 1), 0, 'Lệ phí cấp giấy phép xây dựng', 'Construction permit fee', null, 'Theo nghị quyết của HĐND thành phố (cần xác nhận mức thu)', 'Set by a resolution of the city People''s Council (amount to be confirmed)');

-- BQL-XD-02: Gia hạn giấy phép xây dựng
insert into procedures (code, version, effective_from, name_vi, name_en, field_code, field_vi, field_en, office_code, lead_unit,
  time_limit_days, cutoff, online_level, supplement_clock, result_vi, result_en, legal_basis, note) values
  ('BQL-XD-02', 1, '2025-07-01', 'Gia hạn giấy phép xây dựng', 'Extension of a construction permit', 'XD', 'Hoạt động xây dựng', 'Construction', '000.00.00.Z99', 'planning_construction',
   5, '15:00', 'full', 'restart', 'Giấy phép xây dựng được gia hạn', 'Extended construction permit', 'Luật Xây dựng 2014 (sửa đổi 2020) Điều 99, 102 [M]', 'Thời hạn, thành phần hồ sơ và phí chưa được đối chiếu với quyết định công bố TTHC hiện hành của thành phố [M]; xem docs/domain-vn.md §0, §7.');
insert into procedure_documents (procedure_id, position, key, name_vi, name_en, originals, copies, required) values
  ((select id from procedures where code = 'BQL-XD-02' and version = 1), 0, 'application', 'Đơn đề nghị gia hạn giấy phép xây dựng', 'Application to extend the construction permit', 1, 0, true),
  ((select id from procedures where code = 'BQL-XD-02' and version = 1), 1, 'permit_original', 'Bản chính giấy phép xây dựng đã được cấp', 'Original of the construction permit', 1, 0, true);
insert into procedure_steps (procedure_id, position, key, name_vi, name_en, unit, role, days) values
  ((select id from procedures where code = 'BQL-XD-02' and version = 1), 0, 'appraisal', 'Thẩm định hồ sơ, dự thảo kết quả', 'Appraise the dossier and draft the result', 'planning_construction', 'staff', 3),
  ((select id from procedures where code = 'BQL-XD-02' and version = 1), 1, 'approval', 'Lãnh đạo Ban xem xét, ký duyệt', 'Review and signature by the authority leader', 'planning_construction', 'leader', 1),
  ((select id from procedures where code = 'BQL-XD-02' and version = 1), 2, 'issue', 'Vào sổ, đóng dấu, phát hành kết quả', 'Register, seal and issue the result', 'office', 'staff', 1);
insert into procedure_fees (procedure_id, position, name_vi, name_en, amount_vnd, note_vi, note_en) values
  ((select id from procedures where code = 'BQL-XD-02' and version = 1), 0, 'Lệ phí gia hạn giấy phép xây dựng', 'Permit extension fee', null, 'Theo nghị quyết của HĐND thành phố (cần xác nhận mức thu)', 'Set by a resolution of the city People''s Council (amount to be confirmed)');

-- BQL-QH-01: Thẩm định, phê duyệt quy hoạch chi tiết xây dựng tỷ lệ 1/500 trong khu công nghiệp
insert into procedures (code, version, effective_from, name_vi, name_en, field_code, field_vi, field_en, office_code, lead_unit,
  time_limit_days, cutoff, online_level, supplement_clock, result_vi, result_en, legal_basis, note) values
  ('BQL-QH-01', 1, '2025-07-01', 'Thẩm định, phê duyệt quy hoạch chi tiết xây dựng tỷ lệ 1/500 trong khu công nghiệp', 'Appraisal and approval of a 1/500 detailed construction plan in an industrial park', 'QH', 'Quy hoạch xây dựng', 'Construction planning', '000.00.00.Z99', 'planning_construction',
   20, '15:00', 'none', 'restart', 'Quyết định phê duyệt quy hoạch chi tiết', 'Decision approving the detailed plan', 'Luật Quy hoạch đô thị và nông thôn 2024 [M]', 'Thời hạn, thành phần hồ sơ và phí chưa được đối chiếu với quyết định công bố TTHC hiện hành của thành phố [M]; xem docs/domain-vn.md §0, §7.');
insert into procedure_documents (procedure_id, position, key, name_vi, name_en, originals, copies, required) values
  ((select id from procedures where code = 'BQL-QH-01' and version = 1), 0, 'application', 'Tờ trình đề nghị thẩm định, phê duyệt quy hoạch chi tiết', 'Request for appraisal and approval of the detailed plan', 1, 0, true),
  ((select id from procedures where code = 'BQL-QH-01' and version = 1), 1, 'explanatory_report', 'Thuyết minh đồ án quy hoạch', 'Explanatory report of the plan', 1, 0, true),
  ((select id from procedures where code = 'BQL-QH-01' and version = 1), 2, 'drawings', 'Hồ sơ bản vẽ quy hoạch', 'Planning drawings', 1, 0, true),
  ((select id from procedures where code = 'BQL-QH-01' and version = 1), 3, 'consultation', 'Báo cáo tổng hợp ý kiến của tổ chức, cá nhân có liên quan', 'Summary of consultation with those concerned', 1, 0, true);
insert into procedure_steps (procedure_id, position, key, name_vi, name_en, unit, role, days) values
  ((select id from procedures where code = 'BQL-QH-01' and version = 1), 0, 'appraisal', 'Thẩm định hồ sơ, dự thảo kết quả', 'Appraise the dossier and draft the result', 'planning_construction', 'staff', 15),
  ((select id from procedures where code = 'BQL-QH-01' and version = 1), 1, 'approval', 'Lãnh đạo Ban xem xét, ký duyệt', 'Review and signature by the authority leader', 'planning_construction', 'leader', 4),
  ((select id from procedures where code = 'BQL-QH-01' and version = 1), 2, 'issue', 'Vào sổ, đóng dấu, phát hành kết quả', 'Register, seal and issue the result', 'office', 'staff', 1);
insert into procedure_fees (procedure_id, position, name_vi, name_en, amount_vnd, note_vi, note_en) values
  ((select id from procedures where code = 'BQL-QH-01' and version = 1), 0, 'Chi phí thẩm định đồ án quy hoạch', 'Plan appraisal cost', null, 'Theo nghị quyết của HĐND thành phố (cần xác nhận mức thu)', 'Set by a resolution of the city People''s Council (amount to be confirmed)');

-- BQL-MT-01: Cấp giấy phép môi trường (thẩm quyền của Ban Quản lý theo ủy quyền)
insert into procedures (code, version, effective_from, name_vi, name_en, field_code, field_vi, field_en, office_code, lead_unit,
  time_limit_days, cutoff, online_level, supplement_clock, result_vi, result_en, legal_basis, note) values
  ('BQL-MT-01', 1, '2025-07-01', 'Cấp giấy phép môi trường (thẩm quyền của Ban Quản lý theo ủy quyền)', 'Environmental permit (delegated to the authority)', 'MT', 'Môi trường', 'Environment', '000.00.00.Z99', 'environment',
   20, '15:00', 'partial', 'pause', 'Giấy phép môi trường', 'Environmental permit', 'Luật Bảo vệ môi trường 2020 Điều 43; NĐ 08/2022/NĐ-CP (sửa đổi bởi NĐ 05/2025/NĐ-CP) [M]', 'Thời hạn, thành phần hồ sơ và phí chưa được đối chiếu với quyết định công bố TTHC hiện hành của thành phố [M]; xem docs/domain-vn.md §0, §7.');
insert into procedure_documents (procedure_id, position, key, name_vi, name_en, originals, copies, required) values
  ((select id from procedures where code = 'BQL-MT-01' and version = 1), 0, 'application', 'Văn bản đề nghị cấp giấy phép môi trường', 'Application for an environmental permit', 1, 0, true),
  ((select id from procedures where code = 'BQL-MT-01' and version = 1), 1, 'report', 'Báo cáo đề xuất cấp giấy phép môi trường', 'Environmental permit proposal report', 1, 0, true),
  ((select id from procedures where code = 'BQL-MT-01' and version = 1), 2, 'legal_documents', 'Bản sao báo cáo nghiên cứu khả thi hoặc tài liệu tương đương', 'Copy of the feasibility study or equivalent', 0, 1, true);
insert into procedure_steps (procedure_id, position, key, name_vi, name_en, unit, role, days) values
  ((select id from procedures where code = 'BQL-MT-01' and version = 1), 0, 'appraisal', 'Thẩm định hồ sơ, kiểm tra thực tế', 'Appraise the dossier and inspect the facility', 'environment', 'staff', 15),
  ((select id from procedures where code = 'BQL-MT-01' and version = 1), 1, 'approval', 'Lãnh đạo Ban xem xét, ký giấy phép', 'Review and signature by the authority leader', 'environment', 'leader', 4),
  ((select id from procedures where code = 'BQL-MT-01' and version = 1), 2, 'issue', 'Vào sổ, đóng dấu, phát hành kết quả', 'Register, seal and issue the result', 'office', 'staff', 1);
insert into procedure_fees (procedure_id, position, name_vi, name_en, amount_vnd, note_vi, note_en) values
  ((select id from procedures where code = 'BQL-MT-01' and version = 1), 0, 'Phí thẩm định cấp giấy phép môi trường', 'Environmental permit appraisal charge', null, 'Theo nghị quyết của HĐND thành phố (cần xác nhận mức thu)', 'Set by a resolution of the city People''s Council (amount to be confirmed)');

-- BQL-LD-01: Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại doanh nghiệp trong khu công nghiệp, khu kinh tế
insert into procedures (code, version, effective_from, name_vi, name_en, field_code, field_vi, field_en, office_code, lead_unit,
  time_limit_days, cutoff, online_level, supplement_clock, result_vi, result_en, legal_basis, note) values
  ('BQL-LD-01', 1, '2025-07-01', 'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại doanh nghiệp trong khu công nghiệp, khu kinh tế', 'Work permit for a foreign worker at an enterprise in an industrial park or economic zone', 'LD', 'Lao động, việc làm', 'Labour and employment', '000.00.00.Z99', 'labour',
   5, '15:00', 'full', 'restart', 'Giấy phép lao động', 'Work permit', 'Bộ luật Lao động 2019 Điều 151–157; NĐ 152/2020/NĐ-CP, NĐ 70/2023/NĐ-CP [M: may be replaced in 2025–2026]', 'Thời hạn, thành phần hồ sơ và phí chưa được đối chiếu với quyết định công bố TTHC hiện hành của thành phố [M]; xem docs/domain-vn.md §0, §7.');
insert into procedure_documents (procedure_id, position, key, name_vi, name_en, originals, copies, required) values
  ((select id from procedures where code = 'BQL-LD-01' and version = 1), 0, 'application', 'Văn bản đề nghị cấp giấy phép lao động của người sử dụng lao động', 'The employer''s application for a work permit', 1, 0, true),
  ((select id from procedures where code = 'BQL-LD-01' and version = 1), 1, 'health_certificate', 'Giấy chứng nhận sức khỏe', 'Health certificate', 1, 0, true),
  ((select id from procedures where code = 'BQL-LD-01' and version = 1), 2, 'criminal_record', 'Phiếu lý lịch tư pháp hoặc văn bản xác nhận không phải là người đang chấp hành hình phạt', 'Criminal record certificate', 1, 0, true),
  ((select id from procedures where code = 'BQL-LD-01' and version = 1), 3, 'qualification', 'Văn bản chứng minh là nhà quản lý, giám đốc điều hành, chuyên gia hoặc lao động kỹ thuật', 'Proof of being a manager, executive, expert or technical worker', 0, 1, true),
  ((select id from procedures where code = 'BQL-LD-01' and version = 1), 4, 'photos', 'Hai ảnh màu 4x6 cm', 'Two colour photos, 4x6 cm', 2, 0, true),
  ((select id from procedures where code = 'BQL-LD-01' and version = 1), 5, 'demand_approval', 'Văn bản chấp thuận nhu cầu sử dụng người lao động nước ngoài', 'Approval of the demand for foreign workers', 0, 1, true),
  ((select id from procedures where code = 'BQL-LD-01' and version = 1), 6, 'passport', 'Bản sao hộ chiếu còn giá trị', 'Copy of a valid passport', 0, 1, true);
insert into procedure_steps (procedure_id, position, key, name_vi, name_en, unit, role, days) values
  ((select id from procedures where code = 'BQL-LD-01' and version = 1), 0, 'appraisal', 'Thẩm định hồ sơ, dự thảo giấy phép', 'Appraise the dossier and draft the permit', 'labour', 'staff', 3),
  ((select id from procedures where code = 'BQL-LD-01' and version = 1), 1, 'approval', 'Lãnh đạo Ban ký giấy phép', 'Signature by the authority leader', 'labour', 'leader', 1),
  ((select id from procedures where code = 'BQL-LD-01' and version = 1), 2, 'issue', 'Vào sổ, đóng dấu, phát hành kết quả', 'Register, seal and issue the result', 'office', 'staff', 1);
insert into procedure_fees (procedure_id, position, name_vi, name_en, amount_vnd, note_vi, note_en) values
  ((select id from procedures where code = 'BQL-LD-01' and version = 1), 0, 'Lệ phí cấp giấy phép lao động', 'Work permit fee', null, 'Theo nghị quyết của HĐND thành phố (cần xác nhận mức thu)', 'Set by a resolution of the city People''s Council (amount to be confirmed)');

-- BQL-LD-02: Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động
insert into procedures (code, version, effective_from, name_vi, name_en, field_code, field_vi, field_en, office_code, lead_unit,
  time_limit_days, cutoff, online_level, supplement_clock, result_vi, result_en, legal_basis, note) values
  ('BQL-LD-02', 1, '2025-07-01', 'Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động', 'Confirmation that a foreign worker is exempt from a work permit', 'LD', 'Lao động, việc làm', 'Labour and employment', '000.00.00.Z99', 'labour',
   5, '15:00', 'full', 'restart', 'Văn bản xác nhận không thuộc diện cấp giấy phép lao động', 'Confirmation of work-permit exemption', 'Bộ luật Lao động 2019 Điều 154; NĐ 152/2020/NĐ-CP, NĐ 70/2023/NĐ-CP [M]', 'Thời hạn, thành phần hồ sơ và phí chưa được đối chiếu với quyết định công bố TTHC hiện hành của thành phố [M]; xem docs/domain-vn.md §0, §7.');
insert into procedure_documents (procedure_id, position, key, name_vi, name_en, originals, copies, required) values
  ((select id from procedures where code = 'BQL-LD-02' and version = 1), 0, 'application', 'Văn bản đề nghị xác nhận không thuộc diện cấp giấy phép lao động', 'Application for confirmation of exemption', 1, 0, true),
  ((select id from procedures where code = 'BQL-LD-02' and version = 1), 1, 'health_certificate', 'Giấy chứng nhận sức khỏe', 'Health certificate', 1, 0, true),
  ((select id from procedures where code = 'BQL-LD-02' and version = 1), 2, 'exemption_proof', 'Giấy tờ chứng minh thuộc diện không phải cấp giấy phép lao động', 'Proof of the exemption ground', 0, 1, true),
  ((select id from procedures where code = 'BQL-LD-02' and version = 1), 3, 'passport', 'Bản sao hộ chiếu còn giá trị', 'Copy of a valid passport', 0, 1, true);
insert into procedure_steps (procedure_id, position, key, name_vi, name_en, unit, role, days) values
  ((select id from procedures where code = 'BQL-LD-02' and version = 1), 0, 'appraisal', 'Thẩm định hồ sơ', 'Appraise the dossier', 'labour', 'staff', 3),
  ((select id from procedures where code = 'BQL-LD-02' and version = 1), 1, 'approval', 'Lãnh đạo Ban ký văn bản xác nhận', 'Signature by the authority leader', 'labour', 'leader', 1),
  ((select id from procedures where code = 'BQL-LD-02' and version = 1), 2, 'issue', 'Vào sổ, đóng dấu, phát hành kết quả', 'Register, seal and issue the result', 'office', 'staff', 1);
insert into procedure_fees (procedure_id, position, name_vi, name_en, amount_vnd, note_vi, note_en) values
  ((select id from procedures where code = 'BQL-LD-02' and version = 1), 0, 'Không thu phí, lệ phí', 'No fee or charge', 0, null, null);

-- BQL-LD-03: Chấp thuận nhu cầu sử dụng người lao động nước ngoài
insert into procedures (code, version, effective_from, name_vi, name_en, field_code, field_vi, field_en, office_code, lead_unit,
  time_limit_days, cutoff, online_level, supplement_clock, result_vi, result_en, legal_basis, note) values
  ('BQL-LD-03', 1, '2025-07-01', 'Chấp thuận nhu cầu sử dụng người lao động nước ngoài', 'Approval of the demand for foreign workers', 'LD', 'Lao động, việc làm', 'Labour and employment', '000.00.00.Z99', 'labour',
   10, '15:00', 'full', 'restart', 'Văn bản chấp thuận nhu cầu sử dụng người lao động nước ngoài', 'Approval of the demand for foreign workers', 'NĐ 152/2020/NĐ-CP Điều 4, sửa đổi bởi NĐ 70/2023/NĐ-CP [M]', 'Thời hạn, thành phần hồ sơ và phí chưa được đối chiếu với quyết định công bố TTHC hiện hành của thành phố [M]; xem docs/domain-vn.md §0, §7.');
insert into procedure_documents (procedure_id, position, key, name_vi, name_en, originals, copies, required) values
  ((select id from procedures where code = 'BQL-LD-03' and version = 1), 0, 'demand_report', 'Báo cáo giải trình nhu cầu, thay đổi nhu cầu sử dụng người lao động nước ngoài', 'Report explaining the demand for foreign workers', 1, 0, true),
  ((select id from procedures where code = 'BQL-LD-03' and version = 1), 1, 'recruitment_notice', 'Tài liệu chứng minh đã thông báo tuyển dụng người lao động Việt Nam', 'Proof that Vietnamese workers were sought first', 0, 1, true);
insert into procedure_steps (procedure_id, position, key, name_vi, name_en, unit, role, days) values
  ((select id from procedures where code = 'BQL-LD-03' and version = 1), 0, 'appraisal', 'Thẩm định hồ sơ, dự thảo kết quả', 'Appraise the dossier and draft the result', 'labour', 'staff', 6),
  ((select id from procedures where code = 'BQL-LD-03' and version = 1), 1, 'approval', 'Lãnh đạo Ban xem xét, ký duyệt', 'Review and signature by the authority leader', 'labour', 'leader', 3),
  ((select id from procedures where code = 'BQL-LD-03' and version = 1), 2, 'issue', 'Vào sổ, đóng dấu, phát hành kết quả', 'Register, seal and issue the result', 'office', 'staff', 1);
insert into procedure_fees (procedure_id, position, name_vi, name_en, amount_vnd, note_vi, note_en) values
  ((select id from procedures where code = 'BQL-LD-03' and version = 1), 0, 'Không thu phí, lệ phí', 'No fee or charge', 0, null, null);

-- BQL-LD-04: Đăng ký nội quy lao động của doanh nghiệp
insert into procedures (code, version, effective_from, name_vi, name_en, field_code, field_vi, field_en, office_code, lead_unit,
  time_limit_days, cutoff, online_level, supplement_clock, result_vi, result_en, legal_basis, note) values
  ('BQL-LD-04', 1, '2025-07-01', 'Đăng ký nội quy lao động của doanh nghiệp', 'Registration of an enterprise’s internal labour regulations', 'LD', 'Lao động, việc làm', 'Labour and employment', '000.00.00.Z99', 'labour',
   7, null, 'full', 'pause', 'Thông báo về việc đăng ký nội quy lao động', 'Notice on the registration of the internal labour regulations', 'Bộ luật Lao động 2019 Điều 119; NĐ 145/2020/NĐ-CP Điều 70 [M]', 'Thời hạn, thành phần hồ sơ và phí chưa được đối chiếu với quyết định công bố TTHC hiện hành của thành phố [M]; xem docs/domain-vn.md §0, §7.');
insert into procedure_documents (procedure_id, position, key, name_vi, name_en, originals, copies, required) values
  ((select id from procedures where code = 'BQL-LD-04' and version = 1), 0, 'application', 'Văn bản đề nghị đăng ký nội quy lao động', 'Application to register the internal labour regulations', 1, 0, true),
  ((select id from procedures where code = 'BQL-LD-04' and version = 1), 1, 'regulations', 'Nội quy lao động', 'The internal labour regulations', 1, 0, true),
  ((select id from procedures where code = 'BQL-LD-04' and version = 1), 2, 'union_opinion', 'Văn bản góp ý của tổ chức đại diện người lao động tại cơ sở (nếu có)', 'Opinion of the workers'' representative organisation (if any)', 1, 0, false),
  ((select id from procedures where code = 'BQL-LD-04' and version = 1), 3, 'discipline_documents', 'Các văn bản của người sử dụng lao động có quy định liên quan đến kỷ luật lao động, trách nhiệm vật chất (nếu có)', 'The employer''s documents on discipline and material liability (if any)', 1, 0, false);
insert into procedure_steps (procedure_id, position, key, name_vi, name_en, unit, role, days) values
  ((select id from procedures where code = 'BQL-LD-04' and version = 1), 0, 'appraisal', 'Kiểm tra nội quy lao động', 'Check the internal labour regulations', 'labour', 'staff', 5),
  ((select id from procedures where code = 'BQL-LD-04' and version = 1), 1, 'approval', 'Lãnh đạo Ban ký thông báo', 'Signature by the authority leader', 'labour', 'leader', 1),
  ((select id from procedures where code = 'BQL-LD-04' and version = 1), 2, 'issue', 'Vào sổ, đóng dấu, phát hành kết quả', 'Register, seal and issue the result', 'office', 'staff', 1);
insert into procedure_fees (procedure_id, position, name_vi, name_en, amount_vnd, note_vi, note_en) values
  ((select id from procedures where code = 'BQL-LD-04' and version = 1), 0, 'Không thu phí, lệ phí', 'No fee or charge', 0, null, null);

-- BQL-LD-05: Đăng ký thỏa ước lao động tập thể doanh nghiệp
insert into procedures (code, version, effective_from, name_vi, name_en, field_code, field_vi, field_en, office_code, lead_unit,
  time_limit_days, cutoff, online_level, supplement_clock, result_vi, result_en, legal_basis, note) values
  ('BQL-LD-05', 1, '2025-07-01', 'Đăng ký thỏa ước lao động tập thể doanh nghiệp', 'Filing of a company collective labour agreement', 'LD', 'Lao động, việc làm', 'Labour and employment', '000.00.00.Z99', 'labour',
   10, null, 'full', 'restart', 'Văn bản tiếp nhận, góp ý thỏa ước lao động tập thể', 'Acknowledgement and comments on the collective agreement', 'Bộ luật Lao động 2019 Điều 77 [M]', 'Thời hạn, thành phần hồ sơ và phí chưa được đối chiếu với quyết định công bố TTHC hiện hành của thành phố [M]; xem docs/domain-vn.md §0, §7.');
insert into procedure_documents (procedure_id, position, key, name_vi, name_en, originals, copies, required) values
  ((select id from procedures where code = 'BQL-LD-05' and version = 1), 0, 'agreement', 'Thỏa ước lao động tập thể đã ký kết', 'The signed collective labour agreement', 1, 0, true);
insert into procedure_steps (procedure_id, position, key, name_vi, name_en, unit, role, days) values
  ((select id from procedures where code = 'BQL-LD-05' and version = 1), 0, 'appraisal', 'Thẩm định hồ sơ, dự thảo kết quả', 'Appraise the dossier and draft the result', 'labour', 'staff', 7),
  ((select id from procedures where code = 'BQL-LD-05' and version = 1), 1, 'approval', 'Lãnh đạo Ban xem xét, ký duyệt', 'Review and signature by the authority leader', 'labour', 'leader', 2),
  ((select id from procedures where code = 'BQL-LD-05' and version = 1), 2, 'issue', 'Vào sổ, đóng dấu, phát hành kết quả', 'Register, seal and issue the result', 'office', 'staff', 1);
insert into procedure_fees (procedure_id, position, name_vi, name_en, amount_vnd, note_vi, note_en) values
  ((select id from procedures where code = 'BQL-LD-05' and version = 1), 0, 'Không thu phí, lệ phí', 'No fee or charge', 0, null, null);

