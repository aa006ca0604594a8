package cn.eduduty.funding.fiscal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.funding.FiscalContextRecorded;
import cn.eduduty.funding.fiscal.api.FiscalContextResponse;
import cn.eduduty.funding.fiscal.api.PutFiscalContextRequest;
import cn.eduduty.runtime.outbox.Outbox;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;
import cn.eduduty.runtime.web.Versions;

@ApplicationScoped
class FiscalContextService {

    private final FiscalContextRepository contexts;
    private final Outbox outbox;

    FiscalContextService(FiscalContextRepository contexts, Outbox outbox) {
        this.contexts = contexts;
        this.outbox = outbox;
    }

    record Saved(FiscalContextResponse context, boolean created) {
    }

    @Transactional
    Saved put(String regionCode, int fiscalYear, PutFiscalContextRequest request, String ifMatch, String principal) {
        FiscalContext context = contexts.find(regionCode, fiscalYear).orElse(null);
        boolean created = context == null;
        if (created) {
            Versions.requireNoMatch(ifMatch, "The fiscal context of " + regionCode + " for " + fiscalYear);
            context = new FiscalContext();
            context.regionCode = regionCode;
            context.fiscalYear = fiscalYear;
        } else {
            Versions.requireMatch(ifMatch, context.version);
            if (sameAs(context, request)) {
                return new Saved(toResponse(context), false);
            }
        }
        context.regularFiscalRevenue = money(request.regularFiscalRevenue());
        context.generalPublicBudgetExpenditure = money(request.generalPublicBudgetExpenditure());
        context.averageTeacherPay = money(request.averageTeacherPay());
        context.averageCivilServantPay = money(request.averageCivilServantPay());
        context.recordedBy = principal;
        context.recordedAt = Instant.now();
        if (created) {
            contexts.persist(context);
        }
        contexts.flush();
        outbox.publish(EventTypes.FISCAL_CONTEXT_RECORDED, "fiscal-context", regionCode + "/" + fiscalYear, regionCode,
                new FiscalContextRecorded(regionCode, fiscalYear, context.regularFiscalRevenue,
                        context.generalPublicBudgetExpenditure, context.averageTeacherPay,
                        context.averageCivilServantPay, context.version),
                principal);
        return new Saved(toResponse(context), created);
    }

    @Transactional
    FiscalContextResponse get(String regionCode, int fiscalYear) {
        return contexts.find(regionCode, fiscalYear).map(FiscalContextService::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Fiscal context", regionCode + "/" + fiscalYear));
    }

    @Transactional
    Page<FiscalContextResponse> list(String regionCode, PageRequest page) {
        return Page.of(contexts.ofCounty(regionCode, page.page(), page.size()).stream()
                .map(FiscalContextService::toResponse).toList(), page, contexts.countOfCounty(regionCode));
    }

    private static boolean sameAs(FiscalContext c, PutFiscalContextRequest r) {
        return equal(c.regularFiscalRevenue, r.regularFiscalRevenue())
                && equal(c.generalPublicBudgetExpenditure, r.generalPublicBudgetExpenditure())
                && equal(c.averageTeacherPay, r.averageTeacherPay())
                && equal(c.averageCivilServantPay, r.averageCivilServantPay());
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }

    /** Yuan with exactly two decimals; validation already refused more. */
    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2);
    }

    static FiscalContextResponse toResponse(FiscalContext c) {
        return new FiscalContextResponse(c.regionCode, c.fiscalYear, c.regularFiscalRevenue,
                c.generalPublicBudgetExpenditure, c.averageTeacherPay, c.averageCivilServantPay, c.recordedBy,
                c.recordedAt, c.version);
    }
}
