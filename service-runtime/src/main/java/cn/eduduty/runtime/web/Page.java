package cn.eduduty.runtime.web;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: every list endpoint of every service answers with this shape. (No class-level
 * schema: the document names each instance, e.g. {@code PageRegionResponse}.)
 */
public record Page<T>(
        @Schema(description = "The items of this page") List<T> items,
        @Schema(description = "Zero-based page number", examples = "0") int page,
        @Schema(description = "Page size asked for", examples = "50") int size,
        @Schema(description = "Items across all pages", examples = "123") long totalItems) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.size(), total);
    }
}
