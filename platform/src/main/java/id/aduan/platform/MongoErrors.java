package id.aduan.platform;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

public final class MongoErrors {

    private MongoErrors() {
    }

    /** A write refused by a unique index: for an insert-once document, proof it is already there. */
    public static boolean isDuplicateKey(Throwable e) {
        return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
