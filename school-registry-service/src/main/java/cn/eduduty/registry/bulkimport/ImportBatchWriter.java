package cn.eduduty.registry.bulkimport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

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

    private static final String CLASS_INSERT = """
            INSERT INTO school_class (school_code, school_year, class_no, stage, grade, students, common_language)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String FLOW_INSERT = """
            INSERT INTO enrolment_flow (school_code, school_year, stage, grade, entrants, graduates, transfers_in,
                                        transfers_out, dropouts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Connection connection;
    /** The statements prepared so far, by their SQL, in the order of their first row. */
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();
    private int pending;

    private ImportBatchWriter(Connection connection) {
        this.connection = connection;
    }

    /** A writer on the connection {@code em} works on (its transaction's). */
    static ImportBatchWriter on(EntityManager em) {
        return new ImportBatchWriter(em.unwrap(Session.class).doReturningWork(c -> c));
    }

    void add(NewClass c) throws SQLException {
        add(CLASS_INSERT, c.school(), c.year(), c.classNo(), c.stage(), c.grade(), c.students(), c.commonLanguage());
    }

    void add(NewFlow f) throws SQLException {
        add(FLOW_INSERT, f.school(), f.year(), f.stage(), f.grade(), f.entrants(), f.graduates(), f.transfersIn(),
                f.transfersOut(), f.dropouts());
    }

    /** Adds one row of {@code sql}'s parameters (strings, ints, booleans) to its batch. */
    private void add(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        statement.addBatch();
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
            for (PreparedStatement statement : statements.values()) {
                statement.executeBatch();
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
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("closing the import's statements", e);
        }
    }
}
