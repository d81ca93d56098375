/**
 * The performance reports shared by the coordinators' console and the Ombudsman's pages (docs/metrics.md):
 * reading reports, rankings and the overdue list through the API, and the report pages under {@code /reports}
 * that both roles open. Areas use it; it uses no area.
 */
package id.aduan.web.report;
