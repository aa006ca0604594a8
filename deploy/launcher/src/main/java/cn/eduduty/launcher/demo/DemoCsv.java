package cn.eduduty.launcher.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import cn.eduduty.launcher.demo.CountyData.ClassRoom;
import cn.eduduty.launcher.demo.CountyData.Flow;
import cn.eduduty.launcher.demo.CountyData.School;
import cn.eduduty.launcher.demo.CountyData.SchoolYear;
import cn.eduduty.launcher.demo.CountyData.Staff;

/** The demo county as the registry's bulk import sheets (school-registry-service README, "Bulk import layout"). */
final class DemoCsv {

    private DemoCsv() {
    }

    static String schools(List<School> schools) {
        StringBuilder csv = new StringBuilder("code,name,type,ownership,area,townshipCode,openedOn,inclusive,townshipCentral\n");
        for (School s : schools) {
            row(csv, s.code(), s.name(), s.type(), s.ownership(), s.area(), s.townshipCode(), s.openedOn(), s.inclusive(),
                    s.townshipCentral());
        }
        return csv.toString();
    }

    /** Classes of the school years that have them (2022–2025). */
    static String classes(List<SchoolYear> years) {
        StringBuilder csv = new StringBuilder("schoolCode,schoolYear,stage,grade,students,commonLanguage\n");
        for (SchoolYear y : years) {
            for (ClassRoom c : y.classes()) {
                row(csv, y.schoolCode(), y.year(), c.stage(), c.grade(), c.students(), c.commonLanguage());
            }
        }
        return csv.toString();
    }

    /** Enrolment flows of every school year, 2017–2025 (2025: the autumn intake only). */
    static String enrolment(List<SchoolYear> years) {
        StringBuilder csv = new StringBuilder(
                "schoolCode,schoolYear,stage,grade,entrants,graduates,transfersIn,transfersOut,dropouts\n");
        for (SchoolYear y : years) {
            for (Flow f : y.flows()) {
                row(csv, y.schoolCode(), y.year(), f.stage(), f.grade(), f.entrants(), f.graduates(), f.transfersIn(),
                        f.transfersOut(), f.dropouts());
            }
        }
        return csv.toString();
    }

    static String staff(List<SchoolYear> years) {
        StringBuilder csv = new StringBuilder("schoolCode,schoolYear,teachers,newHires,ruralNewHires,eligibleForRotation,"
                + "rotated,rotatedBackbone,newHiresPutonghua2B\n");
        for (SchoolYear y : years) {
            Staff s = y.staff();
            if (s != null) {
                row(csv, y.schoolCode(), y.year(), s.teachers(), s.newHires(), s.ruralNewHires(), s.eligibleForRotation(),
                        s.rotated(), s.rotatedBackbone(), s.newHiresPutonghua2B());
            }
        }
        return csv.toString();
    }

    /** Rows of a sheet, not counting the header. */
    static int rows(String csv) {
        return (int) csv.chars().filter(c -> c == '\n').count() - 1;
    }

    /** The first 16 hex digits of the sheet's SHA-256: part of its idempotency key. */
    static String fingerprint(String csv) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(csv.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void row(StringBuilder csv, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = String.valueOf(cells[i]);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
                cell = "\"" + cell.replace("\"", "\"\"") + "\"";
            }
            csv.append(cell);
        }
        csv.append('\n');
    }
}
