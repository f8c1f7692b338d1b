package org.bizenv.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** A one-line description of the machine, printed with benchmark figures. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (Exception ignored) {
            // not Linux: the JVM's facts below still say enough
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap, Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }
}
