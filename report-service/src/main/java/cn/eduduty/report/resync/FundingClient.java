package cn.eduduty.report.resync;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * What a resync reads from funding-service: a county's accounts, fiscal contexts and postings.
 * Amounts are decimal strings on the wire and BigDecimal here. Checked against funding-service's
 * OpenAPI document (OwnerContractTest).
 */
@Path("/api/v1/counties/{county}")
@Produces(MediaType.APPLICATION_JSON)
interface FundingClient {

    @GET
    @Path("/accounts")
    Page<Account> accounts(@PathParam("county") String county, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/fiscal-contexts")
    Page<FiscalContext> fiscalContexts(@PathParam("county") String county, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/postings")
    Page<Posting> postings(@PathParam("county") String county, @QueryParam("fiscalYear") int fiscalYear,
            @QueryParam("page") int page, @QueryParam("size") int size);

    record Account(String code, String type, String category) {
    }

    record FiscalContext(String regionCode, int fiscalYear, BigDecimal regularFiscalRevenue,
            BigDecimal generalPublicBudgetExpenditure, BigDecimal averageTeacherPay, BigDecimal averageCivilServantPay,
            long version) {
    }

    record Posting(UUID id, int fiscalYear, LocalDate bookingDate, String voucherNumber, String memo,
            String schoolCode, String stage, UUID reversalOf, List<Line> lines, String bookedBy) {

        record Line(String accountCode, String accountName, BigDecimal debit, BigDecimal credit) {
        }
    }
}
