package cn.eduduty.report;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.assertj.core.util.diff.DiffUtils;
import org.assertj.core.util.diff.Patch;

/**
 * Golden files: a text a test produces, compared with the file of that name under
 * {@code src/test/resources/golden/}. A difference fails with a unified diff of the lines. To accept
 * a deliberate change, run the test with {@code -Dgolden.update=true}: every golden it compares is
 * written anew (and the test passes); review the files' diff before committing them.
 */
public final class Golden {

    /** The system property that rewrites the golden files instead of comparing with them. */
    public static final String UPDATE = "golden.update";

    private static final Path DIR = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    /** Asserts that {@code actual} is the text of golden file {@code name}, or rewrites it in update mode. */
    public static void assertMatches(String name, String actual) {
        Path file = DIR.resolve(name);
        String text = actual.endsWith("\n") ? actual : actual + "\n";
        try {
            if (Boolean.getBoolean(UPDATE)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("golden file " + file + " is missing; write it with -D" + UPDATE + "=true and review it");
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(text)) {
                fail("the output differs from golden file " + file + " (if the change is deliberate, rewrite it with -D"
                        + UPDATE + "=true and review the diff):\n" + diff(name, expected, text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unified diff from {@code expected} to {@code actual}, three lines of context. */
    static String diff(String name, String expected, String actual) {
        List<String> before = expected.lines().toList();
        List<String> after = actual.lines().toList();
        Patch<String> patch = DiffUtils.diff(before, after);
        return String.join("\n", DiffUtils.generateUnifiedDiff("golden/" + name, "actual", before, patch, 3));
    }
}
