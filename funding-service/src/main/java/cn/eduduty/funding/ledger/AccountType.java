package cn.eduduty.funding.ledger;

/** Account types; the side that increases an account decides the sign of its balance. */
public enum AccountType {
    ASSET, LIABILITY, NET_ASSETS, REVENUE, EXPENSE;

    /** True when debits increase the account (assets, expenses). */
    boolean debitNormal() {
        return this == ASSET || this == EXPENSE;
    }
}
