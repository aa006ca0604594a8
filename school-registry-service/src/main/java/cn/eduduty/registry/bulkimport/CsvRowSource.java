package cn.eduduty.registry.bulkimport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, UTF-8 with an optional byte order mark, read record by record from a stream. A
 * cell, a record and the number of records are bounded ({@link ImportLimits}): a crafted file is
 * refused once it passes a bound, having held at most one bounded record.
 */
final class CsvRowSource implements RowSource {

    private final Reader reader;
    private final ImportLimits limits;

    CsvRowSource(InputStream in, ImportLimits limits) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        this.limits = limits;
    }

    @Override
    public void forEachRow(RowHandler handler) throws IOException {
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        boolean first = true;
        int row = 1;
        int c;
        while ((c = reader.read()) != -1) {
            char ch = (char) c;
            if (first) {
                first = false;
                if (ch == '\uFEFF') {
                    continue;
                }
            }
            any = true;
            if (quoted) {
                if (ch == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        append(cell, '"', row, record.size());
                    } else {
                        quoted = false;
                        if (next != -1) {
                            reader.reset();
                        }
                    }
                } else {
                    append(cell, ch, row, record.size());
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                if (record.size() >= limits.maxColumns()) {
                    throw new ImportLimitExceeded("row " + row + " has more than " + limits.maxColumns() + " columns");
                }
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r') {
                    reader.mark(1);
                    if (reader.read() != '\n') {
                        reader.reset();
                    }
                }
                record.add(cell.toString());
                cell.setLength(0);
                requireRowWithinBound(row);
                handler.row(row++, record);
                record = new ArrayList<>();
                any = false;
            } else {
                append(cell, ch, row, record.size());
            }
        }
        if (quoted) {
            throw new IOException("row " + row + ": a quoted cell is not closed");
        }
        if (any) {
            record.add(cell.toString());
            requireRowWithinBound(row);
            handler.row(row, record);
        }
    }

    private void append(StringBuilder cell, char ch, int row, int column) {
        if (cell.length() >= limits.maxCellChars()) {
            throw new ImportLimitExceeded("row " + row + ", column " + (column + 1) + ": a cell has more than "
                    + limits.maxCellChars() + " characters");
        }
        cell.append(ch);
    }

    /** The header is row 1; at most {@code maxRows} rows follow it. */
    private void requireRowWithinBound(int row) {
        if (row > limits.maxRows() + 1) {
            throw new ImportLimitExceeded("the sheet has more than " + limits.maxRows() + " rows after the header");
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
