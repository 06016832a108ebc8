/**
 * Demo content for the portal (loaded with the Hai Phong demo data): the authority's name and contact, zone
 * profiles with descriptions, target sectors, drawn placeholder photos and 360° panoramas, pages, news,
 * incentives, procedure guides, a publication, FAQ, a quarterly newsletter, and released statistics
 * periods. Everything is labelled demo; some items are left untranslated on purpose, to show the fallback.
 * Idempotent (a settings row marks it done).
 */
import { type ContentKind, PORTAL_LANGS, type PortalLang } from '@heza/shared/portal';
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { systemCtx } from '../../platform/context.ts';
import { attachFiles, storeUpload } from '../../platform/files/files.ts';
import { clearPortalCaches } from './cache.ts';
import { createContent } from './commands/create-content.ts';
import { publishVersion } from './commands/publish-version.ts';
import { releaseStatistics } from './commands/release-statistics.ts';
import { saveSettings } from './commands/save-settings.ts';
import { saveVersion } from './commands/save-version.ts';
import { saveZoneProfile } from './commands/save-zone-profile.ts';
import { setNewsletterArticles } from './commands/set-newsletter-articles.ts';
import { submitVersion } from './commands/submit-version.ts';
import { DEMO_ZONE_NAMES } from './demo-zone-names.ts';
import { encodePng, type Rgb } from './png.ts';

const DONE_KEY = 'portal.demo_seeded_at';

type Texts = Partial<Record<PortalLang, { title: string; summary?: string; body: string; slug?: string }>>;

/** A small seeded PRNG (mulberry32): the same pictures on every install. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  Math.round(a[0] + (b[0] - a[0]) * t),
  Math.round(a[1] + (b[1] - a[1]) * t),
  Math.round(a[2] + (b[2] - a[2]) * t),
];

interface Shed {
  x0: number;
  x1: number;
  top: number;
  colour: Rgb;
  roof: Rgb;
}

/** A drawn industrial-park scene (sky, hills, factory sheds, a road); `wrap` makes it seamless for a panorama. */
function scene(width: number, height: number, seed: number, wrap: boolean): Buffer {
  const rand = prng(seed);
  const horizon = Math.round(height * (wrap ? 0.5 : 0.58));
  const sheds: Shed[] = [];
  const palette: Rgb[] = [
    [214, 222, 230],
    [190, 205, 220],
    [232, 226, 214],
    [205, 215, 205],
  ];
  const roofs: Rgb[] = [
    [10, 77, 140],
    [30, 110, 90],
    [120, 120, 130],
    [176, 70, 50],
  ];
  let x = Math.round(rand() * width * 0.05);
  while (x < width * 0.97) {
    const w = Math.round(width * (0.06 + rand() * 0.1));
    sheds.push({
      x0: x,
      x1: Math.min(width - 1, x + w),
      top: horizon - Math.round(height * (0.07 + rand() * 0.12)),
      colour: palette[Math.floor(rand() * palette.length)]!,
      roof: roofs[Math.floor(rand() * roofs.length)]!,
    });
    x += w + Math.round(width * (0.01 + rand() * 0.05));
  }
  const hill = (px: number) => {
    const t = (px / width) * Math.PI * 2;
    return horizon - height * (0.06 + 0.03 * Math.sin(t * 2 + seed) + 0.02 * Math.sin(t * 5 + seed * 2));
  };
  const shedAt = (px: number) => sheds.find((s) => px >= s.x0 && px <= s.x1);
  return encodePng(width, height, (px, py) => {
    if (py < horizon) {
      const s = shedAt(px);
      if (s && py >= s.top) return py < s.top + Math.max(3, height * 0.012) ? s.roof : s.colour;
      if (py >= hill(px)) return [120, 150, 130];
      const t = py / horizon;
      return mix([120, 170, 220], [222, 236, 248], t);
    }
    const road = Math.abs(py - horizon - height * 0.12) < height * 0.02;
    if (road) return py % 8 < 2 && px % 40 < 20 ? [240, 240, 240] : [90, 95, 100];
    const t = (py - horizon) / (height - horizon);
    return mix([150, 170, 140], [110, 135, 100], t);
  });
}

