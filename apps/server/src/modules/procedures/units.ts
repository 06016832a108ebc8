/** Names of the authority's units and roles as the forms print them (Vietnamese) and the API labels them. */
export const UNIT_NAMES: Record<string, { vi: string; en: string }> = {
  office: { vi: 'Văn phòng (Bộ phận Một cửa)', en: 'Office (one-stop counter)' },
  enterprise_supervision: {
    vi: 'Phòng Doanh nghiệp và Giám sát đầu tư',
    en: 'Enterprise and Investment Supervision Division',
  },
  investment_management: { vi: 'Phòng Quản lý đầu tư', en: 'Investment Management Division' },
  planning_construction: { vi: 'Phòng Quy hoạch - Xây dựng', en: 'Planning and Construction Division' },
  environment: { vi: 'Phòng Tài nguyên - Môi trường', en: 'Natural Resources and Environment Division' },
  labour: { vi: 'Phòng Lao động', en: 'Labour Division' },
  leader: { vi: 'Lãnh đạo Ban', en: 'Authority leadership' },
};

/** The label of a unit (falls back to its identifier). */
export function unitName(unit: string | null | undefined): { vi: string; en: string } {
  return (unit && UNIT_NAMES[unit]) || { vi: unit ?? '', en: unit ?? '' };
}
