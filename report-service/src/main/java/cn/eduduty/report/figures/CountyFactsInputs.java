package cn.eduduty.report.figures;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.registry.SeniorEntranceRecorded;
import cn.eduduty.contracts.registry.TeacherRecruitmentRecorded;
import cn.eduduty.contracts.registry.TrainingInstitutionsRecorded;
import cn.eduduty.report.readmodel.CountyFactKinds;
import cn.eduduty.runtime.persistence.Rows;
import cn.eduduty.runtime.security.RegionCode;

/**
 * Reads a region's county facts of every year from the read model: the county's own, or those of
 * every county below a prefecture or province (the counties the read model knows), summed by
 * {@link CountyFacts#of}. Joins the caller's transaction, like the other inputs.
 */
@ApplicationScoped
public class CountyFactsInputs {

    private final EntityManager em;

    CountyFactsInputs(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public CountyFacts read(String region) {
        List<String> counties = counties(region);
        if (counties.isEmpty()) {
            return CountyFacts.none(region, counties);
        }
        return CountyFacts.of(region, counties, facts(CountyFactKinds.SENIOR_ENTRANCE, counties, SeniorEntranceRecorded.class),
                facts(CountyFactKinds.TEACHER_RECRUITMENT, counties, TeacherRecruitmentRecorded.class),
                facts(CountyFactKinds.TRAINING_INSTITUTIONS, counties, TrainingInstitutionsRecorded.class));
    }

    private List<String> counties(String region) {
        return switch (RegionCode.level(region)) {
            case COUNTY -> List.of(region);
            case TOWNSHIP -> List.of();
            default -> Rows.list(em, """
                    SELECT code FROM rm_region WHERE level = 'COUNTY' AND code LIKE :prefix ORDER BY code""",
                    q -> q.setParameter("prefix", RegionCode.prefix(region) + "%"))
                    .stream().map(t -> Rows.text(t, "code")).toList();
        };
    }

    private <T> List<T> facts(String kind, List<String> counties, Class<T> type) {
        List<T> facts = new ArrayList<>();
        for (Tuple row : Rows.list(em, """
                SELECT data::text AS data FROM rm_county_fact
                WHERE kind = :kind AND region_code IN (:counties) ORDER BY year, region_code""",
                q -> q.setParameter("kind", kind).setParameter("counties", counties))) {
            String json = Rows.text(row, "data");
            try {
                facts.add(EventJson.mapper().readValue(json, type));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored " + kind + " is not a " + type.getSimpleName(), e);
            }
        }
        return facts;
    }
}
