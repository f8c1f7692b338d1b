package org.bizenv.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * Reads one sheet of an .xlsx workbook into a {@link Table} by streaming its XML parts (POI's event API: {@link
 * XSSFReader} finds the workbook part, SAX reads {@code workbook.xml}, the styles, the shared strings and the sheet),
 * rather than building POI's usermodel, a tree of XML objects for every part of the file, which took about ten times
 * as long for a small return workbook. Cells are read exactly as the usermodel read them ({@link SheetCells}).
 *
 * <p>Sheets are those of {@code workbook.xml} in its order whose relationship leads to a worksheet or a chart sheet in
 * the package, as in POI's {@code XSSFWorkbook}; one is found by its name ignoring case, or is the first.
 */
final class WorkbookSheets {

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static final String WORKSHEET = RELATIONSHIPS + "/worksheet";
    private static final String CHARTSHEET = RELATIONSHIPS + "/chartsheet";
    private static final String STYLES = RELATIONSHIPS + "/styles";
    private static final String SHARED_STRINGS = RELATIONSHIPS + "/sharedStrings";
    private static final String SHARED_STRINGS_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

    /** Where a sheet's XML is read from: a part of POI's package, or of {@link WorkbookParts}. */
    interface SheetPart {
        InputStream open() throws IOException;

        /** The part's bytes when it is held in memory ({@link WorkbookParts}), else null. */
        default byte[] bytes() {
            return null;
        }
    }

    /** A part of {@link WorkbookParts}, held in memory. */
    private record HeldPart(byte[] bytes) implements SheetPart {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }

    private record SheetRef(String name, SheetPart part) {
    }

    /** {@link #locatePlain} leaves the package to POI's OPC layer. */
    private static final Located HAND_TO_POI = new Located(null, null, null, null, false);

    private WorkbookSheets() {
    }

    /** What reading one sheet takes: its name as the workbook spells it, its part, the styles and shared strings. */
    record Located(String name, SheetPart part, CellStyles styles, SharedStrings strings, boolean date1904) {
    }

    /**
     * The sheet (null: the first), or null after reporting why there is none at the file. The package is read by
     * {@link WorkbookParts} when it is plain, as Excel writes it, else through POI's OPC layer.
     */
    static Table read(Path file, String path, String sheetName, Problems problems) {
        Location where = Location.ofFile(path);
        String notWorkbook = WorkbookFiles.notAWorkbook(file);
        if (notWorkbook != null) {
            problems.add(where, "not an Excel workbook (.xlsx): " + notWorkbook);
            return null;
        }
        WorkbookParts.Read read = WorkbookParts.read(file, WorkbookFiles.MAX_EXPANDED_BYTES);
        if (read.problem() != null) {
            problems.add(where, read.problem());
            return null;
        }
        if (read.parts() != null) {
            Located sheet;
            SheetCells cells;
            try {
                sheet = locatePlain(read.parts(), path, sheetName, problems);
                if (sheet == null) {
                    return null;
                }
                if (sheet != HAND_TO_POI) {
                    cells = SheetCells.read(sheet.part.bytes());
                    try (FormulasFromPoi formulas = new FormulasFromPoi(file)) {
                        return cells.toTable(path, sheet.name, sheet.styles, sheet.strings, sheet.date1904, formulas,
                                problems);
                    }
                }
            } catch (IOException | SAXException | IllegalArgumentException e) {
                problems.add(where, WorkbookFiles.cannotOpen(e));
                return null;
            }
        }
        return readThroughPoi(file, path, sheetName, problems);
    }

    /** The sheet read through POI's OPC layer: a package {@link WorkbookParts} does not read. */
    private static Table readThroughPoi(Path file, String path, String sheetName, Problems problems) {
        Location where = Location.ofFile(path);
        OPCPackage pkg = WorkbookFiles.openPackage(file, message -> problems.add(where, message));
        if (pkg == null) {
            return null;
        }
        try {
            Located sheet;
            SheetCells cells;
            try {
                sheet = locate(pkg, path, sheetName, problems);
                if (sheet == null) {
                    return null;
                }
                try (InputStream in = sheet.part.open()) {
                    cells = SheetCells.read(in);
                }
            } catch (IOException | SAXException | OpenXML4JException | POIXMLException | IllegalArgumentException e) {
                problems.add(where, WorkbookFiles.cannotOpen(e));
                return null;
            }
            return cells.toTable(path, sheet.name, sheet.styles, sheet.strings, sheet.date1904, sharedFormulas(pkg),
                    problems);
        } finally {
            pkg.revert();                                    // read only: nothing to save
        }
    }

