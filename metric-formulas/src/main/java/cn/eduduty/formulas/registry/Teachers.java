package cn.eduduty.formulas.registry;

import java.util.List;
import java.util.function.ToIntFunction;

import cn.eduduty.formulas.PeriodWording;

/** Teacher figures, summed over the schools that reported staff for the year. */
final class Teachers {

    static final Metric HEADCOUNT = Metric.catalogued("registry.teachers.headcount");
    static final Metric NEW_HIRES = Metric.catalogued("registry.teachers.new_hires");
    static final Metric RURAL_NEW_HIRES = Metric.catalogued("registry.teachers.rural_new_hires");
    static final Metric ROTATION = Metric.catalogued("registry.teachers.rotation_share");
    static final Metric BACKBONE_ROTATION = Metric.catalogued("registry.teachers.backbone_rotation_share");
    static final Metric PUTONGHUA = Metric.catalogued("registry.teachers.new_hire_putonghua_share");
    static final Metric RURAL_SHARE = Metric.catalogued("registry.teachers.rural_new_hire_share");

    private Teachers() {
    }

    static List<RegistryFigure> figures(RegionData data) {
        int year = data.year();
        List<Staff> staff = Tally.reported(data, year, SchoolYear::staff);
        if (staff.isEmpty()) {
            String reason = PeriodWording.schoolYear(year) + "无学校填报教师数据";
            return List.of(HEADCOUNT.absent(reason), NEW_HIRES.absent(reason), RURAL_NEW_HIRES.absent(reason),
                    ROTATION.absent(reason), BACKBONE_ROTATION.absent(reason), PUTONGHUA.absent(reason),
                    RURAL_SHARE.absent(reason));
        }
        long newHires = sum(staff, Staff::newHires);
        long ruralNewHires = sum(staff, Staff::ruralNewHires);
        long rotated = sum(staff, Staff::rotated);
        String noNewHires = PeriodWording.schoolYear(year) + "新任教师数为0";
        return List.of(
                HEADCOUNT.count(sum(staff, Staff::teachers)),
                NEW_HIRES.count(newHires),
                RURAL_NEW_HIRES.count(ruralNewHires),
                ROTATION.percent(rotated, sum(staff, Staff::eligibleForRotation),
                        PeriodWording.schoolYear(year) + "符合交流轮岗条件的教师数为0"),
                BACKBONE_ROTATION.percent(sum(staff, Staff::rotatedBackbone), rotated,
                        PeriodWording.schoolYear(year) + "交流轮岗教师数为0"),
                PUTONGHUA.percent(sum(staff, Staff::newHiresPutonghua2B), newHires, noNewHires),
                RURAL_SHARE.percent(ruralNewHires, newHires, noNewHires));
    }

    private static long sum(List<Staff> staff, ToIntFunction<Staff> field) {
        return staff.stream().mapToLong(field::applyAsInt).sum();
    }
}
