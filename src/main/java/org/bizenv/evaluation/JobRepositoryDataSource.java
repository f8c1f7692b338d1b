package org.bizenv.evaluation;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.Future;

import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job repository's connections: H2's own small pool over its embedded driver, in place of Hikari, which Boot
 * would otherwise configure (and which steps aside for a data source bean of the application's). A run is one
 * process on one database file: Hikari's housekeeping thread, its pool-filling thread and the binding of its fifty
 * settings cost a cold start CPU and bring nothing to an embedded database, whose connections are sessions in the
 * same JVM. The pool still matters: the survey step's partitions run on several threads, each in transactions of its
 * own, and H2 closes a file database when its last connection closes (reopening it costs far more than keeping a
 * session), so closed connections are kept for the next one.
 */
@Configuration(proxyBeanMethods = false)
public class JobRepositoryDataSource {

    /**
     * At most this many connections at once, Hikari's default maximum: the main thread's and one per survey partition
     * running; a partition beyond them waits for one (up to H2's 30 s), as it waited for Hikari's.
     */
    static final int MAX_CONNECTIONS = 10;

    private static final String USER = "sa";
    private static final String PASSWORD = "";

    /** The H2 database of the job repository under {@code repository} (the {@code bizenv.repository} property). */
    @Bean(destroyMethod = "dispose")                       // closes the idle connections, and with the last the file
    JdbcConnectionPool dataSource(@Value("${bizenv.repository:.bizenv}") String repository) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(h2(Path.of(repository)));
        pool.setMaxConnections(MAX_CONNECTIONS);
        return pool;
    }

    /**
     * The database file {@code job-repository.mv.db} in the repository folder. DB_CLOSE_ON_EXIT=FALSE: the context
     * closes it (a JVM shutdown hook of H2's would race the context's own close); TRACE_LEVEL_FILE=4: H2 reports
     * through SLF4J into bizenv's log file instead of a job-repository.trace.db of its own. MAX_COMPACT_TIME=30: on
     * closing, H2 moves live chunks to shrink the file for up to 200 ms by default, nearly all of a run's exit on a
     * busy machine (measured: the close 130 → 90 ms at load 8; the file grows over runs as with the default);
     * compaction only reclaims space, the data are written and consistent without it.
     */
    static String url(Path repository) {
        return "jdbc:h2:file:" + repository.toAbsolutePath().normalize().resolve("job-repository")
                + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=4;MAX_COMPACT_TIME=30";
    }

    private static JdbcDataSource h2(Path repository) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url(repository));
        h2.setUser(USER);
        h2.setPassword(PASSWORD);
        return h2;
    }

    /**
     * Opens the repository's database on a thread of its own while the caller starts the Spring context, whose pool
     * then finds it open (H2 keeps one database per file in a JVM): on two cores, opening the file and loading H2's
     * classes overlap Spring's preparation instead of following it. Call only while holding the repository (see
     * cli/RepositoryLock). A failure to open is left for the context to meet and report as it always did; the handle's
     * {@link OpenedAhead#close()} closes this connection once the context has its own.
     */
    public static OpenedAhead openAhead(Path repository) {
        return new OpenedAhead(Background.start("job-repository", () -> h2(repository).getConnection()));
    }

    /** A connection opened ahead of the context ({@link #openAhead}); closing it waits for the open to end. */
    public static final class OpenedAhead implements AutoCloseable {

        private final Future<Connection> connection;

        private OpenedAhead(Future<Connection> connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try (Connection c = Background.join(connection)) {
                // held until now so that the database stayed open for the context
            } catch (Exception e) {
                // it could not be opened: the context met the same cause and said so in its words
            }
        }
    }
}