    /**
     * As {@link #locate}, from the parts of a plain package: the same sheets, styles and shared strings POI would
     * find, or {@link #HAND_TO_POI} where POI's choice is not plain (relationships it would order or resolve, no
     * workbook part, shared strings found only by their content type), or null after reporting why there is none.
     */
    private static Located locatePlain(WorkbookParts pkg, String path, String sheetName, Problems problems)
            throws IOException, SAXException {
        List<WorkbookParts.Relationship> root = pkg.relationships("");
        List<WorkbookParts.Relationship> office = root == null ? List.of() : ofType(root, WorkbookParts.OFFICE_DOCUMENT);
        if (office.size() != 1 || office.get(0).external() || !pkg.has(office.get(0).target())) {
            return HAND_TO_POI;                        // strict OOXML, no workbook: POI words it
        }
        String workbook = office.get(0).target();
        List<WorkbookParts.Relationship> rels = pkg.relationships(workbook);
        if (rels == null || rels.stream().map(WorkbookParts.Relationship::id).distinct().count() != rels.size()) {
            return HAND_TO_POI;
        }
        WorkbookXml book = Xml.parse(pkg.part(workbook), WorkbookXml::new);
        List<SheetRef> sheets = new ArrayList<>();
        for (String[] s : book.sheets) {
            WorkbookParts.Relationship rel = s[1] == null ? null
                    : rels.stream().filter(r -> r.id().equals(s[1])).findFirst().orElse(null);
            if (rel == null || rel.external() || !(rel.type().equals(WORKSHEET) || rel.type().equals(CHARTSHEET))) {
                continue;
            }
            if (pkg.has(rel.target())) {
                sheets.add(new SheetRef(s[0], new HeldPart(pkg.part(rel.target()))));
            }
        }
        List<WorkbookParts.Relationship> styles = ofType(rels, STYLES);
        List<WorkbookParts.Relationship> strings = ofType(rels, SHARED_STRINGS);
        if (styles.size() > 1 || strings.size() > 1 || strings.isEmpty() && pkg.anyOfType(SHARED_STRINGS_TYPE)) {
            return HAND_TO_POI;                        // which one POI takes depends on its ordering
        }
        if (sheets.isEmpty() && sheetName == null) {
            problems.add(Location.ofFile(path), "not an Excel workbook (.xlsx): the file is damaged (it has no sheets)");
            return null;
        }
        SheetRef sheet = find(sheets, sheetName);
        if (sheet == null) {
            problems.add(Location.ofFile(path), "missing sheet '" + sheetName + "' (the workbook has: "
                    + sheets.stream().map(SheetRef::name).collect(Collectors.joining(", ")) + ")");
            return null;
        }
        CellStyles cellStyles = CellStyles.NONE;
        if (styles.size() == 1 && !styles.get(0).external() && pkg.has(styles.get(0).target())) {
            cellStyles = CellStyles.read(pkg.part(styles.get(0).target()));
        }
        SharedStrings shared = SharedStrings.NONE;
        if (strings.size() == 1 && !strings.get(0).external() && pkg.has(strings.get(0).target())) {
            shared = SharedStrings.read(pkg.part(strings.get(0).target()));
        } else if (pkg.anyOfType(SHARED_STRINGS_TYPE)) {
            return HAND_TO_POI;
        }
        return new Located(sheet.name, sheet.part, cellStyles, shared, book.date1904);
    }

    private static List<WorkbookParts.Relationship> ofType(List<WorkbookParts.Relationship> rels, String type) {
        return rels.stream().filter(r -> r.type().equals(type)).toList();
    }

    /**
     * Shared formulas of a plain package, for the rare cell whose result was never saved: the package is then opened
     * through POI (see {@link #sharedFormulas}), once, and closed with this.
     */
    private static final class FormulasFromPoi implements SheetCells.SharedFormulas, AutoCloseable {
        private final Path file;
        private OPCPackage pkg;
        private SheetCells.SharedFormulas formulas;

        FormulasFromPoi(Path file) {
            this.file = file;
        }

        @Override
        public String text(String sheetName, int row, int column) {
            if (formulas == null) {
                pkg = WorkbookFiles.openPackage(file, message -> { });
                formulas = pkg == null ? (s, r, c) -> "" : sharedFormulas(pkg);
            }
            return formulas.text(sheetName, row, column);
        }

        @Override
        public void close() {
            if (pkg != null) {
                pkg.revert();
            }
        }
    }

    /**
     * Finds the sheet (null: the first) of an open package and reads what its cells need (styles, shared strings), or
     * reports at the file why there is none and gives null. A damaged part is thrown, for the caller to word.
     */
    static Located locate(OPCPackage pkg, String path, String sheetName, Problems problems)
            throws IOException, SAXException, OpenXML4JException {
        Location where = Location.ofFile(path);
        XSSFReader reader = new XSSFReader(pkg);      // checks for a workbook part, refuses strict OOXML
        PackagePart workbook = workbookPart(pkg);
        WorkbookXml book;
        try (InputStream in = reader.getWorkbookData()) {
            book = WorkbookXml.read(in);
        }
        List<SheetRef> sheets = sheets(pkg, workbook, book);
        if (sheets.isEmpty() && sheetName == null) {
            problems.add(where, "not an Excel workbook (.xlsx): the file is damaged (it has no sheets)");
            return null;
        }
        SheetRef sheet = find(sheets, sheetName);
        if (sheet == null) {
            problems.add(where, "missing sheet '" + sheetName + "' (the workbook has: "
                    + sheets.stream().map(SheetRef::name).collect(Collectors.joining(", ")) + ")");
            return null;
        }
        return new Located(sheet.name, sheet.part, styles(workbook), sharedStrings(pkg, workbook), book.date1904);
    }

