package org.bizenv.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bizenv.report.json.JsonReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicReportFolderTest {

    @TempDir
    Path reports;

    private Path target() {
        return reports.resolve("2024");
    }

    /** Every file under a folder with its content, for exact before/after comparison. */
    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> s = Files.list(reports)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void writeFiles(Path dir, String version) throws IOException {
        Files.writeString(dir.resolve("report.json"), "{\"v\": \"" + version + "\"}\n");
        Files.createDirectories(dir.resolve("parts"));
        Files.writeString(dir.resolve("parts/notes.txt"), "notes " + version);
    }

    @Test
    void createsTheFolderFromATemporarySibling() throws IOException {
        List<Path> seen = new ArrayList<>();
        AtomicReportFolder.publish(target(), dir -> {
            seen.add(dir);
            assertThat(dir.getParent()).isEqualTo(reports.toAbsolutePath().normalize());
            assertThat(dir.getFileName().toString()).startsWith(".2024.tmp-");
            assertThat(target()).doesNotExist();
            writeFiles(dir, "1");
        });
        assertThat(contents(target())).isEqualTo(Map.of("report.json", "{\"v\": \"1\"}\n",
                Path.of("parts", "notes.txt").toString(), "notes 1"));
        assertThat(seen.get(0)).doesNotExist();
        assertThat(entries()).containsExactly("2024");
    }

    @Test
    void thePublishedFolderIsAsReadableAsTheFolderItIsPublishedInto() throws IOException {
        var open = java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x");
        Files.setPosixFilePermissions(reports, open);
        AtomicReportFolder.publish(target(), dir -> writeFiles(dir, "1"));
        assertThat(Files.getPosixFilePermissions(target())).isEqualTo(open);
    }

    @Test
    void createsMissingParents() throws IOException {
        Path deep = reports.resolve("a/b/2024");
        AtomicReportFolder.publish(deep, dir -> writeFiles(dir, "1"));
        assertThat(deep.resolve("report.json")).hasContent("{\"v\": \"1\"}");
    }

    @Test
    void replacesThePreviousReportCompletely() throws IOException {
        AtomicReportFolder.publish(target(), dir -> {
            writeFiles(dir, "1");
            Files.writeString(dir.resolve("only-in-old.txt"), "old");
        });
        AtomicReportFolder.publish(target(), dir -> writeFiles(dir, "2"));
        assertThat(contents(target())).isEqualTo(Map.of("report.json", "{\"v\": \"2\"}\n",
                Path.of("parts", "notes.txt").toString(), "notes 2"));
        assertThat(entries()).containsExactly("2024");
    }

    @Test
    void aWriterThatThrowsMidwayLeavesThePreviousReportUntouched() throws IOException {
        AtomicReportFolder.publish(target(), dir -> writeFiles(dir, "1"));
        Map<String, String> before = contents(target());
        var failure = new IOException("disk full while writing report.xlsx");
        assertThatThrownBy(() -> AtomicReportFolder.publish(target(), dir -> {
            writeFiles(dir, "2");
            Files.writeString(dir.resolve("report.xlsx"), "half a workbook");
            throw failure;
        })).isSameAs(failure);
        assertThat(contents(target())).isEqualTo(before);
        assertThat(entries()).containsExactly("2024");
    }

    @Test
    void aRuntimeFailureIsHandledTheSameWay() throws IOException {
        AtomicReportFolder.publish(target(), dir -> writeFiles(dir, "1"));
        Map<String, String> before = contents(target());
        assertThatThrownBy(() -> AtomicReportFolder.publish(target(), dir -> {
            writeFiles(dir, "2");
            throw new IllegalArgumentException("inconsistent report");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("inconsistent report");
        assertThat(contents(target())).isEqualTo(before);
        assertThat(entries()).containsExactly("2024");
    }

    @Test
    void aFailureWithoutAPreviousReportLeavesNothing() {
        assertThatThrownBy(() -> AtomicReportFolder.publish(target(), dir -> {
            writeFiles(dir, "1");
            throw new IOException("boom");
        })).hasMessage("boom");
        assertThat(reports).isEmptyDirectory();
    }

    @Test
    void whenMovingTheNewFolderInFailsThePreviousOneIsPutBack() throws IOException {
        AtomicReportFolder.publish(target(), dir -> writeFiles(dir, "1"));
        Map<String, String> before = contents(target());
        List<String> moves = new ArrayList<>();
        AtomicReportFolder.Mover failing = (from, to) -> {
            moves.add(from.getFileName() + " -> " + to.getFileName());
            if (from.getFileName().toString().startsWith(".2024.tmp-")) {
                throw new IOException("rename refused");
            }
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        };
        assertThatThrownBy(() -> AtomicReportFolder.publish(target(), dir -> writeFiles(dir, "2"), failing))
                .hasMessage("rename refused");
        assertThat(moves).hasSize(3);
        assertThat(moves.get(0)).startsWith("2024 -> .2024.old-");
        assertThat(moves.get(1)).startsWith(".2024.tmp-").endsWith(" -> 2024");
        assertThat(moves.get(2)).startsWith(".2024.old-").endsWith(" -> 2024");
        assertThat(contents(target())).isEqualTo(before);
        assertThat(entries()).containsExactly("2024");
    }

    @Test
    void aReportLeftAsideByACrashIsRestoredBeforeAnythingElse() throws IOException {
        // a crash between the two renames: the previous report is only in .2024.old-*
        Path orphan = reports.resolve(".2024.old-crashed");
        Files.createDirectories(orphan);
        writeFiles(orphan, "1");
        Files.createDirectories(reports.resolve(".2024.tmp-crashed"));
        Files.writeString(reports.resolve(".2024.tmp-crashed/report.xlsx"), "half");
        Files.createDirectories(reports.resolve("2023"));

        assertThatThrownBy(() -> AtomicReportFolder.publish(target(), dir -> {
            throw new IOException("boom");
        })).hasMessage("boom");
        assertThat(contents(target())).containsEntry("report.json", "{\"v\": \"1\"}\n");
        assertThat(entries()).containsExactly("2023", "2024");

        AtomicReportFolder.publish(target(), dir -> writeFiles(dir, "2"));
        assertThat(contents(target())).containsEntry("report.json", "{\"v\": \"2\"}\n");
        assertThat(entries()).containsExactly("2023", "2024");
    }

    @Test
    void publishesBothReportFilesOfASet() throws IOException {
        Report r = ReportFixtures.sample();
        ReportSet.publish(r, target());
        assertThat(entries()).containsExactly("2024");
        try (Stream<Path> files = Files.list(target())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly(ReportSet.json(r), ReportSet.excel(r), "cities", "cities.xlsx");
        }
        // and the city report cards, in the same atomic publish
        for (String card : org.bizenv.report.card.CityCardWriter.files(r)) {
            assertThat(target().resolve(card)).isRegularFile();
        }
        assertThat(Files.readString(target().resolve(ReportSet.json(r)))).isEqualTo(new JsonReportWriter().toJson(r));
        byte[] xlsx = Files.readAllBytes(target().resolve(ReportSet.excel(r)));
        assertThat(xlsx).startsWith('P', 'K');

        // a broken report replaces nothing
        Report broken = new Report(r.meta(), r.units(), r.nodes(), r.indicators(), r.ranking(), r.top(), r.stages(),
                r.weights(), r.treatment(), r.groupMeans(), r.improvement(), r.methodology(), r.warnings(),
                new Report.CoherenceTable(new String[] {"MKT.1"}, new double[][] {{1, 2}}, null, List.of(), List.of()));
        assertThatThrownBy(() -> ReportSet.publish(broken, target())).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readAllBytes(target().resolve(ReportSet.excel(r)))).isEqualTo(xlsx);
        assertThat(entries()).containsExactly("2024");
    }
}
