/**
 * The Hai Phong demo zones' names in the portal's other languages (the registry holds Vietnamese and, for a
 * few, English): English where the registry has none, Simplified Chinese, Korean and Japanese. Chinese uses
 * the established Sino-Vietnamese characters of a place (海防 Hải Phòng, 丁武 Đình Vũ, 吉海 Cát Hải, 涂山 Đồ Sơn,
 * 先朗 Tiên Lãng, 水源 Thủy Nguyên…) and keeps the unaccented Latin name where no written form is
 * established, as Chinese investment guides do; Korean and Japanese transcribe the Vietnamese sounds.
 * Khu kinh tế = 经济区 / 경제구역 / 経済区; khu công nghiệp = 工业区 / 산업단지 / 工業団地.
 * Keyed by the registry's Vietnamese name (db/seed/data/haiphong-zones.json, registry/demo-zones.ts).
 */
import type { PortalLang } from '@heza/shared/portal';

export type ZoneNames = Partial<Record<Exclude<PortalLang, 'vi'>, string>>;

export const DEMO_ZONE_NAMES: Readonly<Record<string, ZoneNames>> = {
  'Khu kinh tế Đình Vũ - Cát Hải': {
    zh: '丁武-吉海经济区',
    ko: '딘부-깟하이 경제구역',
    ja: 'ディンヴー・カットハイ経済区',
  },
  'Khu kinh tế ven biển phía Nam Hải Phòng': {
    zh: '海防南部沿海经济区',
    ko: '하이퐁 남부 연안 경제구역',
    ja: 'ハイフォン南部沿海経済区',
  },
  'KCN Nomura - Hải Phòng': {
    en: 'Nomura - Hai Phong Industrial Park',
    zh: '野村-海防工业区',
    ko: '노무라-하이퐁 산업단지',
    ja: '野村ハイフォン工業団地',
  },
  'KCN Nomura 2 (KCN Nhật Bản - Hải Phòng giai đoạn 2)': {
    en: 'Nomura 2 Industrial Park (Japan - Hai Phong Industrial Park, phase 2)',
    zh: '野村2工业区（日本-海防工业区二期）',
    ko: '노무라 2 산업단지 (일본-하이퐁 산업단지 2단계)',
    ja: '野村第2工業団地（日本・ハイフォン工業団地第2期）',
  },
  'KCN Đình Vũ (DEEP C I)': {
    en: 'Dinh Vu Industrial Park (DEEP C I)',
    zh: '丁武工业区（DEEP C I）',
    ko: '딘부 산업단지 (DEEP C I)',
    ja: 'ディンヴー工業団地（DEEP C I）',
  },
  'KCN DEEP C II': {
    en: 'DEEP C II Industrial Park',
    zh: 'DEEP C II 工业区',
    ko: 'DEEP C II 산업단지',
    ja: 'DEEP C II 工業団地',
  },
  'KCN DEEP C 3': {
    en: 'DEEP C 3 Industrial Park',
    zh: 'DEEP C 3 工业区',
    ko: 'DEEP C 3 산업단지',
    ja: 'DEEP C 3 工業団地',
  },
  'KCN MP Đình Vũ': {
    en: 'MP Dinh Vu Industrial Park',
    zh: 'MP丁武工业区',
    ko: 'MP 딘부 산업단지',
    ja: 'MPディンヴー工業団地',
  },
  'KCN Nam Đình Vũ (khu I)': {
    en: 'Nam Dinh Vu Industrial Park (zone I)',
    zh: '南丁武工业区（第一区）',
    ko: '남딘부 산업단지 (1구역)',
    ja: 'ナムディンヴー工業団地（第1区）',
  },
  'KCN Nam Đình Vũ (khu II)': {
    en: 'Nam Dinh Vu Industrial Park (zone II)',
    zh: '南丁武工业区（第二区）',
    ko: '남딘부 산업단지 (2구역)',
    ja: 'ナムディンヴー工業団地（第2区）',
  },
  'KCN Cảng cửa ngõ quốc tế Hải Phòng': {
    en: 'Hai Phong International Gateway Port Industrial Park',
    zh: '海防国际门户港工业区',
    ko: '하이퐁 국제관문항 산업단지',
    ja: 'ハイフォン国際ゲートウェイ港工業団地',
  },
  'KCN phía Bắc đảo Cát Hải': {
    en: 'North Cat Hai Island Industrial Park',
    zh: '吉海岛北部工业区',
    ko: '깟하이섬 북부 산업단지',
    ja: 'カットハイ島北部工業団地',
  },
  'KCN Đồ Sơn': {
    en: 'Do Son Industrial Park',
    zh: '涂山工业区',
    ko: '도선 산업단지',
    ja: 'ドーソン工業団地',
  },
  'KCN Tràng Duệ': {
    en: 'Trang Due Industrial Park',
    zh: 'Trang Due 工业区',
    ko: '짱주에 산업단지',
    ja: 'チャンズエ工業団地',
  },
  'KCN Tràng Duệ 3': {
    en: 'Trang Due 3 Industrial Park',
    zh: 'Trang Due 3 工业区',
    ko: '짱주에 3 산업단지',
    ja: 'チャンズエ第3工業団地',
  },
  'KCN Nam Cầu Kiền': {
    en: 'Nam Cau Kien Industrial Park',
    zh: 'Nam Cau Kien 工业区',
    ko: '남꺼우끼엔 산업단지',
    ja: 'ナムカウキエン工業団地',
  },
  'KCN Nam Cầu Kiền (mở rộng)': {
    en: 'Nam Cau Kien Industrial Park (extension)',
    zh: 'Nam Cau Kien 工业区（扩建）',
    ko: '남꺼우끼엔 산업단지 (확장)',
    ja: 'ナムカウキエン工業団地（拡張）',
  },
  'KCN VSIP Hải Phòng': {
    en: 'VSIP Hai Phong Industrial Park',
    zh: 'VSIP海防工业区',
    ko: 'VSIP 하이퐁 산업단지',
    ja: 'VSIPハイフォン工業団地',
  },
  'KCN An Dương': {
    en: 'An Duong Industrial Park',
    zh: '安阳工业区',
    ko: '안즈엉 산업단지',
    ja: 'アンズオン工業団地',
  },
  'KCN Xuân Cầu': {
    en: 'Xuan Cau Industrial Park',
    zh: 'Xuan Cau 工业区',
    ko: '쑤언꺼우 산업단지',
    ja: 'スアンカウ工業団地',
  },
  'KCN Tiên Thanh': {
    en: 'Tien Thanh Industrial Park',
    zh: '先清工业区',
    ko: '띠엔타인 산업단지',
    ja: 'ティエンタイン工業団地',
  },
  'KCN Vinh Quang': {
    en: 'Vinh Quang Industrial Park',
    zh: '荣光工业区',
    ko: '빈꽝 산업단지',
    ja: 'ヴィンクアン工業団地',
  },
  'KCN Nam Tràng Cát': {
    en: 'Nam Trang Cat Industrial Park',
    zh: 'Nam Trang Cat 工业区',
    ko: '남짱깟 산업단지',
    ja: 'ナムチャンカット工業団地',
  },
  'KCN Giang Biên II': {
    en: 'Giang Bien II Industrial Park',
    zh: '江边二号工业区',
    ko: '장비엔 2 산업단지',
    ja: 'ザンビエン第2工業団地',
  },
  'KCN Tân Trào': {
    en: 'Tan Trao Industrial Park',
    zh: '新潮工业区',
    ko: '떤짜오 산업단지',
    ja: 'タンチャオ工業団地',
  },
  'KCN Ngũ Phúc': {
    en: 'Ngu Phuc Industrial Park',
    zh: '五福工业区',
    ko: '응우푹 산업단지',
    ja: 'グーフック工業団地',
  },
  'KCN Trấn Dương - Hòa Bình (Khu A)': {
    en: 'Tran Duong - Hoa Binh Industrial Park (zone A)',
    zh: '镇阳-和平工业区（A区）',
    ko: '쩐즈엉-호아빈 산업단지 (A구역)',
    ja: 'チャンズオン・ホアビン工業団地（A区）',
  },
  'KCN Thủy Nguyên': {
    en: 'Thuy Nguyen Industrial Park',
    zh: '水源工业区',
    ko: '투이응우옌 산업단지',
    ja: 'トゥイグエン工業団地',
  },
  'KCN Cầu Cựu': {
    en: 'Cau Cuu Industrial Park',
    zh: 'Cau Cuu 工业区',
    ko: '꺼우끄우 산업단지',
    ja: 'カウクー工業団地',
  },
  'KCN Tam Hưng - Ngũ Lão': {
    en: 'Tam Hung - Ngu Lao Industrial Park',
    zh: '三兴-五老工业区',
    ko: '땀흥-응우라오 산업단지',
    ja: 'タムフン・グーラオ工業団地',
  },
  'KCN Tiên Lãng 1': {
    en: 'Tien Lang 1 Industrial Park',
    zh: '先朗1号工业区',
    ko: '띠엔랑 1 산업단지',
    ja: 'ティエンラン第1工業団地',
  },
  'KCN Tiên Lãng 2': {
    en: 'Tien Lang 2 Industrial Park',
    zh: '先朗2号工业区',
    ko: '띠엔랑 2 산업단지',
    ja: 'ティエンラン第2工業団地',
  },
  'KCN Sân bay Tiên Lãng': {
    en: 'Tien Lang Airport Industrial Park',
    zh: '先朗机场工业区',
    ko: '띠엔랑 공항 산업단지',
    ja: 'ティエンラン空港工業団地',
  },
  'KCN An Hòa': {
    en: 'An Hoa Industrial Park',
    zh: '安和工业区',
    ko: '안호아 산업단지',
    ja: 'アンホア工業団地',
  },
  'KCN An Hưng - Đại Bản': {
    en: 'An Hung - Dai Ban Industrial Park',
    zh: '安兴-大本工业区',
    ko: '안흥-다이반 산업단지',
    ja: 'アンフン・ダイバン工業団地',
  },
  'KCN Tam Đa': {
    en: 'Tam Da Industrial Park',
    zh: '三多工业区',
    ko: '땀다 산업단지',
    ja: 'タムダー工業団地',
  },
};
