package org.bizenv.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The engine's version, from the build: every report states it (Sources sheet, JSON meta), and the command line prints
 * it. Kept with the reports rather than the command line so that the job can stamp it without depending on the CLI.
 */
public final class EngineVersion {

    private EngineVersion() {
    }

    public static String get() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("/bizenv-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
