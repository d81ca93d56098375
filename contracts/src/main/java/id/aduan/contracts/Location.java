package id.aduan.contracts;

import java.util.Objects;

/**
 * Where the complaint is about: a Kemendagri region code (province {@code NN}, regency/city
 * {@code NN.NN} or district {@code NN.NN.NN}), optionally a point and a street address.
 */
public record Location(String regionCode, Double latitude, Double longitude, String address) {

    public Location {
        Objects.requireNonNull(regionCode, "regionCode");
    }

    public static Location of(String regionCode) {
        return new Location(regionCode, null, null, null);
    }
}
