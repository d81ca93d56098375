package id.aduan.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.web.i18n.Formats;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A report as the API answers it, turned into what the page shows; no API call is made. */
class ReportsTest {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final Reports reports = new Reports(null, new Formats(), messages());

    @Test
    void aRegionsBreakdownLinksEachRegionToItsOwnReportOverTheSamePeriod() throws Exception {
        JsonNode report = new ObjectMapper().readTree("""
                {"scope": {"level": "REGENCY", "code": "32.73", "name": "Kota Bandung", "zone": "Asia/Jakarta"},
                 "received": 3, "completionRate": null,
                 "byRegion": {"32.73.29": {"received": 2, "completed": 1, "completionRate": 0.5},
                              "UNSPECIFIED": {"received": 1, "completed": 0, "completionRate": null}},
                 "regionNames": {"32.73.29": "Cinambo"},
                 "byPeriod": {"2026-12": {"received": 3}},
                 "byChannel": {"WEB": {"received": 3}}, "byCategory": {"INFRA.ROAD": {"received": 3}},
                 "byClassification": {"UNCLASSIFIED": {"received": 3}}}""");

        ReportView view = reports.view(report, new Period("2026-01-01", "2026-12-31", "month"), Reports.OMBUDSMAN_BASE, INDONESIAN);

        assertThat(view.heading()).isEqualTo("Laporan Kota Bandung (32.73)");
        assertThat(view.byRegion().rows()).extracting(ReportView.Row::label, ReportView.Row::link).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Cinambo", "/ombudsman/reports/regions/32.73.29?from=2026-01-01&to=2026-12-31&interval=month"),
                org.assertj.core.groups.Tuple.tuple("Lokasi kurang rinci", null));
        assertThat(view.byRegion().rows().get(0).cells()).startsWith("2", "1", "50%");
        assertThat(view.byRegion().rows().get(1).cells().get(2)).isEqualTo("tidak ada");
        assertThat(view.byChannel().rows().get(0).label()).isEqualTo("Situs web");
        assertThat(view.regionChart().bars()).extracting(bar -> bar.value()).containsExactly(2.0, 1.0);
        assertThat(view.headline()).filteredOn(shown -> shown.figure() == Figure.COMPLETION_RATE)
                .extracting(ReportView.Shown::text).containsExactly("tidak ada");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages-console");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
