package org.bizenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bizenv.framework.yaml.YamlBombs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A framework file that cannot be read as YAML is bad input: exit 2, the file and line, no Java trace. */
class UnreadableYamlTest {

    @TempDir
    Path tmp;

    private record Result(int exitCode, String stderr) {
    }

    private static Result validate(Path framework) {
        PrintStream before = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = BizenvCommand.commandLine().execute("validate", "-f", framework.toString());
            return new Result(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(before);
        }
    }

    @Test
    void anAliasBombExits2WithTheFileTheLineAndTheLimit() throws Exception {
        Path fw = tmp.resolve("bomb.yaml");
        Files.writeString(fw, YamlBombs.billionLaughs());
        Result r = validate(fw);
        assertThat(r.exitCode()).isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(r.stderr()).contains(fw + ":5: more than 25 aliases (*name) of lists or mappings, the limit for "
                + "a framework file").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aFrameworkFileInGbkExits2SayingToSaveItAsUtf8() throws Exception {
        Path fw = tmp.resolve("gbk.yaml");
        Files.write(fw, Files.readString(Path.of("indicators/miit-sme-2024.yaml"))
                .getBytes(Charset.forName("GB18030")));
        Result r = validate(fw);
        assertThat(r.exitCode()).isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(r.stderr()).containsPattern(java.util.regex.Pattern.quote(fw.toString()) + ":\\d+: not UTF-8 "
                + "text \\(byte \\d+, 0x[0-9A-F]{2}\\): save the framework file as UTF-8; it may be GBK/GB18030")
                .doesNotContain("Input length").doesNotContain("\tat ");
    }
}
