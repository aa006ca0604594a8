package cn.eduduty.funding.ledger;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.funding.ledger.api.AccountRequest;
import cn.eduduty.funding.ledger.api.AccountResponse;
import cn.eduduty.funding.ledger.api.BalanceRow;
import cn.eduduty.funding.ledger.api.BookPostingRequest;
import cn.eduduty.funding.ledger.api.CategoryTotalsResponse;
import cn.eduduty.funding.ledger.api.FiscalYearClosureResponse;
import cn.eduduty.funding.ledger.api.PostingResponse;
import cn.eduduty.funding.ledger.api.ReversePostingRequest;
import cn.eduduty.funding.ledger.api.StatementResponse;
import cn.eduduty.funding.ledger.api.TrialBalanceResponse;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.Downloads;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;

/**
 * A county's ledger. County editors and system clients of the county book and reverse postings
 * and close years; every role within the region reads.
 */
@Path("/api/v1/counties/{regionCode}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger", description = "An append-only double-entry ledger of a county's education money")
public class LedgerResource {


    private final LedgerService ledger;
    private final LedgerQueries queries;
    private final Access access;
    private final LedgerConfig config;

    LedgerResource(LedgerService ledger, LedgerQueries queries, Access access, LedgerConfig config) {
        this.ledger = ledger;
        this.queries = queries;
        this.access = access;
        this.config = config;
    }

    @GET
    @Path("/accounts")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listAccounts", summary = "List the county's chart of accounts")
    @APIResponse(responseCode = "200", description = "One page of accounts, by code")
    public Page<AccountResponse> accounts(@PathParam("regionCode") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String region,
            @Valid @BeanParam PageRequest page) {
        access.requireRead(region);
        return ledger.chart(region, page);
    }

    @POST
    @Path("/accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "createAccount", summary = "Add an account to the county's chart")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = AccountResponse.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response addAccount(@PathParam("regionCode") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String region,
            @Valid @NotNull AccountRequest request) {
        access.requireWrite(region);
        AccountResponse account = ledger.addAccount(region, request, access.principal());
        return Response.created(URI.create("/api/v1/counties/" + region + "/accounts/" + account.code()))
                .entity(account).build();
    }

