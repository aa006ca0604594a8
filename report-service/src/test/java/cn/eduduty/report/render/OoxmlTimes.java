package cn.eduduty.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageProperties;

/**
 * The times an Office file (XLSX, DOCX) carries, checked against the snapshot's: a render that
 * stamped "now" anywhere would still be byte-identical when rendered twice within a second, so the
 * byte-identity tests also assert that every time in the file is the snapshot's.
 */
public final class OoxmlTimes {

    private OoxmlTimes() {
    }

    /** Every zip entry dated, and the core properties created and modified, at {@code generatedAt}. */
    public static void assertDatedWith(byte[] ooxml, Instant generatedAt) {
        // a zip entry keeps DOS time: UTC here (DocxRenderer.normalise), to the even second
        LocalDateTime utc = LocalDateTime.ofInstant(generatedAt, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime dos = utc.withSecond(utc.getSecond() / 2 * 2);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(ooxml))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                assertThat(entry.getTimeLocal()).as("time of zip entry " + entry.getName()).isEqualTo(dos);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(names).contains("[Content_Types].xml", "docProps/core.xml");
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(ooxml))) {
            PackageProperties core = pkg.getPackageProperties();
            Instant second = generatedAt.truncatedTo(ChronoUnit.SECONDS);
            assertThat(core.getCreatedProperty()).get().extracting(d -> d.toInstant().truncatedTo(ChronoUnit.SECONDS))
                    .as("created").isEqualTo(second);
            assertThat(core.getModifiedProperty()).get().extracting(d -> d.toInstant().truncatedTo(ChronoUnit.SECONDS))
                    .as("modified").isEqualTo(second);
            pkg.revert();
        } catch (IOException | InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
