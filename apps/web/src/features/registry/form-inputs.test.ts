import type { ZoneEventView } from '@heza/shared/registry';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  decisionText,
  emptyLedgerValues,
  hasBefore,
  sortEvents,
  toEnterpriseInput,
  toLedgerInput,
  toZoneInput,
  vsicCodeOf,
  type ZoneFormValues,
} from './form-inputs';
import { spreadsheetFormat, templateUrl } from './import-api';

const messages = { required: 'required', choose: 'choose', number: 'number', date: 'date', json: 'json' };

function zoneValues(patch: Partial<ZoneFormValues> = {}): ZoneFormValues {
  return {
    code: '',
    nameVi: ' KCN Ví Dụ ',
    nameEn: '',
    kind: 'industrial_park',
    parentId: 'p1',
    modelType: 'general',
    developerId: '',
    locationMode: 'point',
    lon: '106,72',
    lat: '20.86',
    geojson: '',
    address: '',
    infrastructure: [{ kind: 'port', name: 'Cảng Lạch Huyện', distanceKm: '12,5' }],
    contacts: [{ name: 'Nguyễn Văn A', role: '', phone: '0225 123', email: '' }],
    descriptionVi: '',
    descriptionEn: '',
    source: '',
    ...patch,
  };
}

describe('toZoneInput', () => {
  it('should build the zone body with trimmed text, nulls for empty fields and a GeoJSON point', () => {
    const { input, problems } = toZoneInput(zoneValues(), messages);
    expect(problems).toEqual({});
    expect(input).toMatchObject({
      nameVi: 'KCN Ví Dụ',
      nameEn: null,
      parentId: 'p1',
      developerId: null,
      location: { type: 'Point', coordinates: [106.72, 20.86] },
      infrastructure: [{ kind: 'port', name: 'Cảng Lạch Huyện', distanceKm: 12.5 }],
      contacts: [{ name: 'Nguyễn Văn A', role: null, phone: '0225 123', email: null }],
    });
    expect(input.code).toBeUndefined();
  });

  it('should drop the parent of an economic zone and name the fields it cannot read', () => {
    const { input, problems } = toZoneInput(
      zoneValues({
        kind: 'economic_zone',
        lon: '200',
        infrastructure: [{ kind: 'airport', name: 'x', distanceKm: 'xa' }],
      }),
      messages,
    );
    expect(input.parentId).toBeNull();
    expect(problems).toEqual({ 'location.lon': 'number', 'infrastructure.0.distanceKm': 'number' });
  });

  it('should pass a boundary as given and report GeoJSON that is not JSON', () => {
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [1, 2],
          [3, 4],
          [5, 6],
          [1, 2],
        ],
      ],
    };
    expect(
      toZoneInput(zoneValues({ locationMode: 'geojson', geojson: JSON.stringify(polygon) }), messages).input
        .location,
    ).toEqual(polygon);
    expect(toZoneInput(zoneValues({ locationMode: 'geojson', geojson: '{' }), messages).problems).toEqual({
      location: 'json',
    });
    expect(toZoneInput(zoneValues({ locationMode: 'none' }), messages).input.location).toBeNull();
  });
});

describe('toEnterpriseInput', () => {
  it('should send the profile with empty text as null', () => {
    expect(
      toEnterpriseInput({
        taxCode: ' 0200000001-001 ',
        nameVi: 'Công ty A',
        nameEn: ' ',
        ownership: 'fdi',
        investorCountries: ['KR'],
        zoneIds: ['z1'],
        address: '',
        status: 'active',
        contacts: [],
      }),
    ).toEqual({
      taxCode: '0200000001-001',
      nameVi: 'Công ty A',
      nameEn: null,
      ownership: 'fdi',
      investorCountries: ['KR'],
      zoneIds: ['z1'],
      address: null,
      status: 'active',
      contacts: [],
    });
  });
});

