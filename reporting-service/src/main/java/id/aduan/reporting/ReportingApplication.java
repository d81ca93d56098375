package id.aduan.reporting;

import id.aduan.platform.events.EventConsumers;
import id.aduan.reporting.complaints.ComplaintProjection;
import java.util.function.Consumer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/** Read models for coordinators and the Ombudsman, built from the events of every other service. */
@SpringBootApplication
public class ReportingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingApplication.class, args);
    }

    /** The one consumer, bound to every topic the reports are built from (see application.yml). */
    @Bean
    Consumer<Message<byte[]>> events(EventConsumers consumers, ComplaintProjection complaints) {
        return consumers.consumer(complaints);
    }
}
