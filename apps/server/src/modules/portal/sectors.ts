/**
 * Names of VSIC 2018 sections and divisions in the portal's languages. Vietnamese and English come from the
 * registry's shipped list; Chinese, Korean and Japanese names are kept here for the 21 sections and the
 * divisions investors in industrial zones look for (manufacturing, utilities, construction, logistics, IT).
 * A division without a name here falls back to English, as content does.
 */
import { findVsic } from '../registry/vsic.ts';
import type { PortalLang } from './langs.ts';

type Cjk = [zh: string, ko: string, ja: string];

const SECTIONS: Record<string, Cjk> = {
  A: ['农业、林业和渔业', '농업, 임업 및 어업', '農業、林業、漁業'],
  B: ['采矿业', '광업', '鉱業'],
  C: ['制造业', '제조업', '製造業'],
  D: ['电力、燃气、蒸汽和空调供应', '전기, 가스, 증기 및 공기조절 공급업', '電気・ガス・熱供給・空調'],
  E: ['供水、污水处理、废物管理', '수도, 하수 및 폐기물 처리업', '水道・下水・廃棄物処理'],
  F: ['建筑业', '건설업', '建設業'],
  G: ['批发和零售业；汽车和摩托车修理', '도매 및 소매업; 자동차 수리업', '卸売・小売業、自動車修理'],
  H: ['运输和仓储业', '운수 및 창고업', '運輸・倉庫業'],
  I: ['住宿和餐饮业', '숙박 및 음식점업', '宿泊・飲食サービス業'],
  J: ['信息和通信业', '정보통신업', '情報通信業'],
  K: ['金融和保险业', '금융 및 보험업', '金融・保険業'],
  L: ['房地产业', '부동산업', '不動産業'],
  M: ['专业、科学和技术活动', '전문, 과학 및 기술 서비스업', '専門・科学・技術サービス業'],
  N: ['行政和支持服务活动', '사업 지원 서비스업', '管理・支援サービス業'],
  O: ['公共管理和国防；强制性社会保障', '공공 행정 및 국방; 사회보장 행정', '公務・国防、強制社会保障'],
  P: ['教育', '교육 서비스업', '教育'],
  Q: ['卫生和社会工作', '보건업 및 사회복지 서비스업', '医療・福祉'],
  R: ['艺术、娱乐和文娱活动', '예술, 스포츠 및 여가 서비스업', '芸術・娯楽・レクリエーション'],
  S: ['其他服务活动', '기타 서비스업', 'その他のサービス業'],
  T: ['家庭作为雇主的活动', '가구 내 고용 활동', '家事サービス業'],
  U: ['国际组织和机构的活动', '국제 및 외국 기관', '国際機関・外国機関'],
};

