package id.aduan.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The page's Content-Security-Policy allows map images from the tiles' origin, and from nowhere else. */
class MapTilesTest {

    @ParameterizedTest
    @CsvSource(emptyValue = "", value = {
            "https://tile.openstreetmap.org/{z}/{x}/{y}.png,           https://tile.openstreetmap.org",
            // Leaflet picks a subdomain per tile: any of them.
            "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png,       https://*.tile.openstreetmap.org",
            "http://tiles.example.go.id:8443/osm/{z}/{x}/{y}.png?k=1,  http://tiles.example.go.id:8443",
            // No tiles: no map, and no image origin beyond the app's own.
            "'',                                                       ''",
    })
    void theTilesOriginIsTheSchemeAndHostOfTheTemplate(String tileUrl, String origin) {
        assertThat(new WebSettings.Map(tileUrl, "© OpenStreetMap contributors").tileOrigin()).isEqualTo(origin);
    }
}
