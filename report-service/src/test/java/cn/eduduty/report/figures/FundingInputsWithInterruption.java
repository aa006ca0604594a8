package cn.eduduty.report.figures;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.enterprise.inject.Vetoed;
import jakarta.persistence.EntityManager;

/**
 * The funding inputs with a seam for tests: something to run once, just before the next read of
 * fiscal years. A report's figures read the registry first and the funding after it, so this is a
 * point in the middle of a composition, where a test changes the read model as the consumer would
 * at any moment. Not a bean itself (a test installs it with {@code QuarkusMock}).
 */
@Vetoed
public class FundingInputsWithInterruption extends FundingInputs {

    private final AtomicReference<Runnable> beforeNextRead = new AtomicReference<>();

    public FundingInputsWithInterruption(EntityManager em) {
        super(em);
    }

    /** Runs {@code interruption} on the caller's thread when the fiscal years are next read, once. */
    public void beforeNextRead(Runnable interruption) {
        beforeNextRead.set(interruption);
    }

    /** Whether the interruption set has run. */
    public boolean interrupted() {
        return beforeNextRead.get() == null;
    }

    @Override
    public Map<Integer, FundingYear> read(String region, Collection<Integer> years,
            Function<Integer, Map<String, Long>> students) {
        Runnable interruption = beforeNextRead.getAndSet(null);
        if (interruption != null) {
            interruption.run();
        }
        return super.read(region, years, students);
    }
}
