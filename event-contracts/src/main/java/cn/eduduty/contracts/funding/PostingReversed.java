package cn.eduduty.contracts.funding;

import java.util.UUID;

/** A posting was reversed (反向冲销，借贷方向相反) by another posting, booked and published as PostingBooked. */
public record PostingReversed(
        UUID originalPostingId,
        UUID reversalPostingId,
        String regionCode,
        int fiscalYear,
        String reason,
        String reversedBy) {
}
