package org.bizenv.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.bizenv.report.card.CityCardWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing on several threads: the same files with the same bytes as on one thread, the same error when a write
 * fails, the previous report untouched, and no thread left behind.
 */
class ParallelPublicationTest {

    @TempDir
    Path tmp;

    /** Every file under {@code dir}, by relative path, with its bytes. */
    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, bytes) -> assertThat(actual.get(name)).as(name).isEqualTo(bytes));
    }

    private static List<String> publishThreads() {
        List<String> out = new ArrayList<>();
        Thread.getAllStackTraces().keySet().forEach(t -> {
            if (t.getName().startsWith("bizenv-publish-")) {
                out.add(t.getName());
            }
        });
        return out;
    }

    @Test
    void parallelAndSequentialPublicationWriteTheSameBytes() throws IOException {
        Report r = ReportFixtures.sample();
        for (Publication publication : List.of(Publication.FULL, new Publication(false, true))) {
            Path one = tmp.resolve(publication.key() + "-1/2024");
            Path four = tmp.resolve(publication.key() + "-4/2024");
            var t1 = ReportSet.publish(r, one, publication, 1);
            var t4 = ReportSet.publish(r, four, publication, 4);

            assertSameFiles(files(four), files(one));
            assertThat(t1.threads()).isEqualTo(1);
            assertThat(t4.threads()).isEqualTo(publication.cards() ? 4 : 2); // no more threads than files
            List<String> parts = publication.cards() ? List.of(ReportSet.JSON, ReportSet.EXCEL, CityCardWriter.PART)
                    : List.of(ReportSet.JSON, ReportSet.EXCEL);
            assertThat(t4.millisByPart().keySet()).containsExactlyElementsOf(parts);
        }
        assertThat(files(tmp.resolve("cards,full-json-4/2024")).keySet()).contains("bizenv-report-2024.xlsx",
                "bizenv-report-2024.json", "cities.xlsx", Path.of("cities", "beijing.xlsx").toString());
        // the pool is shut down before publish returns
        assertThat(publishThreads()).isEmpty();
    }

    @Test
    void aCardsFolderThatCannotBeMadeFailsAsOnOneThreadAndLeavesThePreviousReport() throws IOException {
        Report r = ReportFixtures.sample();
        Path target = tmp.resolve("reports/2024");
        ReportSet.publish(r, target, Publication.FULL, 4);
        Map<String, byte[]> before = files(target);

        for (int threads : new int[] {1, 4}) {
            Path[] writtenInto = new Path[1];
            // a file where the cards' folder goes: the card writes cannot create it
            assertThatThrownBy(() -> AtomicReportFolder.publish(target, dir -> {
                writtenInto[0] = dir;
                Files.writeString(dir.resolve(CityCardWriter.FOLDER), "in the way");
                ParallelWrites.run(ReportSet.writes(r, dir, Publication.FULL), threads);
            })).as("%d threads", threads)
                    .isExactlyInstanceOf(FileAlreadyExistsException.class)
                    .hasMessage(writtenInto[0].resolve(CityCardWriter.FOLDER).toString());

            assertSameFiles(files(target), before);
            try (Stream<Path> left = Files.list(target.getParent())) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly("2024");
            }
        }
        assertThat(publishThreads()).isEmpty();
    }

    @Test
    void theEarliestFailedWriteInTheListIsThrownAndNoLaterWriteStarts() {
        var laterFailed = new CountDownLatch(1);
        var thirdRan = new AtomicBoolean();
        List<ParallelWrites.Write> writes = List.of(
                new ParallelWrites.Write("a", () -> {
                    // fails only after the second write has failed, so the later failure happens first
                    try {
                        if (!laterFailed.await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the second write never ran");
                        }
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                    throw new IOException("the first write failed");
                }),
                new ParallelWrites.Write("a", () -> {
                    laterFailed.countDown();
                    throw new IOException("the second write failed");
                }),
                new ParallelWrites.Write("b", () -> thirdRan.set(true)));

        assertThatThrownBy(() -> ParallelWrites.run(writes, 2))
                .isExactlyInstanceOf(IOException.class).hasMessage("the first write failed");
        assertThat(thirdRan).isFalse();
        assertThat(publishThreads()).isEmpty();
    }
}
