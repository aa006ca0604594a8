package cn.eduduty.registry.bulkimport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV, UTF-8 with an optional byte order mark, read record by record from a stream. */
final class CsvRowSource implements RowSource {

    private final Reader reader;

    CsvRowSource(InputStream in) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
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
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            reader.reset();
                        }
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r') {
                    reader.mark(1);
                    if (reader.read() != '\n') {
                        reader.reset();
                    }
                }
                record.add(cell.toString());
                cell.setLength(0);
                handler.row(row++, record);
                record = new ArrayList<>();
                any = false;
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new IOException("row " + row + ": a quoted cell is not closed");
        }
        if (any) {
            record.add(cell.toString());
            handler.row(row, record);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