/** The operating parks' short description, in the five languages. */
const ZONE_TEXT: Partial<Record<PortalLang, string>> = {
  vi: '<p>Khu công nghiệp có hạ tầng đồng bộ: đường nội khu, cấp điện, cấp nước, xử lý nước thải tập trung và hệ thống viễn thông. Vị trí gần cảng biển và đường cao tốc thuận tiện cho xuất nhập khẩu.</p><p><em>Phần giới thiệu là dữ liệu minh họa (demo).</em></p>',
  en: '<p>An industrial park with complete infrastructure: internal roads, power and water supply, central wastewater treatment and telecommunications, close to seaports and expressways for import and export.</p><p><em>This description is demonstration (demo) data.</em></p>',
  zh: '<p>园区基础设施完善，包括内部道路、供电、供水、集中污水处理和通信系统，靠近海港和高速公路，便于进出口。</p><p><em>本介绍为演示（demo）数据。</em></p>',
  ko: '<p>내부 도로, 전력·용수 공급, 중앙 폐수 처리, 통신 등 기반시설을 갖춘 산업단지로, 항만과 고속도로에 가까워 수출입에 편리합니다.</p><p><em>이 소개는 시연용(demo) 데이터입니다.</em></p>',
  ja: '<p>域内道路、電力・水道、集中排水処理、通信などのインフラが整った工業団地で、港湾や高速道路に近く輸出入に便利です。</p><p><em>この紹介はデモ用（demo）のデータです。</em></p>',
};

const SECTOR_SETS = [
  ['26', '27', '28', '52'],
  ['29', '22', '25'],
  ['10', '20', '52'],
  ['26', '32', '46'],
];

const p = (...paragraphs: string[]) => paragraphs.map((x) => `<p>${x}</p>`).join('');
const DEMO_VI = '<p><em>Nội dung minh họa (demo), không phải văn bản chính thức.</em></p>';
const DEMO_EN = '<p><em>Demonstration (demo) content, not an official text.</em></p>';

