package org.bizenv.cli;

import java.nio.file.Path;

/**
 * The other run, in a process of its own: holds a job repository's lock (as {@code bizenv run} does) until its
 * standard input is closed. {@link RunFailuresTest} starts it to see a second run turned away across processes.
 */
public final class RepositoryLockHolder {

    private RepositoryLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (RepositoryLock lock = RepositoryLock.acquire(Path.of(args[0]), "bizenv run --the-other-run")) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the test closes our input
            }
        }
    }
}
