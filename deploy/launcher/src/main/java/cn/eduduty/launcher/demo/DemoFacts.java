package cn.eduduty.launcher.demo;

import java.util.ArrayList;
import java.util.List;

import cn.eduduty.launcher.demo.CountyData.CountyFacts;
import cn.eduduty.launcher.demo.CountyData.InstitutionKind;
import cn.eduduty.launcher.demo.CountyData.SeniorEntrance;
import cn.eduduty.launcher.demo.CountyData.TeacherRecruitment;
import cn.eduduty.launcher.demo.CountyData.TrainingInstitutions;

/**
 * The demo county's own facts, the ones the registry's schools cannot give, made to agree with its
 * schools' data:
 * <ul>
 * <li>senior-secondary entrance of the autumns of 2023–2025: the general and vocational entrants are
 * its own schools' grade-10 entrants, and about one junior graduate in nine goes to a vocational
 * school outside the county, so the 普职比 counts them and differs from the schools-only value; the
 * junior graduates are those of the school year ended that summer, exam takers a few fewer, the
 * plan (指标数) the general entrants rounded up to fifty;</li>
 * <li>teacher recruitment of 2023–2025: the new hires its schools report for the school year that
 * begins that autumn, and of them the rural ones;</li>
 * <li>off-campus training institutions of 2023–2025, four kinds: subject-type (学科类) ones keep
 * closing, arts, sports and science ones are approved and grow.</li>
 * </ul>
 */
final class DemoFacts {

    /** The years of the recorded entrance and recruitment: the report's three compared years. */
    static final List<Integer> YEARS = List.of(DemoCounty.REPORT_YEAR - 2, DemoCounty.REPORT_YEAR - 1, DemoCounty.REPORT_YEAR);

    private DemoFacts() {
    }

    static CountyFacts of(DemoFigures schools) {
        List<SeniorEntrance> entrance = new ArrayList<>();
        List<TeacherRecruitment> recruitment = new ArrayList<>();
        for (int year : YEARS) {
            // the junior graduates of the summer of `year` left school year year−1
            int graduates = schools.graduates(year - 1, "JUNIOR");
            int general = schools.entrants(year, "SENIOR");
            entrance.add(new SeniorEntrance(year, graduates, graduates - graduates / 100, general,
                    schools.entrants(year, "VOCATIONAL"), graduates * 108 / 1000, (general + 49) / 50 * 50));
            recruitment.add(new TeacherRecruitment(year, (int) schools.newHires(year), (int) schools.ruralNewHires(year)));
        }
        int y = DemoCounty.REPORT_YEAR;
        List<TrainingInstitutions> training = List.of(
                new TrainingInstitutions(y - 2, List.of(new InstitutionKind("SUBJECT", 19, 11, 0, 6, 8),
                        new InstitutionKind("ARTS", 15, 16, 2, 1, 1), new InstitutionKind("SPORTS", 7, 8, 1, 0, 0),
                        new InstitutionKind("SCIENCE", 3, 4, 1, 0, 0)), 18, 9),
                new TrainingInstitutions(y - 1, List.of(new InstitutionKind("SUBJECT", 11, 6, 0, 4, 5),
                        new InstitutionKind("ARTS", 16, 18, 3, 2, 1), new InstitutionKind("SPORTS", 8, 9, 1, 1, 0),
                        new InstitutionKind("SCIENCE", 4, 5, 1, 0, 0)), 22, 8),
                new TrainingInstitutions(y, List.of(new InstitutionKind("SUBJECT", 6, 2, 0, 3, 4),
                        new InstitutionKind("ARTS", 18, 21, 4, 2, 1), new InstitutionKind("SPORTS", 9, 11, 2, 1, 0),
                        new InstitutionKind("SCIENCE", 5, 6, 1, 0, 0)), 24, 7));
        return new CountyFacts(entrance, recruitment, training);
    }
}
