package id.aduan.reporting;

import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.platform.events.EventConsumers;
import id.aduan.reference.IndonesianRegions;
import id.aduan.reporting.complaints.ComplaintProjection;
import id.aduan.reporting.complaints.ComplaintReadModel;
import id.aduan.reporting.metrics.PerformanceGauges;
import id.aduan.reporting.rebuild.ReadModelRebuild;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import net.javacrumbs.shedlock.core.LockProvider;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/** Read models for coordinators and the Ombudsman, built from the events of every other service. */
@SpringBootApplication
public class ReportingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingApplication.class, args);
    }

    @Bean
    IndonesianRegions provinces() {
        return IndonesianRegions.shipped();
    }

    @Bean
    ComplaintReadModel complaintReadModel(MongoDatabase database, IndonesianRegions provinces) {
        ComplaintReadModel readModel = new ComplaintReadModel(database, provinces);
        readModel.open();
        return readModel;
    }

    /** Follows a rebuild's switch to a new collection made by another instance (docs/metrics.md, "Rebuild"). */
    @Bean(destroyMethod = "dispose")
    Disposable followReadModelPointer(ComplaintReadModel readModel,
            @Value("${aduan.reporting.rebuild.follow-every:5s}") Duration every) {
        return Flux.interval(every, every)
                .concatMap(tick -> readModel.follow().onErrorComplete())
                .subscribe();
    }

    @Bean
    ComplaintProjection complaintProjection(ComplaintReadModel readModel, MeterRegistry meters) {
        return new ComplaintProjection(readModel, meters);
    }

    /** The one consumer, bound to every topic the reports are built from (see application.yml). */
    @Bean
    Consumer<Message<byte[]>> events(EventConsumers consumers, ComplaintProjection complaints) {
        return consumers.consumer(complaints);
    }

    @Bean(destroyMethod = "close")
    PerformanceGauges performanceGauges(ComplaintReadModel readModel, IndonesianRegions provinces, MeterRegistry meters,
            @Value("${aduan.reporting.gauges.refresh:15s}") Duration refresh) {
        PerformanceGauges gauges = new PerformanceGauges(readModel, provinces, meters);
        gauges.start(refresh);
        return gauges;
    }

    @Bean
    ReadModelRebuild readModelRebuild(ComplaintReadModel readModel, LockProvider locks,
            KafkaProperties kafka, @Value("${aduan.reporting.rebuild.buffered-events:100000}") int bufferedEvents,
            @Value("${aduan.reporting.rebuild.follow-every:5s}") Duration followEvery) {
        // The service's own client settings (a deployment's SASL credentials among them) besides the address.
        Map<String, Object> connection = new HashMap<>(kafka.getProperties());
        connection.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        // Every instance follows within one period; twice that leaves room for a slow read.
        return new ReadModelRebuild(readModel, locks, connection, bufferedEvents, followEvery.multipliedBy(2));
    }
}
