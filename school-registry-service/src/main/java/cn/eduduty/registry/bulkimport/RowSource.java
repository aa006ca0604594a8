package cn.eduduty.registry.bulkimport;

import java.io.IOException;
import java.util.List;

/**
 * Rows of an uploaded sheet, one at a time, so that an import of any size never holds the sheet in
 * memory. Row numbers are what a spreadsheet shows: the header is row 1.
 */
interface RowSource extends AutoCloseable {

    /** Receives each row: its number and its cells as text (empty string for an empty cell). */
    interface RowHandler {
        void row(int number, List<String> cells);
    }

    void forEachRow(RowHandler handler) throws IOException;

    @Override
    void close() throws IOException;
}
