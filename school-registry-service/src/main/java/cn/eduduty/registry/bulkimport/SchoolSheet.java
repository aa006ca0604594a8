package cn.eduduty.registry.bulkimport;

import jakarta.persistence.EntityManager;

import cn.eduduty.registry.school.SchoolService;
import cn.eduduty.registry.school.api.SchoolRequest;
import cn.eduduty.runtime.security.RegionCode;

/** The schools sheet: registers or replaces each school of the county, through {@link SchoolService} (its rules, its events). */
final class SchoolSheet implements SheetHandler {

    private final ImportContext context;
    private final SchoolService schoolService;
    private final EntityManager em;
    private long registered;
    private long updated;

    SchoolSheet(ImportContext context, SchoolService schoolService, EntityManager em) {
        this.context = context;
        this.schoolService = schoolService;
        this.em = em;
    }

    @Override
    public void row(SheetRow row) {
        String code = row.text("code", "^\\d{10}$", "应为10位学校标识码");
        String township = row.text("townshipCode", "^\\d{9}$", "应为9位乡镇（街道）代码");
        SchoolRequest request = new SchoolRequest(row.text("name", null, null), row.choice("type"), row.choice("ownership"),
                row.bool("inclusive", false), row.bool("townshipCentral", false), row.choice("area"), township,
                row.date("openedOn"));
        if (row.failed()) {
            return;
        }
        String county = context.county();
        if (!RegionCode.within(township, county)) {
            row.error("townshipCode", "乡镇（街道）" + township + "不属于本县（" + county + "）");
            return;
        }
        context.errors().addAll(row.number(), SchoolService.checkFields(request));
        context.errors().addAll(row.number(), SchoolService.checkCode("code", code, request));
        if (context.errors().any()) {
            return;
        }
        // a sheet never moves a school between counties, and says nothing of the other county
        if (!context.schools().containsKey(code) && schoolService.countyOf(code).isPresent()) {
            row.error("code", "该学校标识码已登记在其他县");
            return;
        }
        boolean exists = context.schools().containsKey(code);
        SchoolService.Saved saved = schoolService.importSchool(code, request, context.principal());
        context.schools().put(code, schoolService.find(code));
        em.flush();
        em.clear();
        if (saved.created()) {
            registered++;
        } else if (exists) {
            updated++;
        }
    }

    @Override
    public ImportSummary summary(long rows) {
        return new ImportSummary(context.kind().path(), rows, registered, updated, 0, 0, false);
    }
}
