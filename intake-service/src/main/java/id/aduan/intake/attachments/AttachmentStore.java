package id.aduan.intake.attachments;

import reactor.core.publisher.Mono;

/**
 * Where attachment bytes live. The default is a local directory; a deployment with several
 * instances plugs in shared storage (an object store) by declaring its own bean.
 */
public interface AttachmentStore {

    /** Stores the bytes under the id; completes once they are durable. */
    Mono<Void> put(String attachmentId, byte[] bytes);
}
