package cn.eduduty.registry.schoolyear;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.registry.schoolyear.api.SchoolYearResponse;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;

/** Every school's data of a year within a region: what a consumer rebuilding its view reads. */
@Path("/api/v1/school-years")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "School years")
public class SchoolYearListResource {

    private final SchoolYearService service;
    private final Access access;

    SchoolYearListResource(SchoolYearService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listSchoolYears", summary = "List the school-year data of every school within a region")
    @APIResponse(responseCode = "200", description = "One page, by school code")
    public Page<SchoolYearResponse> list(
            @QueryParam("region") @NotNull @Pattern(regexp = "^(\\d{6}|\\d{9})$", message = "must be a GB/T 2260 code")
            @Parameter(description = "Region", required = true) String region,
            @QueryParam("schoolYear") @NotNull @Min(1990) @Max(2100) @Parameter(description = "School year", required = true)
            Integer schoolYear,
            @Valid @BeanParam PageRequest page) {
        access.requireRead(region);
        return service.list(region, schoolYear, page);
    }
}
