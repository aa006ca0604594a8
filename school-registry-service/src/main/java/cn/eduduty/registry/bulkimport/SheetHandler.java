package cn.eduduty.registry.bulkimport;

import java.sql.SQLException;

/**
 * What one kind of sheet does with its data rows: checks each row (errors go to the import's
 * {@link ImportErrors}) and, while the sheet has no error so far, stores it. One implementation per
 * {@link ImportKind}; a new instance per import.
 */
interface SheetHandler {

    void row(SheetRow row) throws SQLException;

    /** Runs once every row was stored without an error, in the import's transaction. */
    default void finish() {
    }

    /** What the import stored, having read {@code rows} data rows. */
    ImportSummary summary(long rows);
}
