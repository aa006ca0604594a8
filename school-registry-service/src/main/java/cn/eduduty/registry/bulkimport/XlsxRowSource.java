package cn.eduduty.registry.bulkimport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The first sheet of an XLSX workbook, streamed with POI's SAX event API: rows are handed over as
 * they are parsed, so memory does not grow with the sheet. The upload is spooled to a temporary
 * file first, because a zip cannot be read as a stream.
 *
 * <p>Before POI opens it, every part is inflated once up to its bound ({@link ImportLimits}): the
 * shared strings, which POI holds in memory, to a few MiB, any other part to a larger bound, so
 * neither a zip bomb nor a huge strings table is ever held. While the sheet is read, a cell's text,
 * its column (a reference like {@code XFD1} would otherwise pad the row to 16,384 cells) and the
 * number of rows are bounded too.
 */
final class XlsxRowSource implements RowSource {

    private final OPCPackage workbook;
    private final ImportLimits limits;

    XlsxRowSource(Path file, ImportLimits limits) throws IOException {
        this.limits = limits;
        inspect(file, limits);
        try {
            this.workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            throw new IOException("the upload is not an XLSX workbook", e);
        }
    }

    /** Inflates each part up to its bound, without keeping anything. */
    static void inspect(Path file, ImportLimits limits) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            int entries = 0;
            long total = 0;
            byte[] buffer = new byte[1 << 16];
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
                ZipEntry entry = all.nextElement();
                if (++entries > limits.maxEntries()) {
                    throw new ImportLimitExceeded("the workbook has more than " + limits.maxEntries() + " parts");
                }
                boolean strings = entry.getName().toLowerCase(Locale.ROOT).contains("sharedstrings");
                long bound = strings ? limits.maxSharedStringsBytes() : limits.maxEntryBytes();
                if (entry.getSize() > bound) {
                    throw tooLarge(entry, strings, bound);
                }
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0;) {
                        inflated += n;
                        total += n;
                        if (inflated > bound) {
                            throw tooLarge(entry, strings, bound);
                        }
                        if (total > limits.maxTotalBytes()) {
                            throw new ImportLimitExceeded("the workbook's parts inflate to more than "
                                    + limits.maxTotalBytes() + " bytes together");
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw new IOException("the upload is not an XLSX workbook", e);
        }
    }

    private static ImportLimitExceeded tooLarge(ZipEntry entry, boolean strings, long bound) {
        return new ImportLimitExceeded("the workbook's " + (strings ? "shared strings" : "part " + entry.getName())
                + " inflate to more than " + bound + " bytes");
    }

    @Override
    public void forEachRow(RowHandler handler) throws IOException {
        try {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new BoundedCells(new XSSFSheetXMLHandler(styles, null, strings,
                        new Rows(handler, limits), new DataFormatter(), false),
                        limits.maxCellChars()));
                parser.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            ImportLimitExceeded limit = ImportLimitExceeded.in(e);
            if (limit != null) {
                throw limit;
            }
            throw new IOException("the workbook's first sheet cannot be read", e);
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private final ImportLimits limits;
        private final List<String> cells = new ArrayList<>();
        private int rows;

        Rows(RowHandler handler, ImportLimits limits) {
            this.handler = handler;
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (++rows > limits.maxRows() + 1) {
                throw new ImportLimitExceeded("the sheet has more than " + limits.maxRows() + " rows after the header");
            }
            handler.row(rowNum + 1, new ArrayList<>(cells));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column < 0 || column >= limits.maxColumns()) {
                throw new ImportLimitExceeded("cell " + reference + " is beyond the last column this import reads ("
                        + CellReference.convertNumToColString(limits.maxColumns() - 1) + ")");
            }
            if (value != null && value.length() > limits.maxCellChars()) {
                throw new ImportLimitExceeded("cell " + reference + " has more than " + limits.maxCellChars()
                        + " characters");
            }
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }

    /**
     * Counts the text inside each cell element as the parser delivers it, so that POI never
     * accumulates more than the bound for one cell.
     */
    private static final class BoundedCells extends XMLFilterImpl {
        private final int maxChars;
        private boolean inside;
        private long inCell;

        /** Passes every event on to {@code delegate} (the rest of {@link XMLFilterImpl}'s handler methods do so unchanged). */
        BoundedCells(ContentHandler delegate, int maxChars) {
            setContentHandler(delegate);
            this.maxChars = maxChars;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("c".equals(localName)) {
                inside = true;
                inCell = 0;
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (inside && (inCell += length) > maxChars) {
                throw new ImportLimitExceeded("a cell has more than " + maxChars + " characters");
            }
            super.characters(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            super.endElement(uri, localName, qName);
            if ("c".equals(localName)) {
                inside = false;
            }
        }
    }

    @Override
    public void close() throws IOException {
        workbook.revert();
    }
}
