package cn.eduduty.contracts.funding;

import java.util.UUID;

/** A posting was reversed (红字冲销) by another posting, booked and published as PostingBooked. */
public record PostingReversed(
        UUID originalPostingId,
        UUID reversalPostingId,
        String regionCode,
        int fiscalYear,
        String reason,
        String reversedBy) {
}
