package cn.eduduty.registry.bulkimport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workbook's parts are bounded one by one and together: many parts each under its own bound
 * must not add up to minutes of inflating.
 */
class XlsxInspectTest {

    /** Parts of at most 4 MiB each, 10 MiB together. */
    private static final ImportLimits SMALL = new ImportLimits() {
        public int maxRows() { return 1000; }
        public int maxColumns() { return 64; }
        public int maxCellChars() { return 1000; }
        public long maxSharedStringsBytes() { return 1L << 20; }
        public long maxEntryBytes() { return 4L << 20; }
        public long maxTotalBytes() { return 10L << 20; }
        public int maxEntries() { return 1000; }
    };

    @TempDir
    Path dir;

    @Test
    void refusesPartsThatInflateBeyondTheTotalTogetherThoughEachIsWithinItsBound() throws IOException {
        Path bomb = zeros(dir.resolve("parts.xlsx"), 4, 3L << 20); // 4 × 3 MiB = 12 MiB > 10 MiB
        assertThatThrownBy(() -> XlsxRowSource.inspect(bomb, SMALL)).isInstanceOf(ImportLimitExceeded.class)
                .hasMessageContaining("together");
    }

    @Test
    void acceptsPartsWithinBothBounds() throws IOException {
        Path fine = zeros(dir.resolve("fine.xlsx"), 3, 3L << 20); // 9 MiB
        assertThatCode(() -> XlsxRowSource.inspect(fine, SMALL)).doesNotThrowAnyException();
    }

    private static Path zeros(Path file, int parts, long bytesEach) throws IOException {
        byte[] chunk = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int p = 0; p < parts; p++) {
                zip.putNextEntry(new ZipEntry("xl/media/part" + p + ".bin"));
                for (long written = 0; written < bytesEach; written += chunk.length) {
                    zip.write(chunk);
                }
                zip.closeEntry();
            }
        }
        return file;
    }
}