const CONTENT: { kind: ContentKind; texts: Texts; daysAgo: number; sortOrder?: number }[] = [
  {
    kind: 'page',
    daysAgo: 200,
    texts: {
      vi: {
        title: 'Giới thiệu Ban Quản lý',
        slug: 'gioi-thieu',
        body:
          p(
            'Ban Quản lý là cơ quan trực thuộc Ủy ban nhân dân thành phố, thực hiện chức năng quản lý nhà nước trực tiếp đối với các khu kinh tế và khu công nghiệp trên địa bàn.',
          ) + DEMO_VI,
      },
      en: {
        title: 'About the authority',
        slug: 'about',
        body:
          p(
            'The authority reports to the city People’s Committee and is the state management body for the economic zones and industrial parks of the city.',
          ) + DEMO_EN,
      },
      zh: {
        title: '管理委员会简介',
        body:
          p('管理委员会隶属于市人民委员会，对本市经济区和工业园区直接行使国家管理职能。') +
          '<p><em>演示（demo）内容。</em></p>',
      },
      ko: {
        title: '관리위원회 소개',
        body:
          p('관리위원회는 시 인민위원회 소속 기관으로, 시의 경제구역과 산업단지를 직접 관리합니다.') +
          '<p><em>시연용(demo) 콘텐츠입니다.</em></p>',
      },
      ja: {
        title: '管理委員会について',
        body:
          p('管理委員会は市人民委員会に属し、市内の経済区と工業団地を直接管理する行政機関です。') +
          '<p><em>デモ用（demo）のコンテンツです。</em></p>',
      },
    },
  },
  {
    kind: 'incentive',
    daysAgo: 150,
    sortOrder: 1,
    texts: {
      vi: {
        title: 'Ưu đãi thuế thu nhập doanh nghiệp',
        summary: 'Thuế suất ưu đãi và miễn, giảm thuế cho dự án trong khu kinh tế, khu công nghiệp.',
        body:
          p(
            'Dự án đầu tư mới trong khu kinh tế được áp dụng thuế suất ưu đãi 10% trong 15 năm, miễn thuế 4 năm và giảm 50% trong 9 năm tiếp theo.',
            'Dự án trong khu công nghiệp được miễn thuế 2 năm và giảm 50% trong 4 năm tiếp theo.',
          ) + DEMO_VI,
      },
      en: {
        title: 'Corporate income tax incentives',
        summary: 'Preferential rates and tax holidays for projects in economic zones and industrial parks.',
        body:
          p(
            'New investment projects in an economic zone enjoy a 10% preferential rate for 15 years, a 4-year exemption and a 50% reduction for the following 9 years.',
            'Projects in industrial parks are exempt for 2 years and pay half for the following 4 years.',
          ) + DEMO_EN,
      },
      ko: {
        title: '법인세 혜택',
        summary: '경제구역·산업단지 내 프로젝트에 대한 우대 세율과 면세 기간.',
        body: `${p(
          '경제구역 내 신규 투자 프로젝트는 15년간 10% 우대 세율, 4년 면세, 이후 9년간 50% 감면을 받습니다.',
        )}<p><em>시연용(demo) 콘텐츠입니다.</em></p>`,
      },
      ja: {
        title: '法人所得税の優遇',
        summary: '経済区・工業団地のプロジェクトに対する優遇税率と免税期間。',
        body: `${p(
          '経済区内の新規投資プロジェクトには、15年間10%の優遇税率、4年間の免税とその後9年間の50%減税が適用されます。',
        )}<p><em>デモ用（demo）のコンテンツです。</em></p>`,
      },
      zh: {
        title: '企业所得税优惠',
        summary: '经济区和工业园区项目的优惠税率及免税期。',
        body:
          p('经济区内新投资项目享受15年10%的优惠税率，免税4年，其后9年减半征收。') +
          '<p><em>演示（demo）内容。</em></p>',
      },
    },
  },
  {
    kind: 'incentive',
    daysAgo: 140,
    sortOrder: 2,
    texts: {
      vi: {
        title: 'Miễn thuế nhập khẩu hàng hóa tạo tài sản cố định',
        body:
          p(
            'Hàng hóa nhập khẩu để tạo tài sản cố định của dự án thuộc danh mục ưu đãi đầu tư được miễn thuế nhập khẩu.',
          ) + DEMO_VI,
      },
      en: {
        title: 'Import duty exemption for fixed assets',
        body:
          p(
            'Goods imported to create the fixed assets of a project in an incentivised sector are exempt from import duty.',
          ) + DEMO_EN,
      },
    },
  },
  {
    kind: 'incentive',
    daysAgo: 130,
    sortOrder: 3,
    texts: {
      vi: {
        title: 'Miễn, giảm tiền thuê đất',
        body:
          p(
            'Dự án trong khu kinh tế được miễn tiền thuê đất trong thời gian xây dựng cơ bản và một số năm sau đó theo quy định.',
          ) + DEMO_VI,
      },
    },
  },
  {
    kind: 'procedure_guide',
    daysAgo: 120,
    texts: {
      vi: {
        title: 'Cấp Giấy chứng nhận đăng ký đầu tư',
        summary: 'Hồ sơ, thời hạn 15 ngày làm việc, nộp trực tuyến hoặc tại Bộ phận Một cửa.',
        body:
          '<h2>Hồ sơ</h2><ul><li>Văn bản đề nghị thực hiện dự án đầu tư</li><li>Tài liệu về tư cách pháp lý của nhà đầu tư</li><li>Đề xuất dự án đầu tư</li></ul><h2>Thời hạn</h2><p>15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.</p>' +
          DEMO_VI,
      },
      en: {
        title: 'Investment registration certificate',
        summary: 'Documents, a 15-working-day time limit, online or at the one-stop counter.',
        body:
          '<h2>Documents</h2><ul><li>Application for the investment project</li><li>The investor’s legal documents</li><li>The project proposal</li></ul><h2>Time limit</h2><p>15 working days from a complete, valid dossier.</p>' +
          DEMO_EN,
      },
      ko: {
        title: '투자등록증 발급',
        summary: '서류, 처리 기한 15영업일, 온라인 또는 원스톱 창구 접수.',
        body: '<h2>서류</h2><ul><li>투자 프로젝트 신청서</li><li>투자자 법적 서류</li><li>투자 프로젝트 제안서</li></ul><h2>처리 기한</h2><p>완비된 서류 접수 후 15영업일.</p><p><em>시연용(demo) 콘텐츠입니다.</em></p>',
      },
    },
  },
  {
    kind: 'procedure_guide',
    daysAgo: 110,
    texts: {
      vi: {
        title: 'Cấp giấy phép lao động cho người nước ngoài',
        body:
          p(
            'Doanh nghiệp trong khu công nghiệp nộp hồ sơ đề nghị cấp giấy phép lao động tại Ban Quản lý; thời hạn giải quyết 5 ngày làm việc.',
          ) + DEMO_VI,
      },
      en: {
        title: 'Work permits for foreign employees',
        body:
          p('Enterprises in the parks apply to the authority; the time limit is 5 working days.') + DEMO_EN,
      },
    },
  },
  {
    kind: 'faq',
    daysAgo: 100,
    sortOrder: 1,
    texts: {
      vi: {
        title: 'Thời gian cấp Giấy chứng nhận đăng ký đầu tư là bao lâu?',
        body:
          p(
            '15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; dự án phải có chấp thuận chủ trương thì theo thời hạn riêng.',
          ) + DEMO_VI,
      },
      en: {
        title: 'How long does an investment registration certificate take?',
        body:
          p(
            '15 working days from a complete dossier; projects needing an investment-policy approval follow their own time limit.',
          ) + DEMO_EN,
      },
      zh: {
        title: '投资登记证需要多长时间？',
        body: `${p('自收到完整有效的材料之日起15个工作日。')}<p><em>演示（demo）内容。</em></p>`,
      },
      ko: {
        title: '투자등록증 발급에는 얼마나 걸리나요?',
        body: `${p('완비된 서류 접수 후 15영업일입니다.')}<p><em>시연용(demo) 콘텐츠입니다.</em></p>`,
      },
      ja: {
        title: '投資登録証の発行にはどのくらいかかりますか。',
        body: `${p('完全な書類の受理から15営業日です。')}<p><em>デモ用（demo）のコンテンツです。</em></p>`,
      },
    },
  },
  {
    kind: 'faq',
    daysAgo: 99,
    sortOrder: 2,
    texts: {
      vi: {
        title: 'Có thể nộp hồ sơ trực tuyến không?',
        body:
          p('Có. Phần lớn thủ tục được nộp trực tuyến; kết quả trả qua bưu chính hoặc tại Bộ phận Một cửa.') +
          DEMO_VI,
      },
      en: {
        title: 'Can I apply online?',
        body:
          p(
            'Yes. Most procedures can be filed online; results are returned by post or at the one-stop counter.',
          ) + DEMO_EN,
      },
    },
  },
  {
    kind: 'faq',
    daysAgo: 98,
    sortOrder: 3,
    texts: {
      vi: {
        title: 'Làm sao biết khu nào còn đất cho thuê?',
        body:
          p(
            'Danh sách các khu trên cổng cho phép lọc “chỉ các khu còn đất cho thuê”; số liệu lấy từ sổ đăng ký của Ban.',
          ) + DEMO_VI,
      },
      en: {
        title: 'How do I find zones with land available?',
        body:
          p(
            'The zones directory has a “only zones with land available” filter; the figures come from the authority’s registry.',
          ) + DEMO_EN,
      },
    },
  },
  {
    kind: 'news',
    daysAgo: 60,
    texts: {
      vi: {
        title: 'Hội nghị xúc tiến đầu tư vào các khu công nghiệp',
        summary: 'Hơn 200 doanh nghiệp trong và ngoài nước tham dự.',
        body:
          p('Hội nghị giới thiệu quỹ đất sạch, hạ tầng và chính sách ưu đãi tại các khu công nghiệp.') +
          DEMO_VI,
      },
      en: {
        title: 'Investment promotion conference for the industrial parks',
        summary: 'More than 200 domestic and foreign enterprises attended.',
        body:
          p('The conference presented ready land, infrastructure and incentives in the industrial parks.') +
          DEMO_EN,
      },
      ja: {
        title: '工業団地への投資促進会議',
        summary: '国内外の200社以上が参加しました。',
        body:
          p('会議では工業団地の用地、インフラ、優遇措置が紹介されました。') +
          '<p><em>デモ用（demo）のコンテンツです。</em></p>',
      },
    },
  },
  {
    kind: 'news',
    daysAgo: 45,
    texts: {
      vi: {
        title: 'Khởi công nhà máy linh kiện điện tử mới',
        summary: 'Dự án vốn đầu tư 120 triệu USD (demo).',
        body: p('Nhà máy sản xuất linh kiện điện tử dự kiến tạo việc làm cho 3.000 lao động.') + DEMO_VI,
      },
      en: {
        title: 'Ground broken for a new electronics components plant',
        summary: 'A 120 million USD project (demo).',
        body: p('The electronics components plant is expected to employ 3,000 workers.') + DEMO_EN,
      },
      ko: {
        title: '신규 전자부품 공장 착공',
        summary: '투자액 1억 2천만 달러 프로젝트(demo).',
        body:
          p('전자부품 공장은 근로자 3,000명을 고용할 예정입니다.') +
          '<p><em>시연용(demo) 콘텐츠입니다.</em></p>',
      },
    },
  },
  {
    kind: 'news',
    daysAgo: 20,
    texts: {
      vi: {
        title: 'Hoàn thành tuyến đường kết nối khu công nghiệp với cảng',
        summary: 'Rút ngắn thời gian vận chuyển hàng hóa ra cảng.',
        body:
          p('Tuyến đường mới giúp xe container đi từ khu công nghiệp tới cảng trong khoảng 20 phút.') +
          DEMO_VI,
      },
    },
  },
  {
    kind: 'news',
    daysAgo: 8,
    texts: {
      vi: {
        title: 'Chương trình hỗ trợ tuyển dụng lao động cho doanh nghiệp',
        body:
          p('Ban phối hợp với các trung tâm dịch vụ việc làm tổ chức phiên giao dịch việc làm hằng tháng.') +
          DEMO_VI,
      },
      en: {
        title: 'Recruitment support for enterprises',
        body: p('The authority and employment service centres hold a job fair every month.') + DEMO_EN,
      },
    },
  },
];

