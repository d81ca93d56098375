package id.aduan.intake.attachments;

import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where attachment bytes live. The default is a local directory; a deployment with several
 * instances plugs in shared storage (an object store) by declaring its own bean.
 */
public interface AttachmentStore {

    /** Stores the bytes under the id; completes once they are durable. */
    Mono<Void> put(String attachmentId, byte[] bytes);

    /** The bytes stored under the id, as they are read; an error when there are none. */
    Flux<DataBuffer> read(String attachmentId);

    /** Removes the bytes under the id, if there are any. */
    Mono<Void> delete(String attachmentId);
}