describe('toLedgerInput', () => {
  it('should read Vietnamese amounts into exact decimal text and leave the arithmetic to the server', () => {
    const { input, problems } = toLedgerInput(
      {
        ...emptyLedgerValues('adjustment'),
        certificateNo: ' 021043000381 ',
        amendmentNo: '4',
        certificateDate: '2025-01-10',
        capitalBefore: '489260000',
        capitalChange: '1.000.000',
        capitalAfter: '1',
      },
      'vi',
      messages,
    );
    expect(problems).toEqual({});
    expect(input).toMatchObject({
      kind: 'adjustment',
      certificateNo: '021043000381',
      amendmentNo: 4,
      capitalBefore: '489260000',
      capitalChange: '1000000',
      capitalAfter: '1',
      changeUsd: null,
      correctsEntryId: null,
    });
  });

  it('should send no capital before for a new registration or a project entering management', () => {
    expect(hasBefore('new')).toBe(false);
    expect(hasBefore('transfer_in')).toBe(false);
    expect(hasBefore('termination')).toBe(true);
    const { input } = toLedgerInput(
      { ...emptyLedgerValues('new'), certificateNo: 'A', capitalBefore: '5', capitalChange: '10' },
      'vi',
      messages,
    );
    expect(input.capitalBefore).toBeNull();
  });

  it('should name the missing and unreadable fields with the prefix of the nested object', () => {
    const { problems } = toLedgerInput(
      { ...emptyLedgerValues(''), certificateDate: '', capitalChange: 'mười', amendmentNo: 'x' },
      'vi',
      messages,
      'firstEntry.',
    );
    expect(problems).toEqual({
      'firstEntry.kind': 'choose',
      'firstEntry.certificateNo': 'required',
      'firstEntry.certificateDate': 'date',
      'firstEntry.capitalChange': 'number',
      'firstEntry.amendmentNo': 'number',
    });
  });
});

describe('vsicCodeOf', () => {
  it('should take the code at the start of a picked or typed sector', () => {
    expect(vsicCodeOf('2640 — Sản xuất sản phẩm điện tử dân dụng')).toBe('2640');
    expect(vsicCodeOf(' 9999 ')).toBe('9999');
    expect(vsicCodeOf('c')).toBe('C');
    expect(vsicCodeOf('')).toBe('');
  });
});

function event(patch: Partial<ZoneEventView>): ZoneEventView {
  return {
    id: 'e',
    status: 'established',
    eventDate: '2020-01-01',
    decisionNo: null,
    decisionDate: null,
    decisionIssuer: null,
    note: null,
    isDemo: false,
    recordedAt: '2026-01-01T00:00:00Z',
    voidedAt: null,
    voidReason: null,
    ...patch,
  };
}

describe('the lifecycle timeline', () => {
  it('should order events by date, then by when they were recorded', () => {
    const sorted = sortEvents([
      event({ id: 'c', eventDate: '2021-05-01' }),
      event({ id: 'b', eventDate: '2020-01-01', recordedAt: '2026-02-01T00:00:00Z' }),
      event({ id: 'a', eventDate: '2020-01-01' }),
    ]);
    expect(sorted.map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('should describe the deciding document from the parts that are known', () => {
    const t = ((key: string, o: Record<string, string>) =>
      `${key.split('.').pop()}:${Object.values(o).join()}`) as unknown as TFunction;
    expect(
      decisionText(
        event({ decisionNo: '1511/QĐ-TTg', decisionDate: '2024-12-04', decisionIssuer: 'TTg' }),
        t,
      ),
    ).toBe('decisionNo:1511/QĐ-TTg decisionDate:04/12/2024 decisionIssuer:TTg');
    expect(decisionText(event({}), t)).toBeNull();
  });
});

describe('spreadsheet files', () => {
  it('should know XLSX and CSV by their name and build template links', () => {
    expect(spreadsheetFormat('Doanh nghiệp.XLSX')).toBe('xlsx');
    expect(spreadsheetFormat('so-lieu.csv')).toBe('csv');
    expect(spreadsheetFormat('so-lieu.xls')).toBeNull();
    expect(templateUrl('ledger', 'csv')).toBe('/api/registry/import/templates/ledger?format=csv');
  });
});