const DIVISIONS: Record<string, Cjk> = {
  '10': ['食品制造', '식료품 제조업', '食料品製造業'],
  '11': ['饮料制造', '음료 제조업', '飲料製造業'],
  '13': ['纺织业', '섬유제품 제조업', '繊維工業'],
  '14': ['服装制造', '의복 제조업', '衣服製造業'],
  '15': ['皮革及相关产品制造', '가죽 및 신발 제조업', '革・革製品製造業'],
  '16': ['木材加工及木制品制造', '목재 및 나무제품 제조업', '木材・木製品製造業'],
  '17': ['造纸和纸制品', '펄프, 종이 및 종이제품 제조업', 'パルプ・紙製品製造業'],
  '18': ['印刷和记录媒介复制', '인쇄 및 기록매체 복제업', '印刷・同関連業'],
  '19': ['焦炭和精炼石油产品制造', '코크스 및 석유정제품 제조업', 'コークス・石油製品製造業'],
  '20': ['化学原料和化学制品制造', '화학물질 및 화학제품 제조업', '化学工業'],
  '21': ['医药制造', '의약품 제조업', '医薬品製造業'],
  '22': ['橡胶和塑料制品', '고무 및 플라스틱제품 제조업', 'ゴム・プラスチック製品製造業'],
  '23': ['其他非金属矿物制品', '비금속 광물제품 제조업', '窯業・土石製品製造業'],
  '24': ['基本金属制造', '1차 금속 제조업', '鉄鋼・非鉄金属製造業'],
  '25': ['金属制品（机械设备除外）', '금속가공제품 제조업', '金属製品製造業'],
  '26': [
    '计算机、电子和光学产品制造',
    '전자부품, 컴퓨터, 광학기기 제조업',
    '電子部品・コンピュータ・光学製品製造業',
  ],
  '27': ['电气设备制造', '전기장비 제조업', '電気機械器具製造業'],
  '28': ['通用和专用设备制造', '기타 기계 및 장비 제조업', '一般・専用機械製造業'],
  '29': ['汽车、挂车和半挂车制造', '자동차 및 트레일러 제조업', '自動車・トレーラー製造業'],
  '30': ['其他运输设备制造', '기타 운송장비 제조업', 'その他の輸送用機械製造業'],
  '31': ['家具制造', '가구 제조업', '家具製造業'],
  '32': ['其他制造业', '기타 제품 제조업', 'その他の製造業'],
  '33': ['机械设备修理和安装', '산업용 기계 및 장비 수리업', '機械器具の修理・据付業'],
  '35': ['电力、燃气、蒸汽和空调供应', '전기, 가스, 증기 및 공기조절 공급업', '電気・ガス・熱供給・空調'],
  '36': ['水的收集、处理和供应', '수도업', '上水道業'],
  '38': ['废物收集、处理和回收', '폐기물 수집, 처리 및 재활용업', '廃棄物処理・資源回収業'],
  '41': ['房屋建筑', '종합 건설업（건물）', '建築工事業'],
  '42': ['土木工程建筑', '토목 건설업', '土木工事業'],
  '43': ['专业建筑活动', '전문직별 공사업', '専門工事業'],
  '46': ['批发业', '도매업', '卸売業'],
  '49': ['陆路运输和管道运输', '육상 운송 및 파이프라인 운송업', '陸運・パイプライン輸送業'],
  '50': ['水上运输', '수상 운송업', '水運業'],
  '52': ['仓储和运输辅助活动', '창고 및 운송 관련 서비스업', '倉庫・運輸附帯サービス業'],
  '62': ['软件开发和信息技术服务', '컴퓨터 프로그래밍 및 시스템 통합업', 'ソフトウェア・情報処理サービス業'],
  '68': ['房地产业', '부동산업', '不動産業'],
  '71': [
    '建筑和工程活动；技术检测',
    '건축기술, 엔지니어링 및 기술 시험업',
    '建築・エンジニアリング・技術試験',
  ],
  '72': ['科学研究和试验发展', '연구개발업', '学術・開発研究機関'],
};

const CJK_INDEX: Record<PortalLang, number> = { vi: -1, en: -1, zh: 0, ko: 1, ja: 2 };

/** Sentence case for the registry's upper-case Vietnamese section names ("CÔNG NGHIỆP…" → "Công nghiệp…"). */
function sentenceCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  const lower = s.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** Name of a VSIC section (A–U) or division ('26') in a portal language; the code itself when unknown. */
export function sectorName(code: string, lang: PortalLang): string {
  const i = CJK_INDEX[lang];
  if (i >= 0) {
    const cjk = (SECTIONS[code] ?? DIVISIONS[code])?.[i];
    if (cjk) return cjk;
  }
  const entry = findVsic(code);
  if (!entry) return code;
  return lang === 'vi' ? sentenceCase(entry.vi) : entry.en;
}

/** Whether a string is a VSIC section letter or a division code the registry knows. */
export function isSectorCode(code: string): boolean {
  const e = findVsic(code);
  return e !== undefined && e.level <= 2;
}
