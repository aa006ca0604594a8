package cn.eduduty.formulas.registry;

import java.util.Objects;

/**
 * A school open in the year being computed.
 *
 * @param code           the national 10-digit school identification code (学校标识码)
 * @param inclusive      普惠性; only meaningful for kindergartens (a public kindergarten counts as
 *                       inclusive whatever this says)
 * @param townshipCentral 乡镇中心幼儿园; only meaningful for kindergartens
 * @param townshipCode   the 9-digit code of the township the school is in; may be null
 */
public record SchoolFacts(String code, String name, SchoolType type, Ownership ownership, boolean inclusive,
        boolean townshipCentral, Area area, String townshipCode) {

    public SchoolFacts {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ownership, "ownership");
        Objects.requireNonNull(area, "area");
    }

    /** Whether this is a kindergarten. */
    public boolean isKindergarten() {
        return type == SchoolType.KINDERGARTEN;
    }

    /** A kindergarten that is public, or private and inclusive (公办园和普惠性民办园). */
    public boolean isPublicOrInclusiveKindergarten() {
        return isKindergarten() && (ownership == Ownership.PUBLIC || inclusive);
    }

    /** A public township central kindergarten (公办乡镇中心幼儿园). */
    public boolean isPublicCentralKindergarten() {
        return isKindergarten() && ownership == Ownership.PUBLIC && townshipCentral;
    }
}
