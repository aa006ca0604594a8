package cn.eduduty.contracts;

import java.util.List;
import java.util.Optional;

import cn.eduduty.contracts.funding.FiscalContextRecorded;
import cn.eduduty.contracts.registry.RegionChanged;

/** The catalogue of every event type the suite publishes. */
public final class EventTypes {

    public static final EventType<RegionChanged> REGION_CHANGED =
            new EventType<>("registry.region.changed", Topics.REGISTRY, RegionChanged.class, 1);

    public static final EventType<FiscalContextRecorded> FISCAL_CONTEXT_RECORDED =
            new EventType<>("funding.fiscal-context.recorded", Topics.FUNDING, FiscalContextRecorded.class, 1);

    public static final List<EventType<?>> ALL = List.of(REGION_CHANGED, FISCAL_CONTEXT_RECORDED);

    private EventTypes() {
    }

    public static Optional<EventType<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
