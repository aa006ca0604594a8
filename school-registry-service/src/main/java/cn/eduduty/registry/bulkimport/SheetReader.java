package cn.eduduty.registry.bulkimport;

import java.sql.SQLException;
import java.util.List;

/**
 * One pass over a sheet's rows: the first is the header, blank rows are skipped, and each data row
 * goes to the sheet's handler as a {@link SheetRow}.
 */
final class SheetReader implements RowSource.RowHandler {

    private final ImportContext context;
    private final SheetHandler handler;
    private SheetColumns columns;
    private long rows;

    SheetReader(ImportContext context, SheetHandler handler) {
        this.context = context;
        this.handler = handler;
    }

    @Override
    public void row(int number, List<String> cells) {
        if (columns == null) {
            columns = SheetColumns.read(number, cells, context.kind(), context.errors());
            return;
        }
        if (cells.stream().allMatch(String::isBlank)) {
            return;
        }
        rows++;
        try {
            handler.row(new SheetRow(number, cells, columns, context.errors()));
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
