package nl.borgingsbot.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BorgingsbotApplication {

    public static void main(String[] args) {
        SpringApplication.run(BorgingsbotApplication.class, args);
    }
}
