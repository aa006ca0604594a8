package cn.eduduty.report.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.EventType;
import cn.eduduty.contracts.EventTypes;

/**
 * The projector's table has an entry for every event type of the contracts, kept or deliberately
 * ignored: a type added to the contracts without telling the read model what to do with it fails
 * here, before its events would be parked in production.
 */
class ReadModelProjectionsTest {

    @Test
    void everyContractEventTypeHasOneProjection() {
        assertThat(ReadModelProjector.known())
                .containsExactlyInAnyOrderElementsOf(EventTypes.ALL.stream().map(EventType::name).toList());
    }

    @Test
    void eachProjectionIsKeyedByItsOwnType() {
        ReadModelProjector.PROJECTIONS.forEach((name, projection) -> assertThat(projection.type().name()).isEqualTo(name));
    }
}
