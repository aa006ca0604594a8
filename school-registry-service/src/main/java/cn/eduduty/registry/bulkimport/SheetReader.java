package cn.eduduty.registry.bulkimport;

import java.sql.SQLException;
import java.util.List;

/**
 * One pass over a sheet's rows: the first is the header, blank rows are skipped, and each data row
 * goes to the sheet's handler as a {@link SheetRow}.
 */
final class SheetReader implements RowSource.RowHandler {

    private final ImportKind kind;
    private final ImportErrors errors;
    private final SheetHandler handler;
    private SheetColumns columns;
    private long rows;

    SheetReader(ImportKind kind, ImportErrors errors, SheetHandler handler) {
        this.kind = kind;
        this.errors = errors;
        this.handler = handler;
    }

    @Override
    public void row(int number, List<String> cells) {
        if (columns == null) {
            columns = SheetColumns.read(number, cells, kind, errors);
            return;
        }
        if (cells.stream().allMatch(String::isBlank)) {
            return;
        }
        rows++;
        try {
            handler.row(new SheetRow(number, cells, columns, errors));
        } catch (SQLException e) {
            throw new IllegalStateException("import failed at row " + number, e);
        }
    }

    /** Whether a header row was read. */
    boolean hadHeader() {
        return columns != null;
    }

    /** Data rows read, blank ones not counted. */
    long rows() {
        return rows;
    }
}
