package cn.eduduty.indicator.framework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import cn.eduduty.indicator.framework.api.FrameworkDiffResponse;
import cn.eduduty.indicator.framework.api.FrameworkDiffResponse.ChangedIndicator;
import cn.eduduty.indicator.framework.api.FrameworkDiffResponse.FieldChange;
import cn.eduduty.indicator.framework.api.IndicatorResponse;
import cn.eduduty.indicator.framework.api.MetricBinding;

/** Compares two trees indicator by indicator, matching by code. */
final class FrameworkDiff {

    private FrameworkDiff() {
    }

    static FrameworkDiffResponse between(UUID fromId, List<IndicatorResponse> from, UUID toId,
            List<IndicatorResponse> to) {
        Map<String, IndicatorResponse> before = byCode(from);
        Map<String, IndicatorResponse> after = byCode(to);
        List<IndicatorResponse> added = to.stream().filter(i -> !before.containsKey(i.code())).toList();
        List<IndicatorResponse> removed = from.stream().filter(i -> !after.containsKey(i.code())).toList();
        List<ChangedIndicator> changed = new ArrayList<>();
        for (IndicatorResponse old : from) {
            IndicatorResponse now = after.get(old.code());
            if (now == null) {
                continue;
            }
            List<FieldChange> changes = new ArrayList<>();
            compare("title", old.title(), now.title(), changes);
            compare("criteria", old.criteria(), now.criteria(), changes);
            compare("displayOrder", Integer.toString(old.displayOrder()), Integer.toString(now.displayOrder()), changes);
            MetricBinding a = old.metric();
            MetricBinding b = now.metric();
            compare("metric.key", a == null ? null : a.key(), b == null ? null : b.key(), changes);
            compare("metric.comparator", a == null ? null : a.comparator(), b == null ? null : b.comparator(), changes);
            compare("metric.threshold", a == null ? null : a.threshold().stripTrailingZeros().toPlainString(),
                    b == null ? null : b.threshold().stripTrailingZeros().toPlainString(), changes);
            compare("metric.unit", a == null ? null : a.unit(), b == null ? null : b.unit(), changes);
            if (!changes.isEmpty()) {
                changed.add(new ChangedIndicator(old.code(), changes));
            }
        }
        return new FrameworkDiffResponse(fromId, toId, added, removed, changed);
    }

    private static void compare(String field, String before, String after, List<FieldChange> changes) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    private static Map<String, IndicatorResponse> byCode(List<IndicatorResponse> indicators) {
        Map<String, IndicatorResponse> map = new LinkedHashMap<>();
        indicators.forEach(i -> map.put(i.code(), i));
        return map;
    }
}
