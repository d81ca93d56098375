package id.aduan.reporting.publicstatistics;

import id.aduan.platform.web.ProblemResponses;
import id.aduan.reference.IndonesianRegions;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Public statistics: one year's figures of the nation, a province or a regency/city for anyone,
 * without a token (aduan.security.public-get-paths; the gateway limits each address). Cacheable by
 * clients and CDNs for as long as the service keeps the answer itself.
 */
@RestController
@RequestMapping("/api/v1/public/statistics")
class PublicStatisticsEndpoint {

    /** The earliest year asked for: imported histories of retired local apps reach back before LAPOR! (2011). */
    static final int FIRST_YEAR = 2000;

    private final PublicStatisticsQueries statistics;

    PublicStatisticsEndpoint(PublicStatisticsQueries statistics) {
        this.statistics = statistics;
    }

    /**
     * @param year the calendar year, each complaint counted by its day of receipt in its province's zone; this year by default
     * @param region a province ({@code 32}) or regency/city ({@code 32.73}) code; the nation when absent
     */
    @Operation(summary = "Read the public statistics of a year and region")
    @Problems(ProblemType.RATE_LIMITED)
    @GetMapping
    Mono<ResponseEntity<PublicStatistics>> statistics(@RequestParam(required = false) String year,
            @RequestParam(required = false) String region) {
        int thisYear = LocalDate.now(IndonesianRegions.NATIONAL_ZONE).getYear();
        int asked = year(year, thisYear);
        String scope = region(region);
        return statistics.statistics(asked, scope).map(answer -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(statistics.cacheFor()).cachePublic())
                .body(answer));
    }

    private static int year(String value, int thisYear) {
        if (value == null || value.isBlank()) {
            return thisYear;
        }
        String problem = "must be a year from " + FIRST_YEAR + " to " + thisYear;
        if (!value.strip().matches("[0-9]{4}")) {
            throw ProblemResponses.invalidField("year", problem);
        }
        int year = Integer.parseInt(value.strip());
        if (year < FIRST_YEAR || year > thisYear) {
            throw ProblemResponses.invalidField("year", problem);
        }
        return year;
    }

    /** Districts are not published: too few complaints each to say anything without naming someone. */
    private static String region(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip();
        if (!code.matches("[0-9]{2}(\\.[0-9]{2})?") || IndonesianRegions.shipped().name(code).isEmpty()) {
            throw ProblemResponses.invalidField("region", "must be a province or regency/city code such as 32 or 32.73");
        }
        return code;
    }
}
