package cn.eduduty.funding.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A fingerprint of what a request asks for, so that replaying an idempotency key with the same
 * request returns the original and with a different one is refused. Amounts are compared by
 * value (100 = 100.00).
 */
final class RequestHash {

    private RequestHash() {
    }

    static String of(Object... parts) {
        StringBuilder canonical = new StringBuilder();
        for (Object part : parts) {
            append(canonical, part);
            canonical.append('\u001f');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void append(StringBuilder out, Object part) {
        if (part instanceof List<?> list) {
            out.append('[');
            list.forEach(item -> {
                append(out, item);
                out.append(',');
            });
            out.append(']');
        } else if (part instanceof BigDecimal amount) {
            // by value without expanding the exponent: 1E+999999999 must not become a billion digits
            BigDecimal normal = amount.stripTrailingZeros();
            out.append(normal.unscaledValue()).append('e').append(-normal.scale());
        } else if (part instanceof Record record) {
            for (var component : record.getClass().getRecordComponents()) {
                try {
                    append(out, component.getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                out.append(';');
            }
        } else {
            out.append(Objects.toString(part, "\u2205"));
        }
    }
}
