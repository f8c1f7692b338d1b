package org.bizenv;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bizenv.cli.BizenvCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point. The command line (picocli) comes first so that {@code --help} and usage errors need no Spring context;
 * commands that run the batch job start one with {@link #context(Path)}.
 */
@SpringBootApplication(exclude = {
        // Nothing of bizenv's is @Transactional, an aspect or a @Repository, and Spring Batch proxies its job
        // repository and operator with transactions itself: without these, no post-processor inspects every bean's
        // methods for annotations while the context starts.
        AopAutoConfiguration.class, TransactionAutoConfiguration.class,
        PersistenceExceptionTranslationAutoConfiguration.class,
        // Beans the job never asks for: an application task executor and scheduler (the survey partitions have
        // their own threads), JdbcTemplate and JdbcClient (Spring Batch makes its own), SSL bundles, build info,
        // liveness and readiness state.
        TaskExecutionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, SslAutoConfiguration.class,
        ProjectInfoAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class})
public class BizenvApplication {

    /**
     * Boot's listener that warms up a conversion service and the charsets on a thread of its own while the context
     * starts, and makes the start wait for it at the end: on two cores, beside the inputs' fingerprint and the
     * compiler's thread, it takes CPU the start itself needs (measured: some 0.1 s less CPU until the first step
     * without it). Package-private in Boot, hence named.
     */
    private static final String BACKGROUND_PREINITIALIZER =
            "org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializingApplicationListener";

    /**
     * bizenv's Spring settings, the only ones a context of bizenv's has: no configuration file is read (Spring's
     * config-data search would also look in the working directory and its config/ folder, where another tool's or a
     * stray application.* file would change them, e.g. initialize-schema: never, and a fresh job repository would
     * have no tables; and reading the jar's own file was ~0.1 s of a cold run's start). Job tests start their
     * contexts with the same settings (JobTestBase).
     */
    public static final Map<String, Object> SETTINGS = settings();

    private static Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        // a command-line batch job: no web server, no banner, jobs started by the command line, not on start-up
        s.put("spring.main.banner-mode", "off");
        s.put("spring.main.web-application-type", "none");
        s.put("spring.batch.job.enabled", "false");
        // The job repository lives in a file-mode H2 database so that a failed run can be restarted later. "always"
        // is the only mode that initializes a file database; evaluation/JobRepositorySchema runs the script only when
        // the tables are missing, so once per repository, not on every start.
        s.put("spring.batch.jdbc.initialize-schema", "always");
        // no schema.sql or data.sql of bizenv's: Boot's own script initializer would only look for them on every start
        s.put("spring.sql.init.mode", "never");
        // no configuration file at all (an empty list of locations; see above)
        s.put("spring.config.location", "");
        return Collections.unmodifiableMap(s);
    }

    public static void main(String[] args) {
        if (Boolean.getBoolean("spring.aot.processing")) {
            // the build's Spring AOT step (process-aot) calls main to find the context: it is the run's, minus the run
            context(Path.of("target", "aot-repository"));
            return;
        }
        // a thread that dies of an exception is told like any failure, not with a trace on the console
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> BizenvCommand.failed("(thread " + thread.getName()
                + ")", e));
        int exit;
        try {
            exit = BizenvCommand.commandLine().execute(args);
        } catch (Throwable e) {                            // an Error from a command: picocli lets those through
            exit = BizenvCommand.failed(args.length == 0 ? "" : args[0], e);
        }
        System.exit(exit);
    }

    /**
     * A Spring context whose job repository lives under {@code repository}, configured by {@link #SETTINGS} alone
     * (no file, none from the working directory). It leaves logging as the command line configured it (console for
     * people, log file for traces): Spring Boot's logging listener would replace that configuration with its own,
     * console traces included. Boot's background pre-initializer is left out too.
     */
    public static ConfigurableApplicationContext context(Path repository) {
        SpringApplication app = new SpringApplicationBuilder(BizenvApplication.class)
                .properties(SETTINGS)
                .properties("bizenv.repository=" + repository.toAbsolutePath().normalize())
                .logStartupInfo(false)
                .build();
        // Named rather than found on the stack: Spring AOT looks its prepared context up by the main class's name, and
        // a context started off the main method's thread (or from a test) has no main method on its stack.
        app.setMainApplicationClass(BizenvApplication.class);
        app.setListeners(app.getListeners().stream().filter(l -> !(l instanceof LoggingApplicationListener)
                && !l.getClass().getName().equals(BACKGROUND_PREINITIALIZER)).toList());
        return app.run();
    }
}