    @GET
    @Path("/accounts/{code}/statement")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getAccountStatement", summary = "An account's lines of a fiscal year with the running balance")
    @APIResponse(responseCode = "200", description = "One page of the statement",
            content = @Content(schema = @Schema(implementation = StatementResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public StatementResponse statement(@PathParam("regionCode") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String region,
            @PathParam("code") String code,
            @QueryParam("fiscalYear") @NotNull @Min(1990) @Max(2100) @Parameter(description = "Fiscal year", required = true)
            Integer fiscalYear,
            @Valid @BeanParam PageRequest page) {
        access.requireRead(region);
        return queries.statement(region, code, fiscalYear, page);
    }

    @POST
    @Path("/postings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "bookPosting", summary = "Book a posting (Idempotency-Key required; a replay returns the original)")
    @APIResponse(responseCode = "201", description = "Booked",
            content = @Content(schema = @Schema(implementation = PostingResponse.class)))
    @APIResponse(responseCode = "200", description = "The same request was booked before under this key: the original",
            content = @Content(schema = @Schema(implementation = PostingResponse.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    public Response book(@PathParam("regionCode") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String region,
            @HeaderParam("Idempotency-Key") @Parameter(description = "Client-chosen key; the same key with the same body replays",
                    required = true) String key,
            @Valid @NotNull BookPostingRequest request) {
        access.requireWrite(region);
        // before any database work: the idempotency lookup, the chart, the checks
        PostingRules.requireLineCount(request, config.maxLines());
        return booked(region, ledger.book(region, request, key, access.principal()));
    }

    private static Response booked(String region, LedgerService.Booked booked) {
        if (booked.replayed()) {
            return Response.ok(booked.posting()).build();
        }
        return Response.created(URI.create("/api/v1/counties/" + region + "/postings/" + booked.posting().id()))
                .entity(booked.posting()).build();
    }

    @GET
    @Path("/postings")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listPostings", summary = "List a fiscal year's postings in booking order")
    @APIResponse(responseCode = "200", description = "One page of postings with their lines")
    public Page<PostingResponse> postings(@PathParam("regionCode") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String region,
            @QueryParam("fiscalYear") @NotNull @Min(1990) @Max(2100) @Parameter(description = "Fiscal year", required = true)
            Integer fiscalYear,
            @Valid @BeanParam PageRequest page) {
        access.requireRead(region);
        return queries.postings(region, fiscalYear, page);
    }

    @GET
    @Path("/postings/{id}")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getPosting", summary = "Get a posting")
    @APIResponse(responseCode = "200", description = "The posting, and the posting that reversed it if any",
            content = @Content(schema = @Schema(implementation = PostingResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PostingResponse posting(@PathParam("regionCode") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String region,
            @PathParam("id") UUID id) {
        access.requireRead(region);
        return queries.posting(region, id);
    }

    @POST
    @Path("/postings/{id}/reversal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "reversePosting", summary = "Reverse a posting (反向冲销，借贷方向相反) with a mirror posting; once only")
    @APIResponse(responseCode = "201", description = "The reversal posting",
            content = @Content(schema = @Schema(implementation = PostingResponse.class)))
    @APIResponse(responseCode = "200", description = "A replay: the reversal booked before under this key",
            content = @Content(schema = @Schema(implementation = PostingResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    public Response reverse(@PathParam("regionCode") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String region,
            @PathParam("id") UUID id,
            @HeaderParam("Idempotency-Key") @Parameter(description = "Client-chosen key", required = true) String key,
            @Valid @NotNull ReversePostingRequest request) {
        access.requireWrite(region);
        return booked(region, ledger.reverse(region, id, request, key, access.principal()));
    }

    @POST
    @Path("/fiscal-years/{fiscalYear}/closure")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "closeFiscalYear", summary = "Close a fiscal year: postings into it are refused from now on")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(schema = @Schema(implementation = FiscalYearClosureResponse.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public FiscalYearClosureResponse close(@PathParam("regionCode") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String region,
            @PathParam("fiscalYear") @Min(1990) @Max(2100) int fiscalYear) {
        access.requireWrite(region);
        var closed = ledger.close(region, fiscalYear, access.principal());
        return new FiscalYearClosureResponse(closed.regionCode(), closed.fiscalYear(), closed.postings(), closed.closedBy());
    }

    @GET
    @Path("/fiscal-years/{fiscalYear}/balances")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getBalances", summary = "Movements and balances of a fiscal year by account, category, stage or school")
    @APIResponse(responseCode = "200", description = "One row per group",
            content = @Content(schema = @Schema(implementation = BalanceRow.class, type = SchemaType.ARRAY)))
    public List<BalanceRow> balances(
            @PathParam("regionCode") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String region,
            @PathParam("fiscalYear") @Min(1990) @Max(2100) int fiscalYear,
            @QueryParam("groupBy") @DefaultValue("ACCOUNT")
            @Parameter(description = "ACCOUNT, CATEGORY, STAGE or SCHOOL") String groupBy) {
        access.requireRead(region);
        LedgerQueries.Grouping grouping;
        try {
            grouping = LedgerQueries.Grouping.valueOf(groupBy.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("groupBy", "must be ACCOUNT, CATEGORY, STAGE or SCHOOL");
        }
        return queries.balances(region, fiscalYear, grouping);
    }

    @GET
    @Path("/fiscal-years/{fiscalYear}/trial-balance")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getTrialBalance", summary = "Trial balance of a fiscal year: debits equal credits")
    @APIResponse(responseCode = "200", description = "Per account, with the totals",
            content = @Content(schema = @Schema(implementation = TrialBalanceResponse.class)))
    public TrialBalanceResponse trialBalance(
            @PathParam("regionCode") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String region,
            @PathParam("fiscalYear") @Min(1990) @Max(2100) int fiscalYear) {
        access.requireRead(region);
        return queries.trialBalance(region, fiscalYear);
    }

    @GET
    @Path("/fiscal-years/{fiscalYear}/export")
    @Produces(LedgerWorkbook.MEDIA_TYPE)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "exportFiscalYear",
            summary = "A fiscal year's postings and trial balance as an Excel workbook (记账凭证, 科目余额表)",
            description = "Sheet 记账凭证: every line in booking order (凭证号, 日期, 摘要, 科目, 借方, 贷方, 学段, 学校代码, "
                    + "冲销关系) and a 合计 row; sheet 科目余额表: per account the year's debits and credits and the closing "
                    + "balance, with totals that balance. Amounts are numbers in yuan (#,##0.00).")
    @APIResponse(responseCode = "200", description = "The workbook, as an attachment named after the county and year",
            content = @Content(mediaType = LedgerWorkbook.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response export(
            @PathParam("regionCode") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String region,
            @PathParam("fiscalYear") @Min(1990) @Max(2100) int fiscalYear) {
        access.requireRead(region);
        // built while the response is written, so the lines go from the database cursor through the
        // workbook's temporary files to the client; the transaction ends before the first byte is sent
        StreamingOutput workbook = out -> {
            try (LedgerWorkbook book = queries.exportLines(region, fiscalYear,
                    lines -> LedgerWorkbook.of(region, fiscalYear, lines))) {
                book.writeTo(out);
            }
        };
        return Response.ok(workbook, LedgerWorkbook.MEDIA_TYPE)
                .header("Content-Disposition", Downloads.disposition(true, "ledger-" + region + "-" + fiscalYear + ".xlsx",
                        LedgerWorkbook.fileName(region, fiscalYear)))
                .build();
    }

    @GET
    @Path("/category-totals")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getCategoryTotals", summary = "Totals per education category and year, with year-over-year growth")
    @APIResponse(responseCode = "200", description = "Every category, every year of the range",
            content = @Content(schema = @Schema(implementation = CategoryTotalsResponse.class)))
    public CategoryTotalsResponse categoryTotals(
            @PathParam("regionCode") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String region,
            @QueryParam("fromYear") @NotNull @Min(1990) @Max(2100) @Parameter(description = "First year", required = true) Integer fromYear,
            @QueryParam("toYear") @NotNull @Min(1990) @Max(2100) @Parameter(description = "Last year", required = true) Integer toYear) {
        access.requireRead(region);
        if (toYear < fromYear || toYear - fromYear > 20) {
            throw ProblemException.invalid("toYear", "must be from fromYear to 20 years after it");
        }
        return queries.categoryTotals(region, fromYear, toYear);
    }
}
