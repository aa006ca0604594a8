package cn.eduduty.launcher.demo;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.launcher.demo.JsonHttp.Reply;
import cn.eduduty.launcher.demo.CountyData.FiscalContext;
import cn.eduduty.launcher.demo.CountyData.Line;
import cn.eduduty.launcher.demo.CountyData.Posting;
import cn.eduduty.launcher.demo.CountyData.Reversal;
import cn.eduduty.launcher.demo.LoadSession.Put;

/**
 * Loads what funding-service owns: the county's fiscal contexts (PUT with If-Match, left alone when
 * there already), the ledger's postings and its one reversal (each under its idempotency key, so a
 * replay books nothing), and the closure of the fiscal years {@link DemoCounty#CLOSED_FISCAL_YEARS}.
 */
final class LedgerLoader extends ServiceClient {

    LedgerLoader(LoadSession session, String baseUrl) {
        super(session, baseUrl);
    }

    /** Loads the county's money; answers how many postings (and the reversal) were booked now. */
    int load(DemoCounty county) {
        loadFiscalContexts(county.fiscalContexts());
        return loadPostings(county);
    }

    /** {@code path} under the county's resources, {@code /api/v1/counties/{county}}. */
    private String county(String path) {
        return url("/api/v1/counties/" + session.place.county() + path);
    }

    private void loadFiscalContexts(List<FiscalContext> contexts) {
        int written = 0;
        for (FiscalContext c : contexts) {
            ObjectNode body = api.object().put("regularFiscalRevenue", c.regularFiscalRevenue().toPlainString())
                    .put("generalPublicBudgetExpenditure", c.generalPublicBudgetExpenditure().toPlainString())
                    .put("averageTeacherPay", c.averageTeacherPay().toPlainString())
                    .put("averageCivilServantPay", c.averageCivilServantPay().toPlainString());
            Put put = session.put("fiscal context " + c.year(), county("/fiscal-contexts/" + c.year()), session.editor, body,
                    stored -> sameAmounts(stored, body));
            written += put == Put.KEPT ? 0 : 1;
        }
        session.out.printf("  fiscal contexts: %d years written, %d already there%n", written, contexts.size() - written);
    }

    private static boolean sameAmounts(JsonNode stored, ObjectNode wanted) {
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) wanted::fields) {
            String have = JsonHttp.text(stored, field.getKey());
            if (have == null || new BigDecimal(have).compareTo(new BigDecimal(field.getValue().asText())) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Books every posting under its key (a replay answers 200 with the original), the reversal, closes 2022–2024. */
    private int loadPostings(DemoCounty county) {
        Map<String, String> ids = new HashMap<>();
        int booked = 0;
        for (Posting p : county.postings()) {
            Reply reply = JsonHttp.expect("book posting " + p.key(), api.postJson(county("/postings"), session.editor, posting(p),
                    Map.of("Idempotency-Key", p.key())), 201, 200);
            booked += reply.status() == 201 ? 1 : 0;
            ids.put(p.key(), reply.json().path("id").asText());
        }
        Reversal r = county.reversal();
        ObjectNode reversal = api.object().put("reason", r.reason()).put("voucherNumber", r.voucherNumber())
                .put("bookingDate", r.bookingDate().toString());
        Reply reversed = JsonHttp.expect("reverse posting " + r.postingKey(), api.postJson(county("/postings/"
                + ids.get(r.postingKey()) + "/reversal"), session.editor, reversal, Map.of("Idempotency-Key", r.key())),
                201, 200);
        booked += reversed.status() == 201 ? 1 : 0;
        int closed = 0;
        for (int year : DemoCounty.CLOSED_FISCAL_YEARS) {
            Reply reply = JsonHttp.expect("close fiscal year " + year,
                    api.postJson(county("/fiscal-years/" + year + "/closure"), session.editor, null, Map.of()), 200, 409);
            closed += reply.status() == 200 ? 1 : 0;
        }
        session.wrote(booked + closed);
        session.out.printf("  ledger: %d postings and 1 reversal, %d booked now, %d replayed; fiscal years %s closed (%d now)%n",
                county.postings().size(), booked, county.postings().size() + 1 - booked, DemoCounty.CLOSED_FISCAL_YEARS, closed);
        return booked;
    }

    private ObjectNode posting(Posting p) {
        ObjectNode body = api.object().put("fiscalYear", p.fiscalYear()).put("bookingDate", p.bookingDate().toString())
                .put("voucherNumber", p.voucherNumber()).put("memo", p.memo());
        JsonHttp.putPresent(body, "schoolCode", p.schoolCode());
        JsonHttp.putPresent(body, "stage", p.stage());
        ArrayNode lines = body.putArray("lines");
        for (Line l : p.lines()) {
            ObjectNode line = lines.addObject().put("account", l.account());
            if (l.debit() != null) {
                line.put("debit", l.debit().toPlainString());
            }
            if (l.credit() != null) {
                line.put("credit", l.credit().toPlainString());
            }
        }
        return body;
    }

    long countPostings() {
        long total = 0;
        for (int year : DemoCounty.FISCAL_YEARS) {
            total += JsonHttp.expect("list postings " + year, api.get(county("/postings?fiscalYear=" + year + "&size=1"),
                    session.editor), 200).json().path("totalItems").asLong();
        }
        return total;
    }
}
