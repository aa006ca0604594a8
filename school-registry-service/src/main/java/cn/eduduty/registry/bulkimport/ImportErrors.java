package cn.eduduty.registry.bulkimport;

import java.util.ArrayList;
import java.util.List;

import cn.eduduty.runtime.problem.Problem.Violation;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.problem.ProblemType;

/**
 * Every error of one import, counted, with the first {@value #MAX_LISTED} kept (row, column,
 * message) for the problem that answers a sheet with errors.
 */
final class ImportErrors {

    static final int MAX_LISTED = 500;

    private final List<Violation> listed = new ArrayList<>();
    private long count;

    /** Records an error of {@code column} in sheet row {@code row} (no column: of the row or the sheet). */
    void add(int row, String column, String message) {
        count++;
        if (listed.size() < MAX_LISTED) {
            listed.add(new Violation("rows[" + row + "]" + (column.isEmpty() ? "" : "." + column), message));
        }
    }

    /** Records each of {@code violations} (field, message) as an error of sheet row {@code row}. */
    void addAll(int row, List<Violation> violations) {
        violations.forEach(v -> add(row, v.field(), v.message()));
    }

    boolean any() {
        return count > 0;
    }

    /** The 400 answering the sheet: how many errors, the first {@value #MAX_LISTED} of them, nothing stored. */
    ProblemException problem() {
        List<Violation> first = List.copyOf(listed);
        return new ProblemException(ProblemType.INVALID_REQUEST, count + " error(s) in the sheet"
                + (count > first.size() ? "; the first " + first.size() + " are listed" : "") + "; nothing was stored",
                first);
    }
}
