package cn.eduduty.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.eduduty.launcher.Launcher;
import cn.eduduty.embedded.KafkaBroker;

/**
 * The faults of a run, planned from its seed before it starts (printed, so a run can be repeated)
 * and carried out one after another while the clients write: SIGKILLs of the broker, PostgreSQL
 * and services, each restarted after its planned downtime, and bad events published onto every
 * topic. Each fault leaves a window (from the kill until the restarted process is ready) that
 * the latency figures leave out.
 */
final class Faults implements Runnable {

    enum Kind {
        BROKER, POSTGRES, FUNDING, REGISTRY, REPORT_IN_BURST, BAD_EVENTS
    }

    /** One planned fault: the pause before it, how long the killed process stays down. */
    record Step(Kind kind, Duration pauseBefore, Duration downtime) {

        String describe() {
            return switch (kind) {
                case BROKER -> "SIGKILL the Kafka broker, restart after " + seconds(downtime);
                case POSTGRES -> "SIGKILL PostgreSQL, restart after " + seconds(downtime);
                case FUNDING -> "SIGKILL funding-service, restart after " + seconds(downtime);
                case REGISTRY -> "SIGKILL school-registry-service, restart after " + seconds(downtime);
                case REPORT_IN_BURST -> "SIGKILL the broker, restart after " + seconds(downtime)
                        + ", then SIGKILL report-service while it applies the backlog, restart at once";
                case BAD_EVENTS -> "publish a malformed event and one from the wrong producer onto each owner topic";
            };
        }
    }

    /** When a fault happened and when everything it killed was ready again. */
    record Window(Instant start, Instant recovered) {
    }

    /** What the run's processes are, for the faults to kill and restart. */
    interface Suite {
        Launcher launcher();

        /** Publishes the bad events; answers how many. */
        int publishBadEvents();

        /** Events report-service applied in the last second (to show it was busy when killed). */
        int appliedLastSecond();
    }

    private final List<Step> plan;
    private final Suite suite;
    private final PrintStream out;
    final List<Window> windows = new CopyOnWriteArrayList<>();
    final List<String> findings = new CopyOnWriteArrayList<>();
    volatile int brokerKills;
    volatile int postgresKills;
    volatile int serviceKills;
    volatile int badEvents;
    volatile boolean done;
    private volatile boolean stopped;
    volatile Throwable failure;

    Faults(List<Step> plan, Suite suite, PrintStream out) {
        this.plan = List.copyOf(plan);
        this.suite = suite;
        this.out = out;
    }

    /** The full plan: three broker kills (one followed by report-service's), PostgreSQL, two owners, bad events. */
    static List<Step> full(long seed) {
        Random random = new Random(seed);
        List<Kind> kinds = new ArrayList<>(List.of(Kind.BROKER, Kind.BROKER, Kind.REPORT_IN_BURST, Kind.POSTGRES,
                Kind.FUNDING, Kind.REGISTRY, Kind.BAD_EVENTS));
        Collections.shuffle(kinds, random);
        return steps(kinds, random, 20);
    }

    /** The short plan for CI: one broker kill, one owner kill, bad events. */
    static List<Step> quick(long seed) {
        Random random = new Random(seed);
        List<Kind> kinds = new ArrayList<>(List.of(Kind.BROKER, random.nextBoolean() ? Kind.FUNDING : Kind.REGISTRY,
                Kind.BAD_EVENTS));
        Collections.shuffle(kinds, random);
        return steps(kinds, random, 8);
    }

    private static List<Step> steps(List<Kind> kinds, Random random, int longestBrokerOutage) {
        List<Step> steps = new ArrayList<>();
        boolean first = true;
        for (Kind kind : kinds) {
            Duration pause = Duration.ofMillis(first ? 3000 + random.nextInt(4000) : 3000 + random.nextInt(7000));
            first = false;
            Duration down = switch (kind) {
                case BROKER, REPORT_IN_BURST -> Duration.ofMillis(2000 + random.nextInt((longestBrokerOutage - 2) * 1000));
                case POSTGRES -> Duration.ofMillis(1000 + random.nextInt(4000));
                case FUNDING, REGISTRY -> Duration.ofMillis(random.nextInt(3000));
                case BAD_EVENTS -> Duration.ZERO;
            };
            steps.add(new Step(kind, pause, down));
        }
        return steps;
    }

