package org.bizenv;

import java.nio.file.Path;

import org.bizenv.cli.BizenvCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point. The command line (picocli) comes first so that {@code --help} and usage errors need no Spring context;
 * commands that run the batch job start one with {@link #context(Path)}.
 */
@SpringBootApplication
public class BizenvApplication {

    public static void main(String[] args) {
        System.exit(BizenvCommand.commandLine().execute(args));
    }

    /** A Spring context whose job repository lives under {@code repository}. */
    public static ConfigurableApplicationContext context(Path repository) {
        return new SpringApplicationBuilder(BizenvApplication.class)
                .properties("bizenv.repository=" + repository.toAbsolutePath().normalize())
                .logStartupInfo(false)
                .run();
    }
}
