package cn.eduduty.report.readmodel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventType;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.indicator.SelfEvaluationStatus;
import cn.eduduty.contracts.registry.RegionChanged;
import cn.eduduty.runtime.inbox.EventRefused;
import cn.eduduty.runtime.inbox.InboxConfig;

/**
 * Turns the owners' events into the read model's tables. Runs inside the transaction that records
 * the event as processed, so each event is applied once; rows of versioned entities keep the
 * newest version, so an older event arriving late (after a resync) changes nothing.
 *
 * <p>One table, {@link #PROJECTIONS}, says for every event type of the contracts what the read
 * model does with it, each type named once by its {@link EventType} constant: the write, and for a
 * versioned row the version guard; or, for a type with nothing to keep, that it is deliberately
 * ignored. A type without an entry is refused ({@link EventRefused}), and the inbox parks it, as it
 * parks a type that is not in the contracts at all: a new event type no one taught the read model
 * shows in the parked events instead of vanishing.
 *
 * <p>Since the newest version wins, an event's version is bounded by what its owner could have
 * produced: at most {@code eduduty.inbox.max-version-jump} over the version held for the row (0
 * for a row not held yet), or the event is refused ({@link EventRefused}) and parked, so that one
 * forged version of {@code Long.MAX_VALUE} cannot pin a row. A self-evaluation's events share one
 * version counter, so its status, ratings and signing are bounded by the highest of them. State
 * read back from an owner's API (a resync) is the owner's word and is not bounded.
 */
@ApplicationScoped
public class ReadModelProjector {

    /** What the read model does with each event type, by the type's name. */
    static final Map<String, Projection<?>> PROJECTIONS = table(
            versioned(EventTypes.REGION_CHANGED, RegionChanged::version, (q, e) -> q.regionVersion(e.code()),
                    (q, e, id) -> q.region(e)),
            versioned(EventTypes.SCHOOL_REGISTERED, e -> e.school().version(), (q, e) -> q.schoolVersion(e.school().code()),
                    (q, e, id) -> q.school(e.school())),
            versioned(EventTypes.SCHOOL_UPDATED, e -> e.school().version(), (q, e) -> q.schoolVersion(e.school().code()),
                    (q, e, id) -> q.school(e.school())),
            versioned(EventTypes.SCHOOL_CLOSED, e -> e.school().version(), (q, e) -> q.schoolVersion(e.school().code()),
                    (q, e, id) -> q.school(e.school())),
            versioned(EventTypes.SCHOOL_YEAR_DATA_REPLACED, e -> e.version(),
                    (q, e) -> q.schoolYearVersion(e.schoolCode(), e.schoolYear()), (q, e, id) -> q.schoolYear(e, id)),
            versioned(EventTypes.POPULATION_RECORDED, e -> e.version(),
                    (q, e) -> q.populationVersion(e.regionCode(), e.year()), (q, e, id) -> q.population(e)),
            versioned(EventTypes.SENIOR_ENTRANCE_RECORDED, e -> e.version(),
                    (q, e) -> q.countyFactVersion(CountyFactKinds.SENIOR_ENTRANCE, e.regionCode(), e.year()),
                    (q, e, id) -> q.countyFact(CountyFactKinds.SENIOR_ENTRANCE, e.regionCode(), e.year(), e, e.version(), id)),
            versioned(EventTypes.TEACHER_RECRUITMENT_RECORDED, e -> e.version(),
                    (q, e) -> q.countyFactVersion(CountyFactKinds.TEACHER_RECRUITMENT, e.regionCode(), e.year()),
                    (q, e, id) -> q.countyFact(CountyFactKinds.TEACHER_RECRUITMENT, e.regionCode(), e.year(), e, e.version(),
                            id)),
            versioned(EventTypes.TRAINING_INSTITUTIONS_RECORDED, e -> e.version(),
                    (q, e) -> q.countyFactVersion(CountyFactKinds.TRAINING_INSTITUTIONS, e.regionCode(), e.year()),
                    (q, e, id) -> q.countyFact(CountyFactKinds.TRAINING_INSTITUTIONS, e.regionCode(), e.year(), e,
                            e.version(), id)),
            versioned(EventTypes.FISCAL_CONTEXT_RECORDED, e -> e.version(),
                    (q, e) -> q.fiscalContextVersion(e.regionCode(), e.fiscalYear()), (q, e, id) -> q.fiscal(e)),
            // postings, closures, frameworks and creations carry no version: they are inserted once
            once(EventTypes.POSTING_BOOKED, (q, e, id) -> q.posting(e, id)),
            ignored(EventTypes.POSTING_REVERSED), // the reversal posting arrives as funding.posting.booked with reversalOf
            once(EventTypes.FISCAL_YEAR_CLOSED, (q, e, id) -> q.closed(e)),
            once(EventTypes.FRAMEWORK_PUBLISHED, (q, e, id) -> q.framework(e)),
            once(EventTypes.SELF_EVALUATION_CREATED, (q, e, id) -> q.created(e)),
            versioned(EventTypes.RATING_RECORDED, e -> e.version(), (q, e) -> q.selfEvaluationVersion(e.selfEvaluationId()),
                    (q, e, id) -> q.rating(e, id)),
            versioned(EventTypes.SELF_EVALUATION_SUBMITTED, e -> e.version(),
                    (q, e) -> q.selfEvaluationVersion(e.selfEvaluationId()),
                    (q, e, id) -> q.status(e.selfEvaluationId(), SelfEvaluationStatus.SUBMITTED, e.version(), null)),
            versioned(EventTypes.SELF_EVALUATION_RETURNED, e -> e.version(),
                    (q, e) -> q.selfEvaluationVersion(e.selfEvaluationId()),
                    (q, e, id) -> q.status(e.selfEvaluationId(), SelfEvaluationStatus.RETURNED, e.version(), null)),
            versioned(EventTypes.SELF_EVALUATION_APPROVED, e -> e.version(),
                    (q, e) -> q.selfEvaluationVersion(e.selfEvaluationId()),
                    (q, e, id) -> q.status(e.selfEvaluationId(), SelfEvaluationStatus.APPROVED, e.version(), e.approvedBy())),
            versioned(EventTypes.SELF_EVALUATION_SIGNING_RECORDED, e -> e.version(),
                    (q, e) -> q.selfEvaluationVersion(e.selfEvaluationId()), (q, e, id) -> q.signing(e, id)),
            ignored(EventTypes.REPORT_GENERATED)); // this service's own event: nothing of it is read back

