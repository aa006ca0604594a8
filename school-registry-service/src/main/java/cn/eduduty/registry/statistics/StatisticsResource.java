package cn.eduduty.registry.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.formulas.registry.RegionData;
import cn.eduduty.formulas.registry.RegistryStatistics;
import cn.eduduty.formulas.registry.SchoolFacts;
import cn.eduduty.registry.population.PopulationService;
import cn.eduduty.registry.region.RegionLookup;
import cn.eduduty.registry.school.School;
import cn.eduduty.registry.school.SchoolRepository;
import cn.eduduty.registry.schoolyear.SchoolYearQueries;
import cn.eduduty.registry.statistics.api.StatisticsResponse;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.security.Roles;

/**
 * Statistics of any region: every school below it that was open on 1 September of the school
 * year, aggregated from counts (never by averaging percentages), with the six earlier years
 * loaded for the consolidation cohorts.
 */
@Path("/api/v1/regions/{code}/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Figures computed from the registry's facts")
public class StatisticsResource {

    private final SchoolRepository schools;
    private final SchoolYearQueries years;
    private final PopulationService population;
    private final RegionLookup regions;
    private final Access access;

    StatisticsResource(SchoolRepository schools, SchoolYearQueries years, PopulationService population,
            RegionLookup regions, Access access) {
        this.schools = schools;
        this.years = years;
        this.population = population;
        this.regions = regions;
        this.access = access;
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getStatistics", summary = "Compute every registry figure of a region for a school year")
    @APIResponse(responseCode = "200", description = "Each figure with numerator, denominator and definition, or the reason it is absent",
            content = @Content(schema = @Schema(implementation = StatisticsResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public StatisticsResponse get(
            @PathParam("code") @Pattern(regexp = "^(\\d{6}|\\d{9})$", message = "must be a GB/T 2260 code") String code,
            @QueryParam("schoolYear") @NotNull @Min(1990) @Max(2100)
            @Parameter(description = "School year (2025 means 2025–2026)", required = true) Integer schoolYear) {
        access.requireRead(code);
        if (regions.level(code).isEmpty()) {
            throw ProblemException.notFound("Region", code);
        }
        String prefix = RegionCode.prefix(code);
        List<SchoolFacts> open = schools.within(prefix).stream().filter(s -> s.openIn(schoolYear))
                .map(School::facts).toList();
        List<Integer> cohortYears = IntStream.rangeClosed(schoolYear - 6, schoolYear).boxed().toList();
        RegionData data = new RegionData(code, schoolYear, open, years.facts(prefix, cohortYears),
                regions.townshipsWithin(code, LocalDate.of(schoolYear, 9, 1)), population.facts(code, schoolYear));
        List<StatisticsResponse.FigureResponse> figures = RegistryStatistics.compute(data).stream()
                .map(f -> new StatisticsResponse.FigureResponse(f.key(), f.label(), f.value(), f.unit(), f.numerator(),
                        f.denominator(), f.definition(), f.absentReason()))
                .toList();
        return new StatisticsResponse(code, schoolYear, open.size(), figures);
    }
}
