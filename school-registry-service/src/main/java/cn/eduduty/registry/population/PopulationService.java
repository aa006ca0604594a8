package cn.eduduty.registry.population;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.registry.PopulationRecorded;
import cn.eduduty.registry.population.api.PopulationRequest;
import cn.eduduty.registry.population.api.PopulationResponse;
import cn.eduduty.registry.region.RegionLookup;
import cn.eduduty.formulas.registry.Population;
import cn.eduduty.runtime.outbox.Outbox;
import cn.eduduty.runtime.problem.Problem.Violation;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.web.Versions;

@ApplicationScoped
public class PopulationService {

    private final EntityManager em;
    private final RegionLookup regions;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    PopulationService(EntityManager em, RegionLookup regions, Outbox outbox, ObjectMapper mapper) {
        this.em = em;
        this.regions = regions;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    record Saved(PopulationResponse population, boolean created) {
    }

    @Transactional
    Saved put(String region, int year, PopulationRequest request, String ifMatch, String principal) {
        List<Violation> violations = new ArrayList<>();
        request.residentsByAge().forEach((age, count) -> {
            if (age == null || age < 0 || age > 25) {
                violations.add(new Violation("residentsByAge[" + age + "]", "ages from 0 to 25 are recorded"));
            } else if (count == null || count < 0) {
                violations.add(new Violation("residentsByAge[" + age + "]", "must be a count of 0 or more"));
            }
        });
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (regions.level(region).isEmpty()) {
            throw ProblemException.ruleViolated("Region " + region + " is not registered");
        }
        PopulationResponse current = find(region, year);
        long version;
        String json = json(new TreeMap<>(request.residentsByAge()));
        if (current == null) {
            Versions.requireNoMatch(ifMatch, "Population " + region + "/" + year);
            em.createNativeQuery("""
                    INSERT INTO population (region_code, year, residents_by_age, identified_disabled_children, recorded_by)
                    VALUES (:r, :y, CAST(:ages AS jsonb), :d, :by)""")
                    .setParameter("r", region).setParameter("y", year).setParameter("ages", json)
                    .setParameter("d", request.identifiedDisabledChildren()).setParameter("by", principal).executeUpdate();
            version = 0;
        } else {
            Versions.requireMatch(ifMatch, current.version());
            version = current.version() + 1;
            int updated = em.createNativeQuery("""
                    UPDATE population SET residents_by_age = CAST(:ages AS jsonb), identified_disabled_children = :d,
                           version = :v, recorded_by = :by, recorded_at = now()
                    WHERE region_code = :r AND year = :y AND version = :expected""")
                    .setParameter("ages", json).setParameter("d", request.identifiedDisabledChildren())
                    .setParameter("v", version).setParameter("by", principal).setParameter("r", region)
                    .setParameter("y", year).setParameter("expected", current.version()).executeUpdate();
            if (updated != 1) {
                throw new cn.eduduty.runtime.problem.ProblemException(cn.eduduty.runtime.problem.ProblemType.PRECONDITION_FAILED,
                        "The population was changed by someone else; fetch it again and retry");
            }
        }
        outbox.publish(EventTypes.POPULATION_RECORDED, "population", region + "/" + year, region,
                new PopulationRecorded(region, year, new TreeMap<>(request.residentsByAge()),
                        request.identifiedDisabledChildren(), version),
                principal);
        return new Saved(find(region, year), current == null);
    }

    @Transactional
    PopulationResponse get(String region, int year) {
        PopulationResponse found = find(region, year);
        if (found == null) {
            throw ProblemException.notFound("Population", region + "/" + year);
        }
        return found;
    }

    /** The statistics engine's view: the region's own record, or null. */
    @Transactional
    public Population facts(String region, int year) {
        PopulationResponse p = find(region, year);
        return p == null ? null : new Population(year, p.residentsByAge(), p.identifiedDisabledChildren());
    }

    private PopulationResponse find(String region, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT residents_by_age::text, identified_disabled_children, recorded_by, version
                FROM population WHERE region_code = :r AND year = :y""")
                .setParameter("r", region).setParameter("y", year).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        Map<Integer, Integer> ages;
        try {
            ages = new TreeMap<>(mapper.readValue((String) r[0], new TypeReference<Map<Integer, Integer>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored population of " + region + "/" + year + " is not JSON", e);
        }
        return new PopulationResponse(region, year, ages, r[1] == null ? null : ((Number) r[1]).intValue(), (String) r[2],
                ((Number) r[3]).longValue());
    }

    private String json(Map<Integer, Integer> ages) {
        try {
            return mapper.writeValueAsString(ages);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
