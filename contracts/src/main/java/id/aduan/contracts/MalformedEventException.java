package id.aduan.contracts;

/** The bytes could not be read as an Aduan event; retrying will not help. */
public final class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