    private static SheetRef find(List<SheetRef> sheets, String name) {
        for (SheetRef s : sheets) {
            if (name == null || name.equalsIgnoreCase(s.name)) {
                return s;
            }
        }
        return null;
    }

    private static PackagePart workbookPart(OPCPackage pkg) throws OpenXML4JException {
        return pkg.getPart(pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT).getRelationship(0));
    }

    /** The sheets POI's usermodel would list: those whose relationship leads to a worksheet or chart sheet part. */
    private static List<SheetRef> sheets(OPCPackage pkg, PackagePart workbook, WorkbookXml book)
            throws OpenXML4JException {
        List<SheetRef> out = new ArrayList<>();
        for (String[] s : book.sheets) {
            PackageRelationship rel = s[1] == null ? null : workbook.getRelationship(s[1]);
            if (rel == null || rel.getTargetMode() == TargetMode.EXTERNAL
                    || !(rel.getRelationshipType().equals(XSSFRelation.WORKSHEET.getRelation())
                    || rel.getRelationshipType().equals(XSSFRelation.CHARTSHEET.getRelation()))) {
                continue;
            }
            PackagePart part = pkg.getPart(PackagingURIHelper.createPartName(rel.getTargetURI()));
            if (part != null) {
                out.add(new SheetRef(s[0], part::getInputStream));
            }
        }
        return out;
    }

    private static CellStyles styles(PackagePart workbook) throws IOException, SAXException, OpenXML4JException {
        PackagePart part = related(workbook, XSSFRelation.STYLES.getRelation());
        if (part == null) {
            return CellStyles.NONE;
        }
        try (InputStream in = part.getInputStream()) {
            return CellStyles.read(in);
        }
    }

    /** The shared strings related to the workbook, else any part of their type (as POI's usermodel looks), else none. */
    private static SharedStrings sharedStrings(OPCPackage pkg, PackagePart workbook)
            throws IOException, SAXException, OpenXML4JException {
        PackagePart part = related(workbook, XSSFRelation.SHARED_STRINGS.getRelation());
        if (part == null) {
            List<PackagePart> typed = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
            part = typed.isEmpty() ? null : typed.get(0);
        }
        if (part == null) {
            return SharedStrings.NONE;
        }
        try (InputStream in = part.getInputStream()) {
            return SharedStrings.read(in);
        }
    }

    private static PackagePart related(PackagePart workbook, String type) throws OpenXML4JException {
        PackageRelationshipCollection rels = workbook.getRelationshipsByType(type);
        for (PackageRelationship rel : rels) {
            if (rel.getTargetMode() != TargetMode.EXTERNAL) {
                PackagePart part = workbook.getPackage().getPart(PackagingURIHelper.createPartName(rel.getTargetURI()));
                if (part != null) {
                    return part;
                }
            }
        }
        return null;
    }

    /**
     * A shared formula's text for a cell whose result was never saved. Shifting a shared formula to a cell takes POI's
     * formula parser, which needs the usermodel, so only then, and rarely (Excel saves every result), is it built
     * from the same package; should it fail, the cell holds just {@code =}.
     */
    private static SheetCells.SharedFormulas sharedFormulas(OPCPackage pkg) {
        XSSFWorkbook[] usermodel = new XSSFWorkbook[1];
        return (sheetName, row, column) -> {
            try {
                if (usermodel[0] == null) {
                    usermodel[0] = new XSSFWorkbook(pkg);
                }
                Sheet sheet = usermodel[0].getSheet(sheetName);
                Row r = sheet == null ? null : sheet.getRow(row - 1);
                Cell c = r == null ? null : r.getCell(column - 1);
                String text = c == null ? null : c.getCellFormula();
                return text == null ? "" : text;
            } catch (IOException | RuntimeException e) {
                return "";
            }
        };
    }

    /** What {@code workbook.xml} says: the sheets (name and relationship id) in order, and the 1904 date system. */
    private static final class WorkbookXml extends Xml.Handler {
        final List<String[]> sheets = new ArrayList<>();
        boolean date1904;

        static WorkbookXml read(InputStream in) throws IOException, SAXException {
            WorkbookXml book = new WorkbookXml();
            Xml.parse(in, book);
            return book;
        }

        @Override
        void open(String name, Attributes a) {
            if (name.equals("workbookPr") && depth() == 2) {
                String d = a.getValue("date1904");
                date1904 = d != null && (d.strip().equals("1") || d.strip().equals("true"));
            } else if (name.equals("sheet") && depth() == 3) {
                sheets.add(new String[] {a.getValue("name"), a.getValue(RELATIONSHIPS, "id")});
            }
        }
    }
}
