package cn.eduduty.contracts.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A posting (voucher, 凭证) was booked in a county's ledger: its balanced lines with each line's
 * account category, and the stage and school it concerns. A reversal is booked like any posting,
 * with {@code reversalOf} naming the original, so summing every booked posting gives the totals.
 */
public record PostingBooked(
        UUID postingId,
        String regionCode,
        int fiscalYear,
        LocalDate bookingDate,
        String voucherNumber,
        String memo,
        String schoolCode,
        String stage,
        UUID reversalOf,
        List<Line> lines,
        String bookedBy) {

    /** One line: debit or credit (the other is zero), in yuan. */
    public record Line(
            String accountCode,
            String accountName,
            String accountType,
            String category,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal debit,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal credit) {
    }
}
