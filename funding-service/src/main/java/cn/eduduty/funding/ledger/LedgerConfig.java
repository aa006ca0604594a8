package cn.eduduty.funding.ledger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code eduduty.ledger.*}: bounds on what a caller of the ledger controls. */
@ConfigMapping(prefix = "eduduty.ledger")
public interface LedgerConfig {

    /**
     * Most lines in one posting. A real voucher has a handful; a larger batch is several postings,
     * which also keeps each posting's event well under the event bus' size bound.
     */
    @WithDefault("1000")
    int maxLines();
}
