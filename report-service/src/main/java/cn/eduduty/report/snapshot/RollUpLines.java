package cn.eduduty.report.snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.eduduty.report.figures.ReportPeriods;
import cn.eduduty.runtime.inbox.Inbox;

/**
 * The lines of roll-ups (a county's, or a prefecture's in a province's), remembered by the state of
 * the read model they were computed from. The read model changes only by applying events, each in
 * the transaction that moves the consumer's position (or, for a parked event applied again, that
 * resolves it), or by a resync, which records its completion: so two transactions that see the same
 * positions, the same number of resolved parked events and the same last resync see the same rows,
 * and a line computed in one is exactly the line the other would compute. A deadline's burst composes
 * each county once for its report and its prefecture's and province's roll-ups read the line back,
 * instead of computing every county three times; once an event is applied, the positions differ and
 * nothing remembered before applies. Bounded, least recently used first out.
 */
@ApplicationScoped
public class RollUpLines {

    private static final int MAX = 20_000;

    /** A region's line for a report year, periods and day, in one state of the read model. */
    record Key(String region, int year, ReportPeriods.Choice periods, LocalDate today, List<String> positions,
            Instant lastResync, long reapplied) {
    }

    /** The state of the read model a transaction sees: the consumer's positions and the last completed resync. */
    record State(List<String> positions, Instant lastResync, long reapplied) {

        static State of(List<Inbox.Position> positions, Instant lastResync, long reapplied) {
            return new State(positions.stream().map(p -> p.topic() + "/" + p.partition() + "@" + p.nextOffset()).sorted()
                    .toList(), lastResync, reapplied);
        }

        Key key(String region, int year, ReportPeriods.Choice periods, LocalDate today) {
            return new Key(region, year, periods, today, positions, lastResync, reapplied);
        }
    }

    private final Map<Key, ReportContent.CountyRow> lines = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, ReportContent.CountyRow> eldest) {
                    return size() > MAX;
                }
            });

    Optional<ReportContent.CountyRow> get(Key key) {
        return Optional.ofNullable(lines.get(key));
    }

    void put(Key key, ReportContent.CountyRow line) {
        lines.put(key, line);
    }
}
