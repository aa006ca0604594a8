package cn.eduduty.registry.bulkimport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code eduduty.import.*}: bounds on an uploaded sheet, checked while it is read so that a crafted
 * file is refused (413) after reading at most the bound, never by running out of memory. The
 * upload's own size is bounded by {@code quarkus.http.limits.max-body-size}.
 */
@ConfigMapping(prefix = "eduduty.import")
public interface ImportLimits {

    /** Data rows after the header. The reference country-wide county has a few thousand classes. */
    @WithDefault("1000000")
    int maxRows();

    /** Columns of a row: a cell further right (an XLSX reference like {@code XFD1}) is refused. */
    @WithDefault("64")
    int maxColumns();

    /** Characters of one cell. */
    @WithDefault("1000")
    int maxCellChars();

    /** Bytes of the workbook's shared-strings part once inflated: POI holds that part in memory. */
    @WithDefault("33554432")
    long maxSharedStringsBytes();

    /** Bytes of any other part of the workbook once inflated (the sheet itself is streamed). */
    @WithDefault("536870912")
    long maxEntryBytes();

    /**
     * Bytes of all parts together once inflated: without it, many parts each under its own bound
     * (a thousand zeros-filled parts in a 64 MiB upload) would cost a minute of inflating.
     */
    @WithDefault("671088640")
    long maxTotalBytes();

    /** Parts (zip entries) of a workbook; Excel writes about a dozen. */
    @WithDefault("1000")
    int maxEntries();
}
