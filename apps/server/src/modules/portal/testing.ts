/**
 * Test fixtures for the portal (used by the *.test.ts files next to it): the registry's small world
 * (economic zone A with park A1 inside, stand-alone park B, one enterprise and project in each) given
 * lifecycles, areas and locations, so the public pages have something to show.
 */
import type { ContentKind, PortalLang } from '@heza/shared/portal';
import type { Db } from '../../db/client.ts';
import { recordZoneArea } from '../registry/commands/record-zone-area.ts';
import { recordZoneEvent } from '../registry/commands/record-zone-event.ts';
import { updateZone } from '../registry/commands/update-zone.ts';
import { fixtureCtx, makeWorld } from '../registry/testing.ts';
import { clearPortalCaches } from './cache.ts';
import { createContent } from './commands/create-content.ts';
import { publishVersion } from './commands/publish-version.ts';
import { saveVersion } from './commands/save-version.ts';
import { submitVersion } from './commands/submit-version.ts';

/** The registry world with statuses, areas (A1: 40 of 100 ha leased → 60 ha available) and points. */
export async function makePortalWorld(db: Db) {
  const world = await makeWorld(db);
  const ctx = fixtureCtx(db);
  await recordZoneEvent(ctx, world.ezA.id, { status: 'established', eventDate: '2010-01-01' });
  await recordZoneEvent(ctx, world.parkA1.id, {
    status: 'established',
    eventDate: '2015-03-01',
    decisionNo: '12/QĐ-TTg',
  });
  await recordZoneEvent(ctx, world.parkA1.id, { status: 'operating', eventDate: '2018-06-01' });
  await recordZoneEvent(ctx, world.parkB.id, { status: 'established', eventDate: '2022-05-01' });
  await recordZoneEvent(ctx, world.parkB.id, { status: 'construction', eventDate: '2023-01-01' });
  await recordZoneArea(ctx, world.parkA1.id, {
    asOf: '2024-06-30',
    totalAreaHa: '150',
    industrialLandHa: '120',
    leasableHa: '100',
    leasedHa: '40',
  });
  await recordZoneArea(ctx, world.parkB.id, {
    asOf: '2024-06-30',
    totalAreaHa: '80',
    leasableHa: '60',
    leasedHa: '60',
  });
  await updateZone(ctx, world.ezA.id, { location: { type: 'Point', coordinates: [106.8, 20.8] } });
  await updateZone(ctx, world.parkA1.id, {
    nameEn: `Test Park A1 ${world.tag}`,
    location: { type: 'Point', coordinates: [106.85, 20.82] },
    infrastructure: [{ kind: 'port', name: 'Cảng thử', distanceKm: 5.5 }],
    descriptionVi: 'Khu công nghiệp thử nghiệm gần cảng Đình Vũ.',
    descriptionEn: 'A test industrial park near Dinh Vu port.',
  });
  await updateZone(ctx, world.parkB.id, { location: { type: 'Point', coordinates: [106.6, 20.9] } });
  const codes = await db
    .selectFrom('zones')
    .select(['id', 'code'])
    .where('id', 'in', [world.ezA.id, world.parkA1.id, world.parkB.id])
    .execute();
  const code = (id: string) => codes.find((c) => c.id === id)!.code;
  clearPortalCaches(db);
  return {
    ...world,
    codes: { ezA: code(world.ezA.id), parkA1: code(world.parkA1.id), parkB: code(world.parkB.id) },
  };
}

/** One language's text of a fixture item. */
export interface FixtureText {
  title: string;
  slug?: string;
  summary?: string;
  bodyHtml?: string;
}

/**
 * Creates a content item and publishes the given languages through the real workflow (draft → review →
 * published), as the system; `publishAt` schedules them.
 */
export async function publishFixture(
  db: Db,
  kind: ContentKind,
  texts: Partial<Record<PortalLang, FixtureText>>,
  opts: { zoneId?: string; periodId?: string; publishAt?: string; sortOrder?: number } = {},
) {
  const ctx = fixtureCtx(db);
  const langs = Object.keys(texts) as PortalLang[];
  const first = langs[0]!;
  const created = await createContent(ctx, {
    kind,
    lang: first,
    ...texts[first]!,
    zoneId: opts.zoneId,
    periodId: opts.periodId,
    sortOrder: opts.sortOrder ?? 0,
  });
  const versionIds: Partial<Record<PortalLang, string>> = { [first]: created.versions[0]!.id };
  for (const lang of langs.slice(1))
    versionIds[lang] = (await saveVersion(ctx, created.id, lang, texts[lang]!)).id;
  for (const lang of langs) {
    await submitVersion(ctx, versionIds[lang]!);
    await publishVersion(ctx, versionIds[lang]!, { publishAt: opts.publishAt });
  }
  return { id: created.id, versionIds };
}
