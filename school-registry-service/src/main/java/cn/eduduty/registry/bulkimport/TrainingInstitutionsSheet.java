package cn.eduduty.registry.bulkimport;

import java.util.ArrayList;
import java.util.List;

import cn.eduduty.registry.countyfact.CountyFactService;
import cn.eduduty.registry.countyfact.api.TrainingInstitutionsRequest;

/**
 * The training-institutions sheet: the county's off-campus training institutions of each year, per
 * kind five columns ({@link ImportKind.TrainingColumns}); a kind is recorded when its columns are filled.
 */
final class TrainingInstitutionsSheet extends CountyFactSheet {

    TrainingInstitutionsSheet(ImportContext context, CountyFactService countyFacts) {
        super(context, countyFacts);
    }

    @Override
    public void row(SheetRow row) {
        Integer year = year(row);
        List<TrainingInstitutionsRequest.InstitutionKind> kinds = new ArrayList<>();
        for (int k = 0; k < ImportKind.TrainingColumns.PREFIXES.size(); k++) {
            String prefix = ImportKind.TrainingColumns.PREFIXES.get(k);
            List<String> names = ImportKind.TrainingColumns.FIELDS.stream().map(f -> prefix + f).toList();
            if (names.stream().allMatch(n -> row.raw(n).isEmpty())) {
                continue; // the kind is not recorded
            }
            Integer[] counts = new Integer[names.size()];
            for (int i = 0; i < names.size(); i++) {
                if (row.raw(names.get(i)).isEmpty()) {
                    row.fail(names.get(i), "同类机构的其他列已填写，本列必填");
                } else {
                    counts[i] = row.integer(names.get(i), 0, 1_000_000);
                }
            }
            kinds.add(new TrainingInstitutionsRequest.InstitutionKind(TrainingInstitutionsRequest.KINDS.get(k),
                    counts[0], counts[1], counts[2], counts[3], counts[4]));
        }
        TrainingInstitutionsRequest request = new TrainingInstitutionsRequest(kinds,
                row.integer("inspections", 0, 1_000_000), row.integer("complaintsHandled", 0, 1_000_000));
        record(row, year, request, CountyFactService::check, countyFacts::putTrainingInstitutions);
    }
}
