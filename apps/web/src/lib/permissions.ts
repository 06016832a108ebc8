import type { User } from './api-types';

/** Action codes the web checks. The server is the authority; the web only hides what would be refused. */
export const PERMISSIONS = {
  userRead: 'accounts.user.read',
  userWrite: 'accounts.user.write',
  auditRead: 'audit.read',
  zoneRead: 'registry.zone.read',
  zoneWrite: 'registry.zone.write',
  enterpriseRead: 'registry.enterprise.read',
  enterpriseWrite: 'registry.enterprise.write',
  projectRead: 'registry.project.read',
  projectWrite: 'registry.project.write',
  planRead: 'registry.plan.read',
  planWrite: 'registry.plan.write',
  statsRead: 'registry.stats.read',
  registryImport: 'registry.import',
  portalContentRead: 'portal.content.read',
  portalContentWrite: 'portal.content.write',
  portalContentPublish: 'portal.content.publish',
  portalStatisticsRead: 'portal.statistics.read',
  portalStatisticsPublish: 'portal.statistics.publish',
  portalSettingsWrite: 'portal.settings.write',
  reportRead: 'reporting.submission.read',
  reportWrite: 'reporting.submission.write',
  reportReview: 'reporting.submission.review',
  reportMonitor: 'reporting.monitor.read',
  reportImport: 'reporting.import',
  analyticsRead: 'analytics.read',
  officialReportRead: 'official_reports.report.read',
  officialReportWrite: 'official_reports.report.write',
  officialReportTemplateRead: 'official_reports.template.read',
  officialReportTemplateWrite: 'official_reports.template.write',
  indicatorRead: 'reporting.indicator.read',
  indicatorWrite: 'reporting.indicator.write',
  reportFormRead: 'reporting.form.read',
  reportFormWrite: 'reporting.form.write',
  reportUnlock: 'reporting.unlock',
  reportReminderSend: 'reporting.reminder.send',
  procedureCatalogueRead: 'procedures.catalogue.read',
  procedureCatalogueWrite: 'procedures.catalogue.write',
  dossierRead: 'procedures.dossier.read',
  dossierSubmit: 'procedures.dossier.submit',
  dossierIntake: 'procedures.dossier.intake',
  dossierProcess: 'procedures.dossier.process',
  procedureStatsRead: 'procedures.stats.read',
  feedbackRead: 'feedback.item.read',
  feedbackIntake: 'feedback.item.intake',
  feedbackProcess: 'feedback.item.process',
  feedbackCategoryWrite: 'feedback.category.write',
  feedbackStatsRead: 'feedback.stats.read',
  calendarRead: 'calendar.read',
  calendarWrite: 'calendar.write',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

export function hasPermission(
  user: Pick<User, 'permissions'> | null | undefined,
  permission: string,
): boolean {
  return !!user && user.permissions.includes(permission);
}
