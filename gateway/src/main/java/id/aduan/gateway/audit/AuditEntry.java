package id.aduan.gateway.audit;

import java.time.Instant;
import java.util.List;

/**
 * One state-changing request as the front door saw it: who (the token's subject, roles and agency),
 * from where, what, and how it ended. Never a request body: bodies hold reporters' identities.
 *
 * @param at when the gateway received the request (the entry is stored before it is forwarded)
 * @param clientAddress the caller's address (behind a load balancer, the forwarded one; docs/security.md)
 * @param complaintId the complaint the path names, if any, so one complaint's history can be asked for
 * @param status the HTTP status the caller got: refusals (403, 409...) are recorded too; null when the
 *     outcome is not known (the caller went away before the answer, the store failed in between, or the
 *     entry landed after its request had been refused for taking too long to store)
 */
public record AuditEntry(
        String id,
        Instant at,
        String actor,
        List<String> roles,
        String agency,
        String clientAddress,
        String method,
        String path,
        String complaintId,
        Integer status) {
}
