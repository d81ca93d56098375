package id.aduan.intake.attachments;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

    @Bean
    @ConditionalOnMissingBean(AttachmentStore.class)
    AttachmentStore localDiskAttachmentStore(@Value("${aduan.data-dir}") Path dataDir) {
        return new LocalDiskAttachmentStore(dataDir.resolve("attachments"));
    }
}