    private final ReadModelQueries queries;
    private final long maxVersionJump;

    ReadModelProjector(ReadModelQueries queries, InboxConfig inbox) {
        this.queries = queries;
        this.maxVersionJump = inbox.maxVersionJump();
    }

    /**
     * Applies an owner's state read back from its REST API (a resync) as if it were the event
     * carrying it: the same version guards apply, so newer state already projected is kept and
     * postings already known are not added again.
     */
    public <T> void applyState(EventType<T> type, String regionCode, T payload) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/report-service/resync",
                type.name(), regionCode, Instant.now(), "application/json", type.dataschema(), regionCode,
                EventJson.mapper().valueToTree(payload));
        projection(event).apply(this, event, false);
    }

    /**
     * Applies an owner's event; returns false for a type the read model deliberately ignores.
     *
     * @throws EventRefused for a type it has no entry for, or a version that jumps too far
     */
    public boolean apply(CloudEvent event) {
        return projection(event).apply(this, event, true);
    }

    /** The names of the event types the read model has an entry for (kept or deliberately ignored). */
    static Set<String> known() {
        return PROJECTIONS.keySet();
    }

    private static Projection<?> projection(CloudEvent event) {
        Projection<?> projection = PROJECTIONS.get(event.type());
        if (projection == null) {
            throw new EventRefused("the read model has no projection for event type " + event.type());
        }
        return projection;
    }

    /** Refuses an event whose version jumps too far over {@code held}, the version held for its row. */
    private void bound(CloudEvent event, long version, long held) {
        long step = version - held; // overflows to a negative step only for a version far beyond any owner's
        if (version > held && (step < 0 || step > maxVersionJump)) {
            throw new EventRefused("version " + version + " of " + event.type() + " " + event.subject()
                    + " jumps more than " + maxVersionJump + " over the version held, " + held);
        }
    }

    /** The version held for the row an event of type T writes. */
    @FunctionalInterface
    interface Held<T> {
        long of(ReadModelQueries queries, T payload);
    }

    /** The write of an event of type T, with the event's id. */
    @FunctionalInterface
    interface Write<T> {
        void apply(ReadModelQueries queries, T payload, UUID eventId);
    }

    /**
     * What the read model does with one event type: {@code write} it (null: ignore it), after
     * checking its {@code version} against the version {@code held} (both null: inserted once).
     */
    record Projection<T>(EventType<T> type, ToLongFunction<T> version, Held<T> held, Write<T> write) {

        /** Applies the event; false when the type is ignored. */
        boolean apply(ReadModelProjector projector, CloudEvent event, boolean bounded) {
            if (write == null) {
                return false;
            }
            T payload = EventJson.payload(event, type);
            if (bounded && version != null) {
                projector.bound(event, version.applyAsLong(payload), held.of(projector.queries, payload));
            }
            write.apply(projector.queries, payload, UUID.fromString(event.id()));
            return true;
        }
    }

    private static <T> Projection<T> versioned(EventType<T> type, ToLongFunction<T> version, Held<T> held,
            Write<T> write) {
        return new Projection<>(type, version, held, write);
    }

    private static <T> Projection<T> once(EventType<T> type, Write<T> write) {
        return new Projection<>(type, null, null, write);
    }

    private static <T> Projection<T> ignored(EventType<T> type) {
        return new Projection<>(type, null, null, null);
    }

    private static Map<String, Projection<?>> table(Projection<?>... projections) {
        Map<String, Projection<?>> table = new LinkedHashMap<>();
        for (Projection<?> p : projections) {
            if (table.put(p.type().name(), p) != null) {
                throw new IllegalStateException("event type " + p.type().name() + " has two projections");
            }
        }
        return Map.copyOf(table);
    }
}
