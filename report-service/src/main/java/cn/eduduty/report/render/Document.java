package cn.eduduty.report.render;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A report as a document: title, subtitle and a flat list of blocks in reading order. The
 * composer decides the words; every renderer draws the same blocks in its own format, so the
 * HTML, Word, PDF and Markdown of a snapshot say exactly the same thing.
 */
public record Document(String title, String subtitle, List<Block> blocks) {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({ @JsonSubTypes.Type(value = Heading.class, name = "heading"),
            @JsonSubTypes.Type(value = Paragraph.class, name = "paragraph"),
            @JsonSubTypes.Type(value = Table.class, name = "table") })
    public sealed interface Block permits Heading, Paragraph, Table {
    }

    /** A heading: level 1 for 一、二、…, level 2 for （一）（二）…. */
    public record Heading(int level, String text) implements Block {
    }

    /** A paragraph; {@code right} aligns it right (the signature block). */
    public record Paragraph(String text, boolean right) implements Block {

        public static Paragraph of(String text) {
            return new Paragraph(text, false);
        }
    }

    /** A table with a caption above it, a header row and body rows of the same width. */
    public record Table(String caption, List<String> header, List<List<String>> rows) implements Block {

        public Table {
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("table '" + caption + "': a row has " + row.size()
                            + " cells, the header " + header.size());
                }
            }
        }
    }
}