    /** Carries out no further fault (the run is being abandoned). */
    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try {
            for (Step step : plan) {
                Thread.sleep(step.pauseBefore().toMillis());
                if (stopped) {
                    return;
                }
                carryOut(step);
            }
        } catch (InterruptedException e) {
            // abandoned
        } catch (Throwable e) {
            failure = e;
            out.println("[chaos] a fault could not be carried out: " + e + (e.getCause() == null ? "" : ", caused by " + e.getCause()));
        } finally {
            done = true;
        }
    }

    private void carryOut(Step step) throws Exception {
        Instant start = Instant.now();
        Launcher launcher = suite.launcher();
        switch (step.kind()) {
            case BROKER -> {
                killBroker(step.downtime());
            }
            case REPORT_IN_BURST -> {
                killBroker(step.downtime());
                // the relays send what piled up while the broker was away; kill report-service once
                // it is applying that burst (or after 60 s, whatever it is doing then)
                Instant patience = Instant.now().plusSeconds(60);
                int rate = suite.appliedLastSecond();
                while (rate < 20 && Instant.now().isBefore(patience)) {
                    Thread.sleep(200);
                    rate = suite.appliedLastSecond();
                }
                launcher.kill("report-service");
                serviceKills++;
                log("report-service killed while applying " + rate + " events/s");
                windows.add(new Window(start, Instant.now()));
                start = Instant.now();
                launcher.restart("report-service", Duration.ofSeconds(180));
                log("report-service ready again");
            }
            case POSTGRES -> {
                launcher.postgres().kill();
                postgresKills++;
                log("PostgreSQL killed");
                Thread.sleep(step.downtime().toMillis());
                Instant restart = Instant.now();
                launcher.postgres().restart();
                log("PostgreSQL restarted, ready after " + seconds(Duration.between(restart, Instant.now())));
            }
            case FUNDING, REGISTRY -> {
                String name = step.kind() == Kind.FUNDING ? "funding-service" : "school-registry-service";
                launcher.kill(name);
                serviceKills++;
                log(name + " killed");
                Thread.sleep(step.downtime().toMillis());
                Instant restart = Instant.now();
                launcher.restart(name, Duration.ofSeconds(180));
                log(name + " ready again after " + seconds(Duration.between(restart, Instant.now())));
            }
            case BAD_EVENTS -> {
                badEvents += suite.publishBadEvents();
                log(badEvents + " bad events published");
            }
        }
        windows.add(new Window(start, Instant.now()));
    }

    private void killBroker(Duration downtime) throws InterruptedException {
        KafkaBroker.kill();
        brokerKills++;
        log("Kafka broker killed");
        long probeAfter = Math.min(downtime.toMillis(), 1500);
        Thread.sleep(probeAfter);
        // the owners keep taking writes meanwhile, so they must stay in rotation
        for (Launcher.Service s : suite.launcher().services()) {
            if (!s.name().equals("report-service") && readiness(s) == 503) {
                findings.add("NOT READY while the broker was away: " + s.name());
            }
        }
        Thread.sleep(Math.max(0, downtime.toMillis() - probeAfter - 100));
        Instant restart = Instant.now();
        KafkaBroker.restart();
        log("Kafka broker restarted, ready after " + seconds(Duration.between(restart, Instant.now())));
    }

    /** The readiness status a service answers (a slow answer on a loaded machine is asked again); 0 for none. */
    private static int readiness(Launcher.Service s) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(s.managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        return 0;
    }

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private void log(String message) {
        out.printf("[chaos] %s %s%n", Instant.now(), message);
    }

    /** The time the last fault's processes were all ready again. */
    Instant lastRecovered() {
        return windows.stream().map(Window::recovered).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
