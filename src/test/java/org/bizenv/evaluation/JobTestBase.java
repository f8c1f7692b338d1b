package org.bizenv.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bizenv.BizenvApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the job tests share: the runner, and one job repository for every test class. Sharing it lets Spring reuse a
 * single context for all of them instead of starting one per class; runs never collide because each test writes to
 * its own output folder, which is part of a run's identity. Folders live under {@code target/}, which
 * {@code mvn clean} removes.
 */
@SpringBootTest(properties = {
        // a context Spring starts itself configures logging (a run's command line does that itself): quiet but for
        // bizenv's own lines
        "spring.main.banner-mode=off", "logging.level.root=WARN", "logging.level.org.bizenv=INFO",
        "logging.pattern.console=%d{HH:mm:ss} %-5level %msg%n"})
abstract class JobTestBase {

    static final Path repository = tempDir("job-repository");

    @DynamicPropertySource
    static void jobRepository(DynamicPropertyRegistry r) {
        BizenvApplication.SETTINGS.forEach((key, value) -> r.add(key, () -> value));   // the run's own settings
        r.add("bizenv.repository", () -> repository.toString());
    }

    @Autowired
    EvaluationRunner runner;

    /** A fresh folder under target/ (made by hand: the Spring context needs the repository before injection). */
    static Path tempDir(String prefix) {
        try {
            Path target = Files.createDirectories(Path.of("target", "job-tests"));
            return Files.createTempDirectory(target, prefix).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
