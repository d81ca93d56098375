package id.aduan.intake.tracking;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TrackingConfiguration {

    @Autowired
    void createViewIndexes(ComplaintViews views) {
        views.createIndexes().block(Duration.ofSeconds(30));
    }
}
