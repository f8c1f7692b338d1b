package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.bizenv.BizenvApplication;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job repository's connections (H2's pool, {@link JobRepositoryDataSource}) in the context a command line starts:
 * a transaction per thread, as the survey partitions need, and the database file closed with the context, as the
 * next run needs; and a job with more survey partitions than connections. The restart of a failed partition through
 * these connections: {@link PartitionedSurveyJobTest}.
 */
class JobRepositoryDataSourceTest extends JobTestBase {

    @Test
    void twoThreadsHaveATransactionEachAndClosingTheContextClosesTheDatabaseFile() throws Exception {
        Path repo = tempDir("data-source");
        Path file = repo.resolve("job-repository.mv.db");
        try (ConfigurableApplicationContext ctx = BizenvApplication.context(repo)) {
            DataSource dataSource = ctx.getBean(DataSource.class);
            assertThat(dataSource).isInstanceOf(JdbcConnectionPool.class);
            assertThat(((JdbcConnectionPool) dataSource).getMaxConnections())
                    .isEqualTo(JobRepositoryDataSource.MAX_CONNECTIONS);
            JdbcTemplate sql = new JdbcTemplate(dataSource);
            TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
            sql.execute("CREATE TABLE ROWS_WRITTEN (N INT)");

            // one thread writes a row and holds its transaction open while the other counts the rows in its own
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch counted = new CountDownLatch(1);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
                sql.update("INSERT INTO ROWS_WRITTEN VALUES (1)");
                written.countDown();
                await(counted);
            }));
            await(written);
            Integer seenMeanwhile = tx.execute(s -> sql.queryForObject("SELECT COUNT(*) FROM ROWS_WRITTEN",
                    Integer.class));
            counted.countDown();
            writer.get(30, TimeUnit.SECONDS);

            assertThat(seenMeanwhile).as("rows another thread has not committed yet").isZero();
            assertThat(sql.queryForObject("SELECT COUNT(*) FROM ROWS_WRITTEN", Integer.class)).isOne();
            assertThat(((JdbcConnectionPool) dataSource).getActiveConnections()).isZero();
        }
        // H2 holds a lock on its file while the database is open; the context's close must have closed it
        assertThat(file).isRegularFile();
        assertThat(locked(file)).as("the database, closed with the context").isFalse();
        assertThat(Files.list(repo).map(p -> p.getFileName().toString()))
                .doesNotContain("job-repository.lock.db", "job-repository.trace.db");
    }

    /**
     * A run opens the database ahead of the context (see RunCommand): the context's pool finds it open, and once that
     * connection is closed the context still has the database, until it closes.
     */
    @Test
    void theDatabaseOpenedAheadServesTheContextAndClosesWithIt() throws Exception {
        Path repo = tempDir("opened-ahead");
        Path file = repo.resolve("job-repository.mv.db");
        try (ConfigurableApplicationContext ctx = startedAfterOpeningAhead(repo)) {
            assertThat(file).isRegularFile();
            assertThat(locked(file)).as("the database, open after the connection ahead closed").isTrue();
            JdbcTemplate sql = new JdbcTemplate(ctx.getBean(DataSource.class));
            // the context's start created Spring Batch's tables in the database opened ahead
            assertThat(sql.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class)).isZero();
        }
        assertThat(locked(file)).as("the database, closed with the context").isFalse();
    }

    /** Where no database can be opened, closing the handle says nothing: the context meets the cause and reports it. */
    @Test
    void aDatabaseThatCannotBeOpenedAheadIsLeftToTheContext() throws Exception {
        Path notAFolder = Files.writeString(tempDir("not-a-folder").resolve("file"), "x");
        JobRepositoryDataSource.OpenedAhead ahead = JobRepositoryDataSource.openAhead(notAFolder);
        ahead.close();
        assertThat(Files.readString(notAFolder)).isEqualTo("x");
    }

    private static ConfigurableApplicationContext startedAfterOpeningAhead(Path repo) {
        try (JobRepositoryDataSource.OpenedAhead ahead = JobRepositoryDataSource.openAhead(repo)) {
            return BizenvApplication.context(repo);
        }
    }

    /** Whether H2 holds its lock on the file (it does while the database is open). */
    private static boolean locked(Path file) throws java.io.IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;                                    // held by this JVM: H2's own lock
        }
    }

    /** Twelve partitions at most twelve at once, beyond the pool's ten connections: the ones over wait for one. */
    @Test
    void moreSurveyPartitionsThanConnectionsWaitForOneAndComplete() throws Exception {
        Path out = tempDir("many-partitions");
        int partitions = JobRepositoryDataSource.MAX_CONNECTIONS + 2;
        EvaluationRunner.Outcome o = runner.run(new EvaluationRequest(EvaluationJobTest.FRAMEWORK,
                EvaluationJobTest.DATA_2024, 2024, out, null, null, EvaluationJobTest.AT, RobustnessSettings.off(),
                null, partitions));

        assertThat(o.failures()).isEmpty();
        assertThat(o.succeeded()).isTrue();
        assertThat(o.partitionsRun()).hasSize(partitions).contains("survey-part:f0-p000", "survey-part:f0-p011");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("the other thread's signal").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
