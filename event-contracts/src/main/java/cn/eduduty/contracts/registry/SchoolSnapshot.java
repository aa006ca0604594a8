package cn.eduduty.contracts.registry;

import java.time.LocalDate;

/** A school as registered: identity, kind, ownership, kindergarten flags, where it is, when it was open. */
public record SchoolSnapshot(
        String code,
        String name,
        String type,
        String ownership,
        boolean inclusive,
        boolean townshipCentral,
        String area,
        String townshipCode,
        String countyCode,
        LocalDate openedOn,
        LocalDate closedOn,
        long version) {
}
