package org.bizenv.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.ooxml.util.PackageHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens an .xlsx workbook for reading, or says in the person's terms why it cannot be read: not a workbook (empty,
 * old .xls, password-protected, text), damaged, or expanding beyond what bizenv reads safely.
 *
 * <p>An .xlsx file is a zip archive of XML parts. POI refuses parts that expand more than 100 times their compressed
 * size (a "zip bomb": kilobytes that unzip to gigabytes) and parts over 100,000,000 bytes, but it says so in its own
 * terms ("open an issue on bugzilla", "ZipSecureFile.setMinInflateRatio()"). So the archive is first unzipped here,
 * as a stream that keeps nothing, with the same limits, and a file over them is refused naming the limit. POI's own
 * checks stay in place behind this one; should they still refuse a file (a part whose sizes differ between the
 * archive's headers), the message is the same.
 */
public final class WorkbookFiles {

    /** Most bytes all parts of a workbook may expand to (POI refuses a single part over this many). */
    public static final long MAX_EXPANDED_BYTES = 100_000_000L;
    /** Most times a part may expand its compressed size (POI's MIN_INFLATE_RATIO of 0.01). */
    public static final int MAX_EXPANSION = 100;
    /** Parts up to this size are not held to {@link #MAX_EXPANSION} (POI's grace size): tiny parts compress well. */
    static final long RATIO_GRACE_BYTES = 102_400;
    /** Most parts (sheets, styles, images…) in a workbook (POI's limit). */
    public static final int MAX_PARTS = 1000;

    private static final String REFUSED = "bizenv refuses such files as possible zip bombs: open the file in Excel and "
            + "save it again, or ask whoever sent it for a new copy";

    private WorkbookFiles() {
    }

    /**
     * The workbook as POI's usermodel, or null after passing why it cannot be read to {@code problem}: {@code not an
     * Excel workbook (.xlsx): the file is empty}, {@code the workbook expands to more than 100 MB …}. Only a failing
     * disk is thrown ({@link UncheckedIOException}). Tables are read by streaming instead ({@link #openPackage}); this
     * is for the scenario weights workbook, read once per run when there is one.
     */
    public static XSSFWorkbook open(Path file, Consumer<String> problem) {
        OPCPackage pkg = openPackage(file, problem);
        if (pkg == null) {
            return null;
        }
        try {
            return new XSSFWorkbook(pkg);
        } catch (IOException | RuntimeException e) {
            pkg.revert();
            problem.accept(cannotOpen(e));
            return null;
        }
    }

    /**
     * The workbook's package (its zip archive of XML parts, unzipped into memory), checked as {@link #open} checks
     * it, or null after passing why it cannot be read to {@code problem}. The caller reverts it when done (it is
     * never saved).
     */
    static OPCPackage openPackage(Path file, Consumer<String> problem) {
        if (!checked(file, MAX_EXPANDED_BYTES, problem)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return PackageHelper.open(in);      // as XSSFWorkbook(InputStream) opens it, with POI's own checks
        } catch (IOException | RuntimeException e) {
            problem.accept(cannotOpen(e));
            return null;
        }
    }

    /**
     * The workbook's package read from the file as its parts are asked for, nothing unzipped ahead: for a sheet read
     * by streaming ({@link SheetRows}), whose size then costs time, not memory. So the limit on all parts' expanded
     * size does not apply; the limits on parts and on each part's expansion (a zip bomb's sign) do, checked as
     * {@link #openPackage} checks them. The caller reverts it when done, which closes the file.
     */
    static OPCPackage openPackageStreamed(Path file, Consumer<String> problem) {
        if (!checked(file, Long.MAX_VALUE, problem)) {
            return null;
        }
        try {
            return OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            problem.accept(cannotOpen(e));
            return null;
        }
    }

    /** Whether the file is an .xlsx workbook within the limits; else the reason goes to {@code problem}. */
    private static boolean checked(Path file, long maxExpandedBytes, Consumer<String> problem) {
        String notWorkbook = notAWorkbook(file);
        if (notWorkbook != null) {
            problem.accept("not an Excel workbook (.xlsx): " + notWorkbook);
            return false;
        }
        String unsafe = expansionProblem(file, maxExpandedBytes);
        if (unsafe != null) {
            problem.accept(unsafe);
            return false;
        }
        return true;
    }

    /**
     * Why POI could not open a workbook. It signals a damaged package with a variety of exceptions, all meaning
     * "cannot be read"; its size limits, which {@link #expansionProblem} should have met first, are said as bizenv
     * says them.
     */
    static String cannotOpen(Exception e) {
        return isPoiLimit(e) ? "the workbook expands beyond what bizenv reads safely (more than " + megabytes()
                + ", or more than " + MAX_EXPANSION + " times its compressed size); " + REFUSED
                : "not an Excel workbook (.xlsx): the file is damaged (" + e.getMessage() + ")";
    }

    /** Why the file is not an .xlsx workbook, or null if its content is one. */
    static String notAWorkbook(Path file) {
        try {
            if (Files.size(file) == 0) {
                return "the file is empty";
            }
            if (startsAsZip(file)) {
                return null;                    // what FileMagic says of it: OOXML, the first signature it matches
            }
            FileMagic magic = FileMagic.valueOf(file.toFile());
            return switch (magic) {
                case OOXML -> null;
                case OLE2 -> "an old-format .xls workbook or a password-protected file; save it as .xlsx without a password";
                case UNKNOWN -> "the content is not a workbook (is it a text or CSV file?)";
                default -> "the content is " + magic.name();
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Whether the file starts with a zip archive's signature ({@code PK\3\4}), which {@link FileMagic} takes for an
     * .xlsx workbook (no signature it tries first matches these bytes). Checked here, so that reading a workbook does
     * not set up FileMagic and the logging POI's utilities start with it.
     */
    private static boolean startsAsZip(Path file) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, 4) == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    /**
     * Unzips the archive as POI will (a stream, entries in file order), counting and discarding the bytes, and says
     * which limit it passes, or null within them. A damaged archive is left for POI to report.
     */
    static String expansionProblem(Path file, long maxExpandedBytes) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int parts = 0;
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new BufferedInputStream(Files.newInputStream(file)),
                "UTF-8", false, true)) {
            for (ZipArchiveEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String limit = partsLimit(++parts);
                if (limit != null) {
                    return limit;
                }
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    String unsafe = expansionLimit(e.getName(), total, maxExpandedBytes, zip.getUncompressedCount(),
                            zip.getCompressedCount());
                    if (unsafe != null) {
                        return unsafe;
                    }
                }
            }
            return null;
        } catch (IOException | RuntimeException damaged) {
            return null;                    // POI reads it next and says how it is damaged
        }
    }

    /** Why a workbook of this many parts so far is refused, or null within the limit. */
    static String partsLimit(int parts) {
        return parts <= MAX_PARTS ? null : "the workbook has more than " + String.format(Locale.ROOT, "%,d", MAX_PARTS)
                + " parts (sheets, styles, images…), the limit; " + REFUSED;
    }

    /**
     * Why the unzipping must stop, or null within the limits: {@code total} bytes of all parts so far, the current
     * part {@code name} expanded to {@code expanded} bytes from {@code compressed}.
     */
    static String expansionLimit(String name, long total, long maxExpandedBytes, long expanded, long compressed) {
        if (total > maxExpandedBytes) {
            return "the workbook expands to more than " + megabytes() + " when unzipped, the limit; "
                    + "bizenv refuses larger ones, which may be zip bombs: remove what the data do not "
                    + "need (other sheets, images) and save it again, or split it into several files";
        }
        if (expanded > RATIO_GRACE_BYTES && compressed * MAX_EXPANSION < expanded) {
            return "its part " + name + " expands to more than " + MAX_EXPANSION + " times its "
                    + "compressed size, the limit; " + REFUSED;
        }
        return null;
    }

    /** Whether POI refused the file for one of its size limits (its messages are the only sign). */
    private static boolean isPoiLimit(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.contains("Zip bomb") || m.contains("setByteArrayMaxOverride")
                    || m.contains("ZipSecureFile") || m.contains("MAX_ENTRY_SIZE"))) {
                return true;
            }
        }
        return false;
    }

    private static String megabytes() {
        return (MAX_EXPANDED_BYTES / 1_000_000) + " MB (" + String.format(Locale.ROOT, "%,d", MAX_EXPANDED_BYTES)
                + " bytes)";
    }
}
