package cn.eduduty.report.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The formats a report renders to, with their media types and file extensions. */
public enum Format {
    HTML("text/html;charset=UTF-8", "html"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    PDF("application/pdf", "pdf"),
    MARKDOWN("text/markdown;charset=UTF-8", "md"),
    JSON("application/json", "json"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    Format(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** By name or extension, case-insensitive: {@code html}, {@code docx}, {@code pdf}, {@code markdown}/{@code md}, {@code json}, {@code xlsx}. */
    public static Optional<Format> parse(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name().toLowerCase(Locale.ROOT).equals(v) || f.extension.equals(v))
                .findFirst();
    }

    /** The format an Accept header prefers (highest q, then order), if any of ours; JSON for a wildcard. */
    public static Optional<Format> fromAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>(List.of(accept.split(",")));
        parts.sort(Comparator.comparingDouble(Format::quality).reversed());
        for (String part : parts) {
            if (quality(part) <= 0) {
                continue;
            }
            String type = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals("*/*") || type.equals("application/*")) {
                return Optional.of(JSON);
            }
            for (Format f : values()) {
                if (f.mediaType.split(";")[0].equals(type)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /** The q parameter of a media range, 1 when absent or unreadable. */
    static double quality(String range) {
        for (String parameter : range.split(";")) {
            String p = parameter.trim();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
