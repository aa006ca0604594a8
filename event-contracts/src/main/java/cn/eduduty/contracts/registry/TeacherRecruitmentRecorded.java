package cn.eduduty.contracts.registry;

/**
 * The teachers a county recruited (补充教师) in calendar year {@code year}, and of them those
 * placed in rural schools. Totals over several years are computed by consumers, never stored.
 */
public record TeacherRecruitmentRecorded(
        String regionCode,
        int year,
        int recruited,
        int ruralRecruited,
        long version) {
}
