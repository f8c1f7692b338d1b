package org.bizenv.framework.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** What makes a YAML file unreadable is one problem naming the file, the line and what to do or which limit. */
class YamlDocumentTest {

    @TempDir
    Path dir;

    private Path file;

    private List<String> problems(byte[] content) throws IOException {
        file = dir.resolve("fw.yaml");
        Files.write(file, content);
        YamlProblems problems = new YamlProblems(file.toString());
        Node doc = YamlDocument.read(file, "framework file", problems);
        if (content.length > 0) {
            assertThat(doc == null).as("a document only without problems").isEqualTo(!problems.isEmpty());
        }
        return problems.inFileOrder();
    }

    private List<String> problems(String text) throws IOException {
        return problems(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBillionLaughsIsRefusedAtTheAliasOverTheLimit() throws IOException {
        // aliases 1-9 on line 3, 10-18 on line 4, 19-27 on line 5
        assertThat(problems(YamlBombs.billionLaughs())).containsExactly(file + ":5: more than 25 aliases (*name) of lists or "
                + "mappings, the limit for a framework file: a file with this many is refused, as a YAML alias bomb "
                + "would be");
    }

    @Test
    void mergeKeysCountAsAliasesSoAMergeBombIsRefusedToo() throws IOException {
        // each mapping merges the previous one (<<: *m), so the last would hold every key before it many times over
        StringBuilder b = new StringBuilder("m0: &m0 {k: 1}\n");
        for (int i = 1; i <= 30; i++) {
            b.append("m").append(i).append(": &m").append(i).append(" {<<: *m").append(i - 1).append(", a: *m")
                    .append(i - 1).append(", k").append(i).append(": 1}\n");
        }
        // two aliases a line from line 2: the 26th is on line 14
        assertThat(problems(b.toString())).containsExactly(file + ":14: more than 25 aliases (*name) of lists or "
                + "mappings, the limit for a framework file: a file with this many is refused, as a YAML alias bomb "
                + "would be");
    }

    @Test
    void aliasesOfSingleValuesExpandNothingAndAreNotLimited() throws IOException {
        StringBuilder b = new StringBuilder("best: &b 100\nlist: [");
        for (int i = 0; i < 100; i++) {
            b.append(i > 0 ? ", " : "").append("*b");
        }
        assertThat(problems(b.append("]\n").toString())).isEmpty();
        StringBuilder few = new StringBuilder("spec: &gp {method: goalposts, best: 1, worst: 30}\n");
        for (int i = 0; i < YamlDocument.MAX_ALIASES; i++) {
            few.append("i").append(i).append(": *gp\n");
        }
        assertThat(problems(few.toString())).isEmpty();
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedAtTheLineItGoesTooDeep() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int level = 1; level <= 25; level++) {
            b.append("  ".repeat(level - 1)).append("k").append(level).append(":").append(level == 25 ? " 1" : "")
                    .append('\n');
        }
        // the mapping of depth d starts on line d: the root is depth 1, line 21 holds depth 21
        assertThat(problems(b.toString())).containsExactly(file + ":21: lists and mappings nested more than 20 "
                + "levels deep, the limit for a framework file");
        assertThat(problems("x: " + "[".repeat(30) + "]".repeat(30) + "\n")).containsExactly(file + ":1: lists and "
                + "mappings nested more than 20 levels deep, the limit for a framework file");
    }

    @Test
    void aListThatContainsItselfIsAProblemAtItsAnchor() throws IOException {
        assertThat(problems("framework: {id: r}\nx: &a [1, *a]\n")).containsExactly(file + ":2: the alias *a is "
                + "inside the list or mapping &a it refers to, which would then contain itself without end");
        assertThat(problems("y: &m\n  k: *m\n")).containsExactly(file + ":1: the alias *m is inside the list or "
                + "mapping &m it refers to, which would then contain itself without end");
    }

    /** 中 is D6 D0 in GBK: byte 27 is the first of line 3 after "  name: ". */
    @Test
    void textThatIsNotUtf8NamesTheLineAndTheByteAndSaysHowToSaveIt() throws IOException {
        byte[] gbk = "framework:\n  id: x\n  name: 中文\n".getBytes(Charset.forName("GB18030"));
        assertThat(problems(gbk)).containsExactly(file + ":3: not UTF-8 text (byte 27, 0xD6): save the framework "
                + "file as UTF-8; it may be GBK/GB18030, the usual encoding of Chinese text on Windows");
        byte[] latin1 = "framework:\r\n  id: x\r\n\r\n  name: Zürich\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problems(latin1)).containsExactly(file + ":4: not UTF-8 text (byte 32, 0xFC): save the framework "
                + "file as UTF-8");
        byte[] utf16 = "framework: x\n".getBytes(StandardCharsets.UTF_16);
        assertThat(problems(utf16)).containsExactly(file + ":1: not UTF-8 text (byte 0, 0xFE): save the framework "
                + "file as UTF-8; it is UTF-16 (\"Unicode\")");
    }

    @Test
    void aUtf8ByteOrderMarkIsFine() throws IOException {
        byte[] body = "framework: {id: x}\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(problems(withBom)).isEmpty();
    }

    @Test
    void aFileOverTheSizeLimitIsNotRead() throws IOException {
        byte[] big = new byte[YamlDocument.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '#');
        assertThat(problems(big)).containsExactly(file + ": larger than 8 MB (8,388,608 bytes), the limit for a "
                + "framework file: is it the right file?");
    }

    @Test
    void syntaxErrorsAndForbiddenCharactersPointAtTheLine() throws IOException {
        assertThat(problems("framework:\n  id: x\n  name: [unclosed\nnodes: []\n")).hasSize(1).first()
                .asString().startsWith(file + ":4: not valid YAML: ");
        assertThat(problems("a: 1\nb: x\u0007y\n")).containsExactly(file + ":2: not valid YAML: the character U+0007 "
                + "is not allowed in a YAML file");
        assertThat(problems("a: *nowhere\n")).containsExactly(file + ":1: not valid YAML: found undefined alias "
                + "nowhere");
    }

    @Test
    void aMissingFileAndAnEmptyOne() throws IOException {
        YamlProblems p = new YamlProblems("nope.yaml");
        assertThat(YamlDocument.read(dir.resolve("nope.yaml"), "scenario file", p)).isNull();
        assertThat(p.inFileOrder()).containsExactly("nope.yaml: no such scenario file");
        assertThat(problems("")).isEmpty();
    }

    @Test
    void duplicateAndUnknownKeysAreProblemsAtTheirLines() throws IOException {
        file = dir.resolve("d.yaml");
        Files.writeString(file, "a: 1\nb: {x: 1, y: 2, x: 3}\ncolour: red\na: 2\n");
        YamlProblems p = new YamlProblems(file.toString());
        Node doc = YamlDocument.read(file, "framework file", p);
        assertThat(doc).isInstanceOf(MappingNode.class);
        YamlMap top = YamlMap.of(doc, "the file", java.util.Set.of("a", "b"), p);
        top.optMap("b");
        assertThat(p.inFileOrder()).containsExactly(
                file + ":2: duplicate key 'x'",
                file + ":3: unknown key 'colour' (expected one of: a, b)",
                file + ":4: duplicate key 'a'");
    }
}
