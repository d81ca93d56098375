package id.aduan.intake.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration implements SchedulingConfigurer {

    private final NotificationSettings settings;
    private final ObjectProvider<NotificationDelivery> delivery;

    NotificationConfiguration(NotificationSettings settings, ObjectProvider<NotificationDelivery> delivery) {
        this.settings = settings;
        this.delivery = delivery;
    }

    @Bean
    UnsubscribeLinks unsubscribeLinks(@Value("${aduan.data-dir}") Path dataDir) {
        Path file = settings.linkSecretFile() != null ? Path.of(settings.linkSecretFile())
                : dataDir.resolve("intake").resolve("notification-link-secret");
        return new UnsubscribeLinks(UnsubscribeLinks.loadOrCreateSecret(file), settings);
    }

    /** E-mail only where a mail server is configured (spring.mail.host). */
    @Bean
    Outbound outbound(ObjectProvider<JavaMailSenderImpl> mail, ObjectMapper json) {
        return new Outbound(settings, mail.getIfAvailable(), json);
    }

    @Bean
    NotificationDelivery notificationDelivery(NotificationLog log, Notifications notifications, Messages messages,
            Outbound outbound, Clock clock) {
        return new NotificationDelivery(log, notifications, messages, outbound, settings.delivery(), clock);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (settings.enabled()) {
            // A failed run (database away) is logged by the scheduler; claimed rows are taken up again when their lease ends.
            tasks.addFixedDelayTask(() -> delivery.getObject().deliverDue(), settings.delivery().interval());
        }
    }
}
