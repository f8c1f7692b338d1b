package org.bizenv.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The parts of an .xlsx package as Excel writes it, read in one pass over the archive: the parts' bytes, their
 * content types ({@code [Content_Types].xml}) and relationships ({@code _rels/*.rels}), each parsed by SAX. This is
 * what reading a sheet needs from POI's OPC layer ({@code OPCPackage}), without it: opening a small return workbook
 * through {@code OPCPackage} (a DOM of every relationship part and of the document properties, a part object per
 * entry) took a third of the intake's time, and the archive was unzipped twice (once for the zip-bomb limits, once by
 * POI); here the same pass checks the limits and keeps the bytes. A small archive of the plain kind on which no limit
 * could fire is unzipped by {@link PlainZip} with the JDK's inflater alone, to the same entries; any other by the
 * stream reader (commons-compress, as POI reads a package), which checks the limits as it goes.
 *
 * <p>Only the plain case is read here: part names that are plain paths, every part with a content type, every
 * relationship part well-formed, an internal transitional office-document relationship to a part present. A package
 * that is anything else is not judged here ({@link #read} gives neither parts nor a problem) but handed to POI's OPC
 * layer, which reads it or words how it is damaged exactly as before; so a damaged file's message is POI's, whichever
 * way it would have been found. What this reader does not check, and OPC does, is the content of the document
 * properties part ({@code docProps/core.xml}) beyond its being well-formed XML.
 */
final class WorkbookParts {

    static final String OFFICE_DOCUMENT =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    /** {@code [Content_Types].xml} by its key in {@link #parts}: lower case, as OPC part names ignore case. */
    private static final String CONTENT_TYPES = "[content_types].xml";
    private static final String PACKAGE_RELATIONSHIPS = "_rels/.rels";

    /** A relationship of a part: its type and the part it leads to (a part name without the leading slash). */
    record Relationship(String id, String type, String target, boolean external) {
    }

    /** What reading the archive gave: the parts, or a limit it passes (said in bizenv's words), or neither. */
    record Read(WorkbookParts parts, String problem) {
        static final Read HAND_TO_POI = new Read(null, null);
    }

    private final Map<String, byte[]> parts;            // by lower-case name: OPC part names ignore case
    private final Map<String, String> names;             // lower-case name -> name as stored
    private final Map<String, String> defaults;          // extension (lower case) -> content type
    private final Map<String, String> overrides;         // lower-case part name -> content type
    /** Each relationship part's {@code <Relationship>}s (Id, Type, Target, TargetMode), by lower-case part name. */
    private final Map<String, List<String[]>> relationships;

    private WorkbookParts(Map<String, byte[]> parts, Map<String, String> names, Map<String, String> defaults,
                         Map<String, String> overrides, Map<String, List<String[]>> relationships) {
        this.parts = parts;
        this.names = names;
        this.defaults = defaults;
        this.overrides = overrides;
        this.relationships = relationships;
    }

    /**
     * Unzips the archive as a stream, entries in file order (as POI reads a package from a stream), within the limits
     * of {@link WorkbookFiles}, keeping each part's bytes; a limit passed is the problem. A damaged archive, or one
     * that is not the plain case, is {@link Read#HAND_TO_POI}.
     */
    static Read read(Path file, long maxExpandedBytes) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        List<PlainZip.Entry> entries;
        try {
            entries = PlainZip.entries(file, maxExpandedBytes);
        } catch (IOException | RuntimeException damaged) {
            return Read.HAND_TO_POI;
        }
        if (entries != null) {          // the stream reader's parts; no limit can fire, so a name not plain ends it
            for (PlainZip.Entry e : entries) {
                String key = e.name().toLowerCase(Locale.ROOT);
                if (!plainName(e.name()) || names.putIfAbsent(key, e.name()) != null) {
                    return Read.HAND_TO_POI;
                }
                parts.put(key, e.bytes());
            }
        } else {
            Read stopped = unzipStreamed(file, maxExpandedBytes, parts, names);
            if (stopped != null) {
                return stopped;
            }
        }
        if (!parts.containsKey(CONTENT_TYPES) || !parts.containsKey(PACKAGE_RELATIONSHIPS)) {
            return Read.HAND_TO_POI;
        }
        try {
            ContentTypes types = Xml.parse(parts.get(CONTENT_TYPES), ContentTypes::new);
            Map<String, List<String[]>> relationships = new HashMap<>();
            WorkbookParts pkg = new WorkbookParts(parts, names, types.defaults, types.overrides, relationships);
            for (String key : parts.keySet()) {
                if (!key.equals(CONTENT_TYPES) && pkg.contentType(key) == null) {
                    return Read.HAND_TO_POI;                  // OPC refuses a part without a content type
                }
                if (key.endsWith(".rels")) {                  // well-formed, and read once here
                    relationships.put(key, Xml.parse(parts.get(key), RelationshipsXml::new).read);
                } else if (key.equals("docprops/core.xml")) {
                    Xml.parse(parts.get(key), DefaultHandler::new);      // well-formed
                }
            }
            return new Read(pkg, null);
        } catch (IOException | SAXException | RuntimeException e) {
            return Read.HAND_TO_POI;
        }
    }

    /**
     * The archive unzipped as a stream (as POI reads a package), within the limits: each part's bytes into
     * {@code parts} while the names are plain. Gives a limit passed, or {@link Read#HAND_TO_POI} for a damaged archive
     * or names not plain, else null. The limits are checked to the end even once a name is not plain: entries are
     * counted and expanded bytes summed across all parts.
     */
    private static Read unzipStreamed(Path file, long maxExpandedBytes, Map<String, byte[]> parts,
                                      Map<String, String> names) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int count = 0;
        boolean plain = true;
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new BufferedInputStream(Files.newInputStream(file)),
                "UTF-8", false, true)) {
            for (ZipArchiveEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String limit = WorkbookFiles.partsLimit(++count);
                if (limit != null) {
                    return new Read(null, limit);
                }
                String name = e.getName();
                String key = name.toLowerCase(Locale.ROOT);
                plain &= plainName(name) && names.putIfAbsent(key, name) == null;
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(e.getSize() > 0 && e.getSize() < (1 << 24)
                        ? (int) e.getSize() : 8192);
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    String unsafe = WorkbookFiles.expansionLimit(e.getName(), total, maxExpandedBytes,
                            zip.getUncompressedCount(), zip.getCompressedCount());
                    if (unsafe != null) {
                        return new Read(null, unsafe);
                    }
                    if (plain) {
                        bytes.write(buffer, 0, n);
                    }
                }
                if (plain) {
                    parts.put(key, bytes.toByteArray());
                }
            }
        } catch (IOException | RuntimeException damaged) {
            return Read.HAND_TO_POI;                          // POI reads it next and says how it is damaged
        }
        return plain ? null : Read.HAND_TO_POI;
    }

    /** A part name that is a plain path: OPC's rules on part names (escapes, segments) then hold without checking. */
    private static boolean plainName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
            return false;
        }
        for (String segment : name.split("/")) {
            if (segment.equals(".") || segment.equals("..") || segment.endsWith(".")) {
                return false;
            }
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "/._-[]".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The part's bytes, by its name (case ignored), or null. */
    byte[] part(String name) {
        return parts.get(name.toLowerCase(Locale.ROOT));
    }

    boolean has(String name) {
        return parts.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** The part's content type: its override, else its extension's default, else null. */
    String contentType(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        String type = overrides.get(key);
        if (type != null) {
            return type;
        }
        int slash = key.lastIndexOf('/');
        int dot = key.lastIndexOf('.');
        return dot > slash ? defaults.get(key.substring(dot + 1)) : null;
    }

    /** Whether any part has this content type. */
    boolean anyOfType(String contentType) {
        for (String key : parts.keySet()) {
            if (contentType.equals(contentType(key))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The relationships of a part (the package's own for {@code ""}), targets resolved to part names, in document
     * order; null when a target is not a plain path (for POI's OPC layer to resolve).
     */
    List<Relationship> relationships(String source) {
        int slash = source.lastIndexOf('/');
        String folder = slash < 0 ? "" : source.substring(0, slash + 1);
        List<String[]> read = relationships.get((source.isEmpty() ? PACKAGE_RELATIONSHIPS
                : folder + "_rels/" + source.substring(slash + 1) + ".rels").toLowerCase(Locale.ROOT));
        List<Relationship> out = new ArrayList<>();
        if (read == null) {
            return out;
        }
        for (String[] r : read) {
            boolean external = "External".equals(r[3]);
            String target = external ? r[2] : resolve(folder, r[2]);
            if (r[0] == null || r[1] == null || target == null) {
                return null;
            }
            out.add(new Relationship(r[0], r[1], target, external));
        }
        return out;
    }

    /** A relative or absolute target as a part name, or null when it is not a plain path. */
    private static String resolve(String folder, String target) {
        if (target == null || target.isEmpty()) {
            return null;
        }
        String path = target.startsWith("/") ? target.substring(1) : folder + target;
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            if (s.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.remove(segments.size() - 1);
            } else if (!s.equals(".")) {
                segments.add(s);
            }
        }
        String name = String.join("/", segments);
        return plainName(name) ? name : null;
    }

    /** A relationship part's {@code <Relationship>} elements: Id, Type, Target and TargetMode, in document order. */
    private static final class RelationshipsXml extends DefaultHandler {
        final List<String[]> read = new ArrayList<>();

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) {
            if (local.equals("Relationship")) {
                read.add(new String[] {a.getValue("Id"), a.getValue("Type"), a.getValue("Target"),
                        a.getValue("TargetMode")});
            }
        }
    }

    /** {@code [Content_Types].xml}: defaults by extension, overrides by part name. */
    private static final class ContentTypes extends DefaultHandler {
        final Map<String, String> defaults = new HashMap<>();
        final Map<String, String> overrides = new HashMap<>();

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) throws SAXException {
            if (local.equals("Default")) {
                String ext = a.getValue("Extension");
                String type = a.getValue("ContentType");
                if (ext == null || type == null) {
                    throw new SAXException("content type without extension");
                }
                defaults.put(ext.toLowerCase(Locale.ROOT), type);
            } else if (local.equals("Override")) {
                String part = a.getValue("PartName");
                String type = a.getValue("ContentType");
                if (part == null || type == null || !part.startsWith("/")) {
                    throw new SAXException("content type without part name");
                }
                overrides.put(part.substring(1).toLowerCase(Locale.ROOT), type);
            }
        }
    }
}
