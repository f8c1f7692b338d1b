package org.bizenv.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine;

/** The engine's version, from the build (written into every report's Sources sheet). */
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

    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"bizenv " + get()};
        }
    }
}
