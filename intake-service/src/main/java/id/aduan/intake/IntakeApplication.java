package id.aduan.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Intake: every channel in, the event-sourced Complaint aggregate, its lifecycle out on Kafka. */
@SpringBootApplication
public class IntakeApplication {

    public static void main(String[] args) {
        // A government system does not report its libraries and machine to a vendor (Axon's update checker).
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        SpringApplication.run(IntakeApplication.class, args);
    }
}
