package cn.eduduty.registry.bulkimport;

import java.util.Arrays;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.problem.ProblemType;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.Downloads;

/**
 * The XLSX template of each import kind ({@link ImportTemplate}). A template holds no data of any
 * region, so whoever may import (a county editor or a system client, of any region) may download
 * every kind's; the role is the only check.
 */
@Path("/api/v1/imports/{kind}/template")
@Tag(name = BulkImportResource.TAG, description = BulkImportResource.TAG_DESCRIPTION)
public class ImportTemplateResource {

    @GET
    @Produces(BulkImportResource.XLSX)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "downloadImportTemplate",
            summary = "Download the XLSX template of an import kind: Chinese headers, drop-downs, formats, instructions")
    @APIResponse(responseCode = "200", description = "The template: the data sheet the import reads (Chinese headers, "
            + "required ones marked *, a drop-down per enumerated column) and a sheet 填写说明 with each column and an example row",
            content = @Content(mediaType = BulkImportResource.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response template(@PathParam("kind") @Parameter(description = "The import kind, as in the import's path",
            schema = @Schema(type = SchemaType.STRING, enumeration = { "schools", "classes", "enrolment", "staff",
                    "senior-entrance", "teacher-recruitment", "training-institutions" })) String kind) {
        ImportKind found = ImportKind.byPath(kind).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "导入类型 " + kind + " 不存在；可用：" + String.join(", ",
                        Arrays.stream(ImportKind.values()).map(ImportKind::path).toList())));
        return Response.ok(ImportTemplate.of(found), BulkImportResource.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        Downloads.disposition(true, found.path() + "-template.xlsx", ImportTemplate.fileName(found)))
                .build();
    }
}
