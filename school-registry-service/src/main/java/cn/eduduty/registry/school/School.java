package cn.eduduty.registry.school;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import cn.eduduty.formulas.registry.Area;
import cn.eduduty.formulas.registry.Ownership;
import cn.eduduty.formulas.registry.SchoolFacts;
import cn.eduduty.formulas.registry.SchoolType;

@Entity
@Table(name = "school")
public class School {

    @Id
    String code;

    String name;

    @Enumerated(EnumType.STRING)
    SchoolType type;

    @Enumerated(EnumType.STRING)
    Ownership ownership;

    boolean inclusive;

    @Column(name = "township_central")
    boolean townshipCentral;

    @Enumerated(EnumType.STRING)
    Area area;

    @Column(name = "township_code")
    String townshipCode;

    @Column(name = "county_code")
    String countyCode;

    @Column(name = "opened_on")
    LocalDate openedOn;

    @Column(name = "closed_on")
    LocalDate closedOn;

    @Version
    long version;

    @Column(name = "created_by", updatable = false)
    String createdBy;

    @Column(name = "created_at", updatable = false)
    Instant createdAt;

    @Column(name = "updated_by")
    String updatedBy;

    @Column(name = "updated_at")
    Instant updatedAt;

    /** Open on 1 September of {@code schoolYear}, the day the year's snapshot is taken. */
    public boolean openIn(int schoolYear) {
        LocalDate snapshot = LocalDate.of(schoolYear, 9, 1);
        return !openedOn.isAfter(snapshot) && (closedOn == null || closedOn.isAfter(snapshot));
    }

    public String code() {
        return code;
    }

    public SchoolType type() {
        return type;
    }

    public String townshipCode() {
        return townshipCode;
    }

    public String countyCode() {
        return countyCode;
    }

    /** The statistics engine's view of the school. */
    public SchoolFacts facts() {
        return new SchoolFacts(code, name, type, ownership, inclusive, townshipCentral, area,
                townshipCode);
    }
}
