import { describe, expect, it } from 'vitest';
import type { User } from '../lib/api-types';
import { isActivePath, visibleNavigation } from './navigation';

function user(role: User['role'], permissions: string[]): User {
  return {
    id: 'u1',
    email: 'a@heza.demo',
    fullName: 'A',
    role,
    department: null,
    zoneScope: null,
    zones: [],
    enterprise: null,
    locale: 'vi',
    permissions,
  };
}

const labels = (u: User) =>
  visibleNavigation(u).flatMap((e) =>
    e.kind === 'group' ? [e.labelKey, ...e.items.map((i) => i.labelKey)] : [e.labelKey],
  );

describe('visibleNavigation', () => {
  it('should show the administration group when the user may read users and the audit log', () => {
    const nav = labels(user('admin', ['accounts.user.read', 'audit.read', 'registry.zone.read']));
    expect(nav).toEqual(expect.arrayContaining(['nav.admin', 'nav.users', 'nav.audit', 'nav.zones']));
  });

  it('should hide the administration group when the user holds none of its read permissions', () => {
    const nav = labels(user('staff', ['registry.zone.read', 'registry.zone.write']));
    expect(nav).not.toContain('nav.admin');
    expect(nav).not.toContain('nav.users');
    expect(nav).toContain('nav.zones');
  });

  it('should show only the entries whose permission is held when a group is partly allowed', () => {
    const nav = labels(user('leader', ['accounts.user.read']));
    expect(nav).toContain('nav.users');
    expect(nav).not.toContain('nav.audit');
    expect(nav).not.toContain('nav.registry');
  });

  it('should show an enterprise user without permissions only the dashboard', () => {
    expect(labels(user('enterprise', []))).toEqual(['nav.dashboard']);
  });

  it('should show an enterprise its dossiers and the catalogue but not the counter, queue or statistics', () => {
    const nav = labels(
      user('enterprise', [
        'procedures.catalogue.read',
        'procedures.dossier.read',
        'procedures.dossier.submit',
      ]),
    );
    expect(nav).toEqual(
      expect.arrayContaining(['nav.procedures', 'nav.proceduresCatalogue', 'nav.dossiers']),
    );
    expect(nav).not.toContain('nav.counterIntake');
    expect(nav).not.toContain('nav.proceduresQueue');
    expect(nav).not.toContain('nav.proceduresStatistics');
  });

  it('should keep coming-soon modules for the roles that will use them', () => {
    const soon = visibleNavigation(user('staff', []), [
      { kind: 'soon', labelKey: 'nav.procedures', icon: () => null, roles: ['staff'] },
      { kind: 'soon', labelKey: 'nav.feedback', icon: () => null, roles: ['enterprise'] },
    ]);
    expect(soon.map((e) => e.labelKey)).toEqual(['nav.procedures']);
  });

  it("should show an enterprise user its reports and figures but not the authority's reporting screens", () => {
    const nav = labels(
      user('enterprise', ['reporting.submission.read', 'reporting.submission.write', 'analytics.read']),
    );
    expect(nav).toEqual(
      expect.arrayContaining(['nav.reporting', 'nav.myReports', 'nav.analytics', 'nav.pivot']),
    );
    expect(nav).not.toContain('nav.submissions');
    expect(nav).not.toContain('nav.completeness');
  });
});

describe('isActivePath', () => {
  it('should match the dashboard only on the root path', () => {
    expect(isActivePath('/', '/')).toBe(true);
    expect(isActivePath('/', '/account')).toBe(false);
  });

  it('should match sub-paths but not look-alike prefixes', () => {
    expect(isActivePath('/admin/users', '/admin/users/42')).toBe(true);
    expect(isActivePath('/admin/users', '/admin/users-archive')).toBe(false);
  });
});

describe('registry navigation', () => {
  it('should show each registry entry only with its read permission', () => {
    const all = labels(
      user('admin', [
        'registry.zone.read',
        'registry.enterprise.read',
        'registry.project.read',
        'registry.stats.read',
        'registry.plan.read',
        'registry.import',
      ]),
    );
    expect(all).toEqual(
      expect.arrayContaining([
        'nav.registry',
        'nav.zones',
        'nav.enterprises',
        'nav.projects',
        'nav.investmentStats',
        'nav.plans',
        'nav.registryImport',
      ]),
    );
  });

  it('should show an enterprise user only its enterprise and projects when those are all it may read', () => {
    const nav = labels(user('enterprise', ['registry.enterprise.read', 'registry.project.read']));
    expect(nav).toEqual(expect.arrayContaining(['nav.registry', 'nav.enterprises', 'nav.projects']));
    for (const hidden of ['nav.zones', 'nav.investmentStats', 'nav.plans', 'nav.registryImport'])
      expect(nav).not.toContain(hidden);
  });
});
