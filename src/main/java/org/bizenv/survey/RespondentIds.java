package org.bizenv.survey;

import java.util.HashSet;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The respondent ids a survey file has shown so far, kept as 64-bit fingerprints only: a flat open-addressing table
 * of {@code long}s (linear probing, 0 marks an empty slot), at most 3/4 full and grown by half again when it gets
 * there, so it holds between 10.7 and 16 bytes a distinct id (a {@code HashMap<String, Long>} of the ids held about
 * 130). Why fingerprints alone are enough to catch duplicates <em>exactly</em>:
 * <ul>
 * <li>an id whose fingerprint was never seen before is certainly new (equal ids have equal fingerprints), so no
 * duplicate is ever missed;</li>
 * <li>an id whose fingerprint was seen before is only a <em>suspect</em>: a repeat, or a different id whose
 * fingerprint collides. Its fingerprint goes to a small set ({@link #isSuspect}), and the caller settles every
 * suspect in one more pass over the file ({@link SurveyValidator#confirmDuplicates}), keeping the real ids of the
 * suspect rows only; so two different ids are never reported as one.</li>
 * </ul>
 * With the 64-bit fingerprint two different ids among a million collide with odds of about 1 in 30 million, so a
 * file without duplicates is read once; a file with duplicates is bad input and costs that second read.
 * Thread-safe (the chunk step's processor may be called from several threads).
 */
final class RespondentIds {

    private static final double MAX_LOAD = 0.75;
    private static final int FIRST_CAPACITY = 1024;

    private final ToLongFunction<String> fingerprint;
    private long[] slots = new long[FIRST_CAPACITY];
    private int size;
    private final Set<Long> suspects = new HashSet<>();
    /**
     * The first part's fingerprints added to an empty table ({@link #addAll}), not yet inserted: they are distinct, so
     * a file read in one part (the usual case on two cores) needs no table at all; anything more inserts them first.
     */
    private byte[] pending;

    RespondentIds() {
        this(RespondentIds::fingerprint);
    }

    /** With another fingerprint: a test's deliberately weak one makes collisions happen. */
    RespondentIds(ToLongFunction<String> fingerprint) {
        this.fingerprint = fingerprint;
    }

    /**
     * Adds a cleaned id; false when its fingerprint was seen before (a suspect: a repeat, or a collision, settled by
     * {@link #isSuspect} in a second pass).
     */
    synchronized boolean add(String id) {
        insertPending();
        return addFingerprint(nonZero(fingerprint.applyAsLong(id)));
    }

    private boolean addFingerprint(long fp) {
        int i = slot(fp, slots.length);
        while (slots[i] != 0) {
            if (slots[i] == fp) {
                suspects.add(fp);
                return false;
            }
            i = i + 1 == slots.length ? 0 : i + 1;
        }
        slots[i] = fp;
        if (++size > MAX_LOAD * slots.length) {
            grow();
        }
        return true;
    }

    /**
     * The distinct fingerprints held, 8 bytes each (big-endian, in table order), for a partition of the file to hand
     * to the merge: what {@link #addAll} takes.
     */
    synchronized byte[] fingerprints() {
        insertPending();
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(8 * size);
        for (long fp : slots) {
            if (fp != 0) {
                out.putLong(fp);
            }
        }
        return out.array();
    }

    /** The suspects' fingerprints, ascending. */
    synchronized long[] suspects() {
        return suspects.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * Adds another part of the file's table: a fingerprint both hold becomes a suspect, as do the part's own
     * suspects. So merging the parts' tables in any order gives the suspects of reading the whole file in one: the
     * fingerprints seen more than once, within a part or across parts.
     */
    synchronized void addAll(byte[] fingerprints, long[] partSuspects) {
        for (long fp : partSuspects) {
            suspects.add(fp);
        }
        if (size == 0 && pending == null) {
            pending = fingerprints;
            return;
        }
        insertPending();
        insert(fingerprints);
    }

    private void insertPending() {
        if (pending != null) {
            byte[] p = pending;
            pending = null;
            insert(p);
        }
    }

    private void insert(byte[] fingerprints) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(fingerprints);
        // Grown first to hold them all: a part's fingerprints come in its table's order, that is by home slot, and
        // inserted so into a smaller table they would pile up in long runs of full slots (a quadratic merge).
        int capacity = slots.length;
        while (size + fingerprints.length / 8 > MAX_LOAD * capacity) {
            capacity += capacity / 2;
        }
        if (capacity > slots.length) {
            rehash(capacity);
        }
        while (in.remaining() >= 8) {
            addFingerprint(in.getLong());
        }
    }

    /** Whether some id's fingerprint was seen twice, so that a second pass must settle the suspects. */
    synchronized boolean anySuspects() {
        return !suspects.isEmpty();
    }

    /** Whether an id's fingerprint was seen twice: its rows are the ones a second pass compares by their ids. */
    synchronized boolean isSuspect(String id) {
        return suspects.contains(nonZero(fingerprint.applyAsLong(id)));
    }

    /** Distinct fingerprints held. */
    synchronized int size() {
        insertPending();
        return size;
    }

    /** The table's own size in bytes (its slots; the array header and the suspects' set left out). */
    synchronized long bytes() {
        insertPending();
        return 8L * slots.length;
    }

    private void grow() {
        rehash(slots.length + slots.length / 2);
    }

    private void rehash(int capacity) {
        long[] old = slots;
        long[] bigger = new long[capacity];
        for (long fp : old) {
            if (fp != 0) {
                int i = slot(fp, bigger.length);
                while (bigger[i] != 0) {
                    i = i + 1 == bigger.length ? 0 : i + 1;
                }
                bigger[i] = fp;
            }
        }
        slots = bigger;
    }

    /** The home slot: the fingerprint mixed once more (a weak test fingerprint still spreads) and mapped onto 0..n-1. */
    private static int slot(long fp, int n) {
        long h = mix(fp);
        return (int) (((h >>> 32) * n) >>> 32);
    }

    private static long nonZero(long fp) {
        return fp == 0 ? 1 : fp;
    }

    /**
     * A seeded 64-bit fingerprint of the id's UTF-16 chars: each char folded in with a multiply by an odd constant,
     * then the length and a full avalanche (the SplitMix64 finaliser). Fixed seed: the same file gives the same table.
     */
    static long fingerprint(String id) {
        long h = 0x5DEECE66DL ^ 0x243F6A8885A308D3L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        return mix(h ^ id.length());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
