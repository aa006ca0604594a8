package cn.eduduty.report.render;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A report as a document: title, subtitle and a flat list of blocks in reading order. The
 * composer decides the words; every renderer draws the same blocks in its own format, so the
 * HTML, Word, PDF and Markdown of a snapshot say exactly the same thing.
 */
@Schema(name = "ReportDocument", description = "The report as a document: title, subtitle and blocks in reading order")
public record Document(String title, String subtitle, List<Block> blocks) {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({ @JsonSubTypes.Type(value = Heading.class, name = "heading"),
            @JsonSubTypes.Type(value = Paragraph.class, name = "paragraph"),
            @JsonSubTypes.Type(value = Table.class, name = "table") })
    @Schema(description = "A heading, a paragraph or a table, told apart by type",
            oneOf = { Heading.class, Paragraph.class, Table.class }, discriminatorProperty = "type",
            discriminatorMapping = { @DiscriminatorMapping(value = "heading", schema = Heading.class),
                    @DiscriminatorMapping(value = "paragraph", schema = Paragraph.class),
                    @DiscriminatorMapping(value = "table", schema = Table.class) })
    public sealed interface Block permits Heading, Paragraph, Table {
    }

    /** A heading: level 1 for 一、二、…, level 2 for （一）（二）…. */
    @Schema(description = "A heading", requiredProperties = "type",
            properties = @SchemaProperty(name = "type", enumeration = "heading"))
    public record Heading(int level, String text) implements Block {
    }

    /** A paragraph; {@code right} aligns it right (the signature block). */
    @Schema(description = "A paragraph", requiredProperties = "type",
            properties = @SchemaProperty(name = "type", enumeration = "paragraph"))
    public record Paragraph(String text, boolean right) implements Block {

        public static Paragraph of(String text) {
            return new Paragraph(text, false);
        }
    }

    /** A table with a caption above it, a header row and body rows of the same width. */
    @Schema(description = "A table", requiredProperties = "type",
            properties = @SchemaProperty(name = "type", enumeration = "table"))
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