/** A minimal one-page PDF with a line of text (the demo publication's file). */
function tinyPdf(text: string): Buffer {
  const content = `BT /F1 18 Tf 72 760 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * Loads the portal's demo content. `dataDir` (the platform's data folder) is where the drawn photos and the
 * publication's file are stored; without it the demo has no pictures.
 */
export async function seedPortalDemo(db: Db, opts: { dataDir?: string } = {}): Promise<void> {
  const done = await db
    .selectFrom('platform_settings')
    .select('key')
    .where('key', '=', DONE_KEY)
    .executeTakeFirst();
  if (done) return;
  const ctx = systemCtx(db, 'demo-seed');

  await saveSettings(ctx, {
    site: {
      name: {
        vi: 'Ban Quản lý Khu kinh tế Hải Phòng',
        en: 'Hai Phong Economic Zone Authority',
        zh: '海防经济区管理委员会',
        ko: '하이퐁 경제구역 관리위원회',
        ja: 'ハイフォン経済区管理委員会',
      },
      address: 'Hải Phòng, Việt Nam (địa chỉ minh họa / demo address)',
      phone: '+84 225 000 0000 (demo)',
      email: 'portal@heza.demo',
      demo: true,
    },
  });

  // Zone profiles: every demo zone's name in the other languages; the operating parks also get target
  // sectors and a description in all five.
  const all = await db.selectFrom('zones').select(['id', 'name_vi']).execute();
  for (const z of all) {
    const names = DEMO_ZONE_NAMES[z.name_vi];
    if (!names) continue;
    await saveZoneProfile(ctx, z.id, { names });
    await db.updateTable('portal_zone_profiles').set({ is_demo: true }).where('zone_id', '=', z.id).execute();
  }
  const zones = await sql<{ id: string; code: string; name_vi: string }>`
    select z.id, z.code, z.name_vi from zones z
    where z.kind = 'industrial_park' and exists (select 1 from zone_events e where e.zone_id = z.id and e.status = 'operating' and e.voided_at is null)
    order by z.name_vi limit 8`.execute(db);
  for (const [i, z] of zones.rows.entries()) {
    await saveZoneProfile(ctx, z.id, {
      targetSectors: SECTOR_SETS[i % SECTOR_SETS.length],
      descriptions: ZONE_TEXT,
    });
    await db.updateTable('portal_zone_profiles').set({ is_demo: true }).where('zone_id', '=', z.id).execute();
  }

  // Drawn photos and panoramas (only with a data folder to keep them in).
  let coverId: string | null = null;
  if (opts.dataDir) {
    const store = async (
      bytes: Buffer,
      name: string,
      kind: 'photo' | 'panorama',
      zoneId: string | null,
      alt: Record<string, string>,
      width: number,
      height: number,
      sort: number,
    ) => {
      const file = await storeUpload(db, opts.dataDir!, {
        bytes,
        declaredType: 'image/png',
        originalName: name,
        uploadedBy: null,
        ip: null,
      });
      await attachFiles(db, [file.id], 'portal.image');
      const row = await db
        .insertInto('portal_images')
        .values({
          file_id: file.id,
          kind,
          width,
          height,
          zone_id: zoneId,
          sort_order: sort,
          alt: JSON.stringify(alt),
          is_demo: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    };
    for (const [i, z] of zones.rows.slice(0, 6).entries()) {
      const alt = {
        vi: `Hình minh họa ${z.name_vi} (demo)`,
        en: `Illustration of ${z.name_vi} (demo)`,
        zh: `${z.name_vi} 示意图（演示）`,
        ko: `${z.name_vi} 그림 (데모)`,
        ja: `${z.name_vi} のイメージ（デモ）`,
      };
      const id = await store(
        scene(960, 540, 11 + i, false),
        `${z.code}.png`,
        'photo',
        z.id,
        alt,
        960,
        540,
        0,
      );
      coverId ??= id;
      if (i < 2) {
        await store(
          scene(2048, 1024, 101 + i, true),
          `${z.code}-360.png`,
          'panorama',
          z.id,
          {
            vi: `Ảnh 360° minh họa ${z.name_vi} (demo)`,
            en: `360° illustration of ${z.name_vi} (demo)`,
          },
          2048,
          1024,
          1,
        );
      }
    }
  }

  // Content, published through the workflow, then dated in the past (demo only).
  const ids: { kind: ContentKind; id: string }[] = [];
  const publish = async (
    kind: ContentKind,
    texts: Texts,
    daysAgo: number,
    extra: { sortOrder?: number; periodId?: string; fileId?: string; coverImageId?: string | null } = {},
  ) => {
    const langs = PORTAL_LANGS.filter((l) => texts[l]);
    const first = langs[0]!;
    const t0 = texts[first]!;
    const created = await createContent(ctx, {
      kind,
      lang: first,
      title: t0.title,
      slug: t0.slug,
      summary: t0.summary ?? '',
      bodyHtml: t0.body,
      sortOrder: extra.sortOrder ?? 0,
      periodId: extra.periodId,
      fileId: extra.fileId,
      coverImageId: extra.coverImageId ?? null,
    });
    const versions = [created.versions[0]!.id];
    for (const l of langs.slice(1)) {
      const t = texts[l]!;
      versions.push(
        (
          await saveVersion(ctx, created.id, l, {
            title: t.title,
            slug: t.slug,
            summary: t.summary ?? '',
            bodyHtml: t.body,
            fileId: extra.fileId,
          })
        ).id,
      );
    }
    for (const v of versions) {
      await submitVersion(ctx, v);
      await publishVersion(ctx, v, {});
    }
    const at = new Date(Date.now() - daysAgo * 86_400_000);
    await db
      .updateTable('portal_versions')
      .set({ publish_at: at, published_at: at })
      .where('id', 'in', versions)
      .execute();
    await db.updateTable('portal_contents').set({ is_demo: true }).where('id', '=', created.id).execute();
    ids.push({ kind, id: created.id });
    return created.id;
  };
  for (const c of CONTENT)
    await publish(c.kind, c.texts, c.daysAgo, {
      sortOrder: c.sortOrder,
      coverImageId: c.kind === 'news' ? coverId : null,
    });

  if (opts.dataDir) {
    const file = await storeUpload(db, opts.dataDir, {
      bytes: tinyPdf('Investment guide - demo publication'),
      declaredType: 'application/pdf',
      originalName: 'investment-guide-demo.pdf',
      uploadedBy: null,
      ip: null,
    });
    await attachFiles(db, [file.id], 'portal.publication');
    await publish(
      'publication',
      {
        vi: {
          title: 'Cẩm nang đầu tư (bản minh họa)',
          summary: 'Tài liệu giới thiệu môi trường đầu tư (demo).',
          body: DEMO_VI,
        },
        en: {
          title: 'Investment guide (demo edition)',
          summary: 'An introduction to the investment environment (demo).',
          body: DEMO_EN,
        },
      },
      90,
      { fileId: file.id },
    );
  }

  const newsIds = ids.filter((i) => i.kind === 'news').map((i) => i.id);
  const issue = await publish(
    'newsletter',
    {
      vi: {
        title: 'Bản tin quý IV/2024',
        slug: 'ban-tin-quy-4-2024',
        summary: 'Các hoạt động nổi bật của quý (demo).',
        body: p('Bản tin tổng hợp hoạt động thu hút đầu tư và phát triển hạ tầng trong quý.') + DEMO_VI,
      },
      en: {
        title: 'Newsletter Q4 2024',
        slug: 'newsletter-q4-2024',
        summary: 'Highlights of the quarter (demo).',
        body:
          p('A round-up of investment attraction and infrastructure development in the quarter.') + DEMO_EN,
      },
    },
    30,
    { periodId: '2024Q4' },
  );
  await setNewsletterArticles(ctx, issue, { articleIds: newsIds.slice(0, 3) });

  for (const periodId of ['2022', '2023', '2024', '2024YTD11']) {
    const exists = await db
      .selectFrom('statistics_publications')
      .select('id')
      .where('period_id', '=', periodId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (!exists) await releaseStatistics(ctx, { periodId, note: 'Demo' });
  }

  await db
    .insertInto('platform_settings')
    .values({ key: DONE_KEY, value: JSON.stringify(new Date().toISOString()) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  clearPortalCaches(db);
}
