package cn.eduduty.scale;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.eduduty.launcher.Launcher;
import cn.eduduty.launcher.demo.DemoLoader;

/**
 * Start-up and memory (bench/README.md, "Start-up and memory"), for each set of JVM options:
 * the whole suite from nothing to all four services ready (PostgreSQL and Kafka included, as
 * {@code deploy/run} starts it, without its build), the demo county loaded and its report
 * generated, then each service's resident memory, then each service stopped and started again
 * alone while the others run, three times: the time from the process's start to ready (and the
 * "started in" Quarkus logs). With the first set of options it also measures the event latency
 * ({@link EventLatency}). Prints the tables.
 */
public final class StartupRun {

    /** JVM options compared: the launcher's (C1 only), the same with C2 as long-running pods want, and a lean heap. */
    static final Map<String, List<String>> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("launcher (C1, -Xmx384m)", List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        SETTINGS.put("C2 (-Xmx384m)", List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC"));
        SETTINGS.put("launcher + heap given back", List.of("-Xms32m", "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20",
                "-XX:ReservedCodeCacheSize=64m", "-Xss512k"));
    }

    private static final Pattern STARTED = Pattern.compile("started in (\\d+\\.\\d+)s");

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 1 && args[0].equals("--root") ? args[1] : ".").toAbsolutePath().normalize();
        List<String> table = new ArrayList<>();
        List<String> latency = new ArrayList<>();
        table.add("| JVM options | suite ready (PostgreSQL, Kafka, 4 services) | service | alone to ready (median of 3) | "
                + "\"started in\" | RSS after the demo load |");
        table.add("|---|---|---|---|---|---|");
        for (Map.Entry<String, List<String>> setting : SETTINGS.entrySet()) {
            Path work = root.resolve("bench/scale/target/startup-" + SETTINGS.keySet().stream().toList().indexOf(setting.getKey()));
            ScaleRun.deleteTree(work);
            Launcher launcher = new Launcher(root, work, Launcher.SERVICES).jvmOptions(setting.getValue());
            try {
                Instant begun = Instant.now();
                launcher.start();
                double suite = seconds(begun);
                DemoLoader.Outcome demo = new DemoLoader(DemoLoader.Config.local(work.resolve("keys")),
                        new PrintStream(OutputStream.nullOutputStream())).run();
                if (demo.report().isEmpty()) {
                    throw new IllegalStateException("the demo report was not generated");
                }
                if (latency.isEmpty()) {
                    latency.addAll(EventLatency.measure(launcher, work.resolve("keys")));
                }
                Map<String, Long> rss = new LinkedHashMap<>();
                for (Launcher.Service s : launcher.services()) {
                    rss.put(s.name(), rssMb(s.name()));
                }
                for (Launcher.Service s : launcher.services()) {
                    List<Double> ready = new ArrayList<>();
                    List<Double> started = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        launcher.kill(s.name());
                        Instant t = Instant.now();
                        launcher.restart(s.name(), Duration.ofSeconds(120));
                        ready.add(seconds(t));
                        started.add(lastStartedIn(work.resolve("logs").resolve(s.name() + ".log")));
                    }
                    String row = String.format(Locale.ROOT, "| %s | %.1f s | %s | %.1f s | %.1f s | %d MB |",
                            setting.getKey(), suite, s.name(), median(ready), median(started), rss.get(s.name()));
                    System.out.println("[startup] " + row);
                    table.add(row);
                }
            } finally {
                launcher.stop();
            }
        }
        System.out.println();
        table.forEach(System.out::println);
        System.out.println();
        latency.forEach(System.out::println);
        List<String> all = new ArrayList<>(table);
        all.add("");
        all.addAll(latency);
        Files.write(root.resolve("bench/scale/target/startup.md"), all);
    }

    private static long rssMb(String service) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                .contains(service + "/target/quarkus-app/quarkus-run.jar")).mapToLong(p -> {
                    try {
                        for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                            if (line.startsWith("VmRSS:")) {
                                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                            }
                        }
                    } catch (IOException e) {
                        // gone
                    }
                    return 0;
                }).max().orElse(0);
    }

    private static double lastStartedIn(Path log) throws IOException {
        Matcher m = STARTED.matcher(Files.readString(log));
        double last = Double.NaN;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        return last;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
