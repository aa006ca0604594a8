package cn.eduduty.report.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.report.Samples;
import cn.eduduty.report.ReadModelEvents;
import cn.eduduty.report.TestCounty;
import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.figures.FundingInputs;
import cn.eduduty.report.figures.FundingInputsWithInterruption;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A report composes from one state of the read model: events applied while it is being composed
 * (the consumer does not wait for reports) change none of its figures, although the figures read
 * after them would show them in a transaction that saw every commit (READ COMMITTED).
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class OneStateCompositionTest {

    private static final String PREFECTURE = "870100";
    private static final String COUNTY = "870101";

    @Inject
    ReadModelEvents events;

    @Inject
    EntityManager em;

    @Inject
    ReportGenerator generator;

    @Test
    void eventsAppliedWhileAReportIsComposedChangeNoneOfItsFigures() throws Exception {
        TestCounty county = events.county(PREFECTURE, COUNTY).load();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, String> before = figures(at);

        // halfway through the next composition (the registry read, the funding not yet), the consumer's thread
        // applies two events, each committed before the composition goes on
        FundingInputsWithInterruption funding = new FundingInputsWithInterruption(em);
        QuarkusMock.installMockForType(funding, FundingInputs.class);
        ExecutorService consumer = Executors.newSingleThreadExecutor();
        try {
            funding.beforeNextRead(() -> apply(consumer, county));
            Map<String, String> during = figures(at);
            assertThat(funding.interrupted()).as("the events were applied in the middle of the composition").isTrue();
            Map<String, String> after = figures(at);

            // the events change figures on both sides of the interruption...
            assertThat(changed(before, after)).as("figures the events change")
                    .anyMatch(k -> k.startsWith("registry.compulsory.large_class_share@"))
                    .anyMatch(k -> k.startsWith("funding.amount.regular_fiscal_revenue@"));
            // ...and the report composed while they were applied is all of the state before them
            assertThat(changed(before, during)).as("figures of the report composed meanwhile that are not of the state "
                    + "before the events").isEmpty();
        } finally {
            consumer.shutdownNow();
        }
    }

    /**
     * On {@code consumer}'s thread, and waits for it: a registry event (no large class left in the
     * primary school, so the large class share falls from 9.09% to 0) and a funding event (fiscal
     * 2024's revenue raised from 530 to 560 million), each in its own transaction.
     */
    private static void apply(ExecutorService consumer, TestCounty county) {
        try {
            consumer.submit(() -> {
                ManagedContext request = Arc.container().requestContext();
                request.activate();
                try {
                    county.schoolYear("0001", 2025, "[" + TestCounty.classes("PRIMARY", 10, 45) + "]");
                    county.apply(Samples.sample(EventTypes.FISCAL_CONTEXT_RECORDED, "regionCode", "\"" + COUNTY + "\"",
                            "fiscalYear", "2024", "regularFiscalRevenue", "\"560000000.00\"",
                            "generalPublicBudgetExpenditure", "\"1100000000.00\"",
                            "averageTeacherPay", "\"98000.00\"", "averageCivilServantPay", "\"97000.00\""));
                } finally {
                    request.terminate();
                }
                return null;
            }).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the concurrent events were not applied", e);
        }
    }

    private Map<String, String> figures(Instant at) {
        return figures(generator.compose(COUNTY, 2025, "DRAFT", "test", at, ReportOptions.DEFAULTS));
    }

    /** Each figure of the report (this year's and the earlier years'), by key and period, as its value or absence. */
    private static Map<String, String> figures(ReportContent report) {
        List<Figure> all = new ArrayList<>(report.figures());
        report.earlierYears().forEach(y -> all.addAll(y.figures()));
        Map<String, String> figures = new TreeMap<>();
        for (Figure f : all) {
            figures.put(f.key() + "@" + f.period(), f.value() == null ? "absent: " + f.absentReason()
                    : f.value().toPlainString());
        }
        assertThat(figures).as("figures of the report").hasSizeGreaterThan(20);
        return figures;
    }

    private static List<String> changed(Map<String, String> a, Map<String, String> b) {
        return a.keySet().stream().filter(k -> !a.get(k).equals(b.get(k))).toList();
    }
}
