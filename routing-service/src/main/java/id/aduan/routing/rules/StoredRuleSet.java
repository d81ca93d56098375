package id.aduan.routing.rules;

import id.aduan.routing.decision.CompetenceRule;
import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A {@link RuleSet} as the driver's record codec stores it in {@code competence-rules}: the revision
 * as {@code _id}, the other fields under their own names, plus whether its change was announced.
 * The codec leaves out a null field (the seeded set's previousVersion and changeId), which reads
 * back as null like the explicit nulls stored before. Public because the codec, in another package,
 * calls its constructor and accessors.
 */
public record StoredRuleSet(@BsonId int revision, String version, String previousVersion, List<CompetenceRule> rules,
        String changedBy, String reason, Instant changedAt, String changeId, boolean published) {

    static final String ID = "_id";
    static final String PUBLISHED = "published";

    static StoredRuleSet of(RuleSet set, boolean published) {
        return new StoredRuleSet(set.revision(), set.version(), set.previousVersion(), set.rules(), set.changedBy(),
                set.reason(), set.changedAt(), set.changeId(), published);
    }

    RuleSet ruleSet() {
        return new RuleSet(revision, version, previousVersion, rules, changedBy, reason, changedAt, changeId);
    }
}
