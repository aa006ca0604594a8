package cn.eduduty.runtime.loop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * A loop that runs for the life of the process on the managed executor (the outbox relay, the inbox
 * consumer): started once, paused between rounds, ended at shutdown. Its body runs while
 * {@link #running()}; a {@link #pause} ends early when the loop is stopped.
 */
public final class BackgroundLoop {

    private static final Logger LOG = Logger.getLogger(BackgroundLoop.class);

    private final String name;
    private final Object pause = new Object();
    private volatile boolean running;
    private CompletableFuture<Void> future;

    /** {@code name} says which loop in the log (e.g. "outbox relay"). */
    public BackgroundLoop(String name) {
        this.name = name;
    }

    public void start(ManagedExecutor executor, Runnable body) {
        running = true;
        future = executor.runAsync(body);
    }

    /** Whether the loop was started and not yet told to stop: the body's condition. */
    public boolean running() {
        return running;
    }

    /** Whether the body was started and has not returned (or failed). */
    public boolean alive() {
        return future != null && !future.isDone();
    }

    /** Waits {@code millis}, or less when the loop is stopped meanwhile. */
    public void pause(long millis) throws InterruptedException {
        synchronized (pause) {
            if (running) {
                pause.wait(millis);
            }
        }
    }

    /** Ends the loop (see {@link #stop(Runnable)}) when its body blocks only in {@link #pause}. */
    public void stop() {
        stop(() -> {
        });
    }

    /**
     * Ends the loop: no more rounds, a pause ends at once, {@code wake} ends a blocking call the body
     * may be in (a Kafka poll), and the body gets up to five seconds to return.
     */
    public void stop(Runnable wake) {
        running = false;
        synchronized (pause) {
            pause.notifyAll();
        }
        wake.run();
        if (future != null) {
            try {
                future.get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.debugf(e, "stopping the %s", name);
            }
        }
    }
}
