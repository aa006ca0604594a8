package cn.eduduty.registry.bulkimport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Writes an import's classes and enrolment flows in JDBC batches of {@value #JDBC_BATCH} rows, on
 * the connection of the import's transaction: the sheet's rows are never all in memory, and the
 * writes roll back with everything else when the sheet has an error.
 */
final class ImportBatchWriter implements AutoCloseable {

    static final int JDBC_BATCH = 1000;

    /** A class of a school year, numbered from 1 in the order of the sheet. */
    record NewClass(String school, int year, int classNo, String stage, int grade, int students,
            boolean commonLanguage) {
    }

    /** A grade's enrolment flow of a school year. */
    record NewFlow(String school, int year, String stage, int grade, int entrants, int graduates, int transfersIn,
            int transfersOut, int dropouts) {
    }

    private final Connection connection;
    private PreparedStatement classInsert;
    private PreparedStatement flowInsert;
    private int pending;

    private ImportBatchWriter(Connection connection) {
        this.connection = connection;
    }

    /** A writer on the connection {@code em} works on (its transaction's). */
    static ImportBatchWriter on(EntityManager em) {
        return new ImportBatchWriter(em.unwrap(Session.class).doReturningWork(c -> c));
    }

    void add(NewClass c) throws SQLException {
        if (classInsert == null) {
            classInsert = connection.prepareStatement("""
                    INSERT INTO school_class (school_code, school_year, class_no, stage, grade, students, common_language)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""");
        }
        classInsert.setString(1, c.school());
        classInsert.setInt(2, c.year());
        classInsert.setInt(3, c.classNo());
        classInsert.setString(4, c.stage());
        classInsert.setInt(5, c.grade());
        classInsert.setInt(6, c.students());
        classInsert.setBoolean(7, c.commonLanguage());
        classInsert.addBatch();
        batched();
    }

    void add(NewFlow f) throws SQLException {
        if (flowInsert == null) {
            flowInsert = connection.prepareStatement("""
                    INSERT INTO enrolment_flow (school_code, school_year, stage, grade, entrants, graduates, transfers_in,
                                                transfers_out, dropouts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        }
        flowInsert.setString(1, f.school());
        flowInsert.setInt(2, f.year());
        flowInsert.setString(3, f.stage());
        flowInsert.setInt(4, f.grade());
        flowInsert.setInt(5, f.entrants());
        flowInsert.setInt(6, f.graduates());
        flowInsert.setInt(7, f.transfersIn());
        flowInsert.setInt(8, f.transfersOut());
        flowInsert.setInt(9, f.dropouts());
        flowInsert.addBatch();
        batched();
    }

    private void batched() {
        if (++pending >= JDBC_BATCH) {
            flush();
        }
    }

    /** Sends the rows batched so far. */
    void flush() {
        try {
            if (classInsert != null) {
                classInsert.executeBatch();
            }
            if (flowInsert != null) {
                flowInsert.executeBatch();
            }
            pending = 0;
        } catch (SQLException e) {
            throw new IllegalStateException("import failed writing a batch", e);
        }
    }

    /** Closes the statements (the connection is the transaction's); rows not flushed are dropped. */
    @Override
    public void close() {
        try {
            if (classInsert != null) {
                classInsert.close();
            }
            if (flowInsert != null) {
                flowInsert.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("closing the import's statements", e);
        }
    }
}
