package cn.eduduty.registry.bulkimport;

import java.util.Map;

import cn.eduduty.registry.school.School;

/**
 * What a sheet handler knows of its import: the county it imports into, the kind of sheet, who
 * imports, the errors so far, and the county's schools by code (detached; the school sheet keeps
 * them current as it registers and replaces schools).
 */
record ImportContext(String county, ImportKind kind, String principal, ImportErrors errors,
        Map<String, School> schools) {
}
