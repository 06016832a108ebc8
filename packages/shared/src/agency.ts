/**
 * The agency (cơ quan) whose identifier starts every dossier code and whose names head the printed forms:
 * the default one-stop office (table `one_stop_offices`). One schema for the server route and the web form.
 */
import { z } from 'zod';
import { bilingual } from './i18n-message.ts';

const msg = bilingual;

/**
 * The agency identifier V1V2V3.Z1Z2.Y1Y2.MX1X2 (TT 10/2016/TT-BTTTT, QĐ 20/2020/QĐ-TTg; docs/domain-vn.md
 * §2.3): three groups of digits, then the level-1 unit code, a letter and two digits, e.g. 000.00.00.H31.
 */
export const AGENCY_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/** The placeholder shipped by migration 0024: to be replaced by the authority's own identifier. */
export const PLACEHOLDER_AGENCY_CODE = '000.00.00.Z99';

const required = (max: number, vi: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, { error: msg(vi, en) })
    .max(max, { error: msg(`Tối đa ${max} ký tự.`, `At most ${max} characters.`) });
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: msg(`Tối đa ${max} ký tự.`, `At most ${max} characters.`) })
    .transform((s) => (s === '' ? null : s))
    .nullish();

/** The agency identifier, trimmed and upper-cased. */
export const AgencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(AGENCY_CODE_PATTERN, {
    error: msg(
      'Mã định danh cơ quan phải có dạng 000.00.00.H31 (ba nhóm chữ số, rồi một chữ cái và hai chữ số).',
      'The agency identifier must look like 000.00.00.H31 (three groups of digits, then a letter and two digits).',
    ),
  });

/** Changes the agency's identifier and details (administrators). */
export const AgencyInput = z.object({
  code: AgencyCode,
  nameVi: required(
    300,
    'Vui lòng nhập tên cơ quan (tiếng Việt).',
    'Please enter the agency name (Vietnamese).',
  ),
  nameEn: required(300, 'Vui lòng nhập tên cơ quan (tiếng Anh).', 'Please enter the agency name (English).'),
  parentVi: required(300, 'Vui lòng nhập cơ quan chủ quản.', 'Please enter the parent body.'),
  placeVi: required(
    100,
    'Vui lòng nhập địa danh ghi trên văn bản.',
    'Please enter the place name used on forms.',
  ),
  addressVi: optional(500),
  phone: z
    .string()
    .trim()
    .regex(/^(\+?[0-9 .()-]{8,20})?$/, {
      error: msg('Số điện thoại không hợp lệ.', 'The phone number is not valid.'),
    })
    .transform((s) => (s === '' ? null : s))
    .nullish(),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .refine((s) => s === '' || z.email().safeParse(s).success, {
      error: msg('Địa chỉ email không hợp lệ.', 'The e-mail address is not valid.'),
    })
    .transform((s) => (s === '' ? null : s))
    .nullish(),
});
export type AgencyInput = z.input<typeof AgencyInput>;

/** The agency as shown to administrators, with the identifiers used before (kept by earlier dossiers). */
export const AgencyView = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  parentVi: z.string(),
  placeVi: z.string(),
  addressVi: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  isPlaceholder: z.boolean(),
  previousCodes: z.array(z.object({ code: z.string(), dossiers: z.number().int() })),
});
export type AgencyView = z.infer<typeof AgencyView>;
