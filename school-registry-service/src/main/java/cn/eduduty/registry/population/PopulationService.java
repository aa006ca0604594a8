package cn.eduduty.registry.population;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
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
import cn.eduduty.runtime.problem.ProblemType;
import cn.eduduty.runtime.web.Versions;

@ApplicationScoped
public class PopulationService {

    private final PopulationQueries queries;
    private final RegionLookup regions;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    PopulationService(PopulationQueries queries, RegionLookup regions, Outbox outbox, ObjectMapper mapper) {
        this.queries = queries;
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
            queries.insert(region, year, json, request.identifiedDisabledChildren(), principal);
            version = 0;
        } else {
            Versions.requireMatch(ifMatch, current.version());
            version = current.version() + 1;
            if (!queries.update(region, year, json, request.identifiedDisabledChildren(), current.version(), version,
                    principal)) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED,
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
        PopulationQueries.Stored stored = queries.find(region, year).orElse(null);
        if (stored == null) {
            return null;
        }
        Map<Integer, Integer> ages;
        try {
            ages = new TreeMap<>(mapper.readValue(stored.residentsByAge(), new TypeReference<Map<Integer, Integer>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored population of " + region + "/" + year + " is not JSON", e);
        }
        return new PopulationResponse(region, year, ages, stored.identifiedDisabledChildren(), stored.recordedBy(),
                stored.version());
    }

    private String json(Map<Integer, Integer> ages) {
        try {
            return mapper.writeValueAsString(ages);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
