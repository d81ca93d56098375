package id.aduan.intake.inbox;

/**
 * A value with the version of the event that set it: an event offering a value for a field changes
 * it only when it is newer than the one that set it, so the same events in any order, and any of
 * them again, leave the same value.
 */
record Versioned<T>(T value, long version) {

    static <T> Versioned<T> unset() {
        return new Versioned<>(null, Long.MIN_VALUE);
    }

    Versioned<T> offer(T offered, long offeredVersion) {
        return offeredVersion > version ? new Versioned<>(offered, offeredVersion) : this;
    }
}
