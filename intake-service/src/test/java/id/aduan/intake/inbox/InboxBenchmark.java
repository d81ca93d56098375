package id.aduan.intake.inbox;

import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * How fast an agency holding 100,000 complaints gets a filtered page of its inbox (issue 14: at most
 * 200 ms). Not run by {@code ./mvnw verify}; run it with {@code bench/inbox.sh} (docs/benchmarks.md,
 * "Inbox"). The table holds the agency's complaints and as many of other agencies', seeded in SQL
 * with the values the projection writes; each query goes through intake's HTTP endpoint with the
 * agency admin's token, one at a time after a warm-up, and the table of percentiles is written to
 * {@code intake-service/target/inbox-benchmark.md}.
 */
@AduanServiceTest
class InboxBenchmark {

    private static final String AGENCY = "32.73.BENCH";
    private static final int PER_AGENCY = Integer.getInteger("bench.complaints", 100_000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    private static final int RUNS = Integer.getInteger("bench.runs", 100);

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void filteredPagesOfAnAgencyHolding100000Complaints() throws IOException {
        long seeding = System.nanoTime();
        seed(AGENCY, 0);
        seed("32.73.OTHER", PER_AGENCY);
        jdbc.execute("ANALYZE complaint_inbox");
        long seeded = (System.nanoTime() - seeding) / 1_000_000;
        String token = TestIssuer.shared().agency(AGENCY);
        String third = cursorAfter(token, "/api/v1/inbox?limit=50", 2);

        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("first page, next due first", "/api/v1/inbox?limit=50");
        queries.put("third page by cursor", "/api/v1/inbox?limit=50&cursor=" + third);
        queries.put("category INFRA (and below), region 32.73 (and inside), overdue", "/api/v1/inbox?category=INFRA&region=32.73&overdue=true");
        queries.put("status IN_PROCESS, received since a date, newest first",
                "/api/v1/inbox?status=IN_PROCESS&receivedFrom=2026-06-01&sort=-received");
        queries.put("with units, channel SMS, classification ASPIRATION",
                "/api/v1/inbox?includeUnits=true&channel=SMS&classification=ASPIRATION");
        queries.put("free text \"pasar\"", "/api/v1/inbox?q=pasar");
        queries.put("due before a date, one unit", "/api/v1/inbox?unit=" + AGENCY + "/UPT-2&dueBefore=2027-01-01");

        StringBuilder table = new StringBuilder("| query (" + PER_AGENCY + " complaints in the agency, " + (2 * PER_AGENCY)
                + " in the table) | total | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, String> query : queries.entrySet()) {
            for (int i = 0; i < WARMUP; i++) {
                page(token, query.getValue());
            }
            long[] millis = new long[RUNS];
            String total = "";
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                String body = page(token, query.getValue());
                millis[i] = (System.nanoTime() - start) / 1_000;
                total = body.substring(body.indexOf("\"total\":") + 8, body.indexOf(','));
            }
            Arrays.sort(millis);
            table.append("| ").append(query.getKey()).append(" | ").append(total).append(" | ")
                    .append(ms(millis[RUNS / 2])).append(" | ").append(ms(millis[RUNS * 95 / 100])).append(" | ")
                    .append(ms(millis[RUNS - 1])).append(" |\n");
        }
        table.append("\nSeeded in ").append(seeded).append(" ms; ").append(RUNS).append(" runs per query after ")
                .append(WARMUP).append(" warm-up runs, one at a time.\n");
        System.out.println(table);
        Files.writeString(Path.of("target", "inbox-benchmark.md"), table);
    }

    /** Rows as the projection writes them, spread over a year of receipts, statuses, categories, regions and channels. */
    private void seed(String agency, int offset) {
        jdbc.update("""
                INSERT INTO complaint_inbox (complaint_id, listed, title, description, status, category_code, region_code,
                  channel, classification, confidential, agency_code, unit_code, received_at, next_due_at, next_clock,
                  due_order, clock_paused)
                SELECT 'ADU-' || lpad(i::text, 10, '0'), TRUE,
                  'Keluhan ' || (ARRAY['jalan','lampu','sampah','puskesmas','sekolah','KTP','izin','banjir'])[1 + i % 8] || ' nomor ' || i,
                  CASE WHEN i % 97 = 0 THEN 'Dekat pasar, ' ELSE '' END || 'mohon segera ditangani, sudah lama dibiarkan warga.',
                  s.status, (ARRAY['INFRA.ROAD','INFRA.ROAD.LOCAL','INFRA.DRAINAGE','HEALTH.PUSKESMAS','EDU.SCHOOL.PRIMARY',
                    'ADMINDUK.ID_CARD','PERMITS','ENV.WASTE','SOCIAL.AID','TRANSPORT.ROAD_TRAFFIC'])[1 + (i * 7) % 10],
                  (ARRAY['32.73.01','32.73.02','32.73.15','32.71.01','32.04','00'])[1 + (i * 3) % 6],
                  (ARRAY['WEB','MOBILE_APP','SMS','WHATSAPP','SOCIAL_MEDIA'])[1 + (i * 11) % 5],
                  (ARRAY['ASPIRATION','INFORMATION_REQUEST','COMPLAINT_NO_SUPERVISORY_WEIGHT'])[1 + (i * 13) % 3],
                  i % 50 = 0, ?, CASE WHEN i % 10 = 0 THEN ? || '/UPT-' || (i % 4) END,
                  now() - make_interval(days => i % 365, secs => i % 86400),
                  s.due, CASE WHEN s.due IS NOT NULL THEN 'FOLLOW_UP' END, COALESCE(s.due, 'infinity'), FALSE
                FROM generate_series(? + 1, ? + ?) AS i,
                  LATERAL (SELECT (ARRAY['VERIFIED','IN_PROCESS','IN_PROCESS','AWAITING_REPORTER','COMPLETED','COMPLETED',
                    'ARCHIVED','AWAITING_VERIFICATION'])[1 + i % 8] AS status) AS st,
                  LATERAL (SELECT st.status,
                    CASE WHEN st.status IN ('COMPLETED', 'ARCHIVED') THEN NULL
                      ELSE now() + make_interval(days => (i * 17) % 61 - 30, secs => i % 3600) END AS due) AS s
                """, agency, agency, offset, offset, PER_AGENCY);
    }

    private String cursorAfter(String token, String uri, int pages) {
        String next = null;
        for (int i = 0; i < pages; i++) {
            String body = page(token, uri + (next == null ? "" : "&cursor=" + next));
            next = body.substring(body.indexOf("\"next\":\"") + 8, body.indexOf('"', body.indexOf("\"next\":\"") + 8));
        }
        return next;
    }

    private String page(String token, String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static String ms(long micros) {
        return String.format("%.1f", micros / 1000.0);
    }
}
