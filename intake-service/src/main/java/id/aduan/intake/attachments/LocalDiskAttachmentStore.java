package id.aduan.intake.attachments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Files under {@code ${aduan.data-dir}/attachments}, one per attachment, named by its id. */
class LocalDiskAttachmentStore implements AttachmentStore {

    private static final int CHUNK = 64 * 1024;

    private final Path directory;

    LocalDiskAttachmentStore(Path directory) {
        this.directory = directory;
    }

    @Override
    public Mono<Void> put(String attachmentId, byte[] bytes) {
        return Mono.fromRunnable(() -> {
            try {
                Files.createDirectories(directory);
                // Written aside and moved in whole, so a crash never leaves a half file under the id.
                Path partial = Files.createTempFile(directory, attachmentId, ".partial");
                Files.write(partial, bytes);
                Files.move(partial, directory.resolve(attachmentId), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Override
    public Flux<DataBuffer> read(String attachmentId) {
        // Asynchronous file reads: no thread waits for the disk.
        return DataBufferUtils.read(directory.resolve(attachmentId), DefaultDataBufferFactory.sharedInstance, CHUNK);
    }

    @Override
    public Mono<Void> delete(String attachmentId) {
        return Mono.fromCallable(() -> Files.deleteIfExists(directory.resolve(attachmentId)))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }
}
