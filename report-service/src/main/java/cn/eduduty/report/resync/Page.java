package cn.eduduty.report.resync;

import java.util.List;

/** One page of an owner's paginated list, as every owner answers it. */
record Page<T>(List<T> items, int page, int size, long totalItems) {
}
