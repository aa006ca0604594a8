package cn.eduduty.runtime.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Which replica relays: the one whose dedicated connection holds the session-level advisory lock
 * {@link #RELAY_LOCK}. The lock lives as long as that session, so when a replica dies, or its
 * connection breaks, another replica's next try takes it. The same connection LISTENs on
 * {@value Outbox#CHANNEL}, so the leader wakes as soon as a transaction that wrote events commits.
 */
@ApplicationScoped
class RelayLeadership {

    private static final Logger LOG = Logger.getLogger(RelayLeadership.class);
    /** The advisory lock's key: "outbox" in ASCII. */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    private final DataSource dataSource;
    private Connection connection;
    /** The backend process of {@link #connection}'s session, which holds the lock. */
    private int sessionPid;

    RelayLeadership(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Where this process stands after {@link #hold()}. */
    enum Standing {
        /** It led before and still does: the same session holds the lock. */
        LEADS,
        /** It has just taken the lock: a new term, nothing of an earlier one may carry over. */
        TOOK_OVER,
        /** Another replica holds the lock. */
        FOLLOWS
    }

    /**
     * Keeps the lock while its connection is valid, or tries to take it on a new connection
     * (without waiting: {@link Standing#FOLLOWS} while another replica holds it).
     */
    Standing hold() throws SQLException {
        if (connection != null) {
            try {
                if (connection.isValid(2)) {
                    return Standing.LEADS;
                }
            } catch (SQLException e) {
                // fall through and reconnect
            }
            release();
        }
        Connection c = dataSource.getConnection();
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_lock(?) AS locked")) {
            c.setAutoCommit(true);
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean("locked")) {
                    c.close();
                    return Standing.FOLLOWS; // another replica relays
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        int pid;
        try (PreparedStatement listen = c.prepareStatement("LISTEN " + Outbox.CHANNEL);
                PreparedStatement backend = c.prepareStatement("SELECT pg_backend_pid() AS pid")) {
            listen.execute();
            try (ResultSet rs = backend.executeQuery()) {
                rs.next();
                pid = rs.getInt("pid");
            }
        } catch (SQLException e) {
            releaseLock(c);
            throw e;
        }
        connection = c;
        sessionPid = pid;
        return Standing.TOOK_OVER;
    }

    /**
     * Waits up to {@code millis} for a transaction that wrote events to commit: {@link Outbox}
     * notifies {@value Outbox#CHANNEL}, on which the leader's connection listens, so an event
     * leaves about as soon as it is committed instead of at the next poll. Polling stays as the
     * fallback (a replica that is not the leader, a notification lost with a connection). Returns
     * false at once where this process does not lead: there is nothing to listen on.
     */
    boolean awaitCommittedEvents(long millis) {
        if (connection == null) {
            return false;
        }
        try {
            connection.unwrap(PGConnection.class).getNotifications((int) millis);
        } catch (SQLException e) {
            // the connection broke; the next round finds it invalid and takes leadership again
            LOG.debug("waiting for outbox notifications", e);
        }
        return true;
    }

    /**
     * The backend process id of the session holding the lock for this process (valid after
     * {@link #hold()} answered {@link Standing#LEADS} or {@link Standing#TOOK_OVER}). The relay
     * selects a batch only while this session still holds the lock ({@link OutboxQueries#unsent}),
     * so a replica whose session died sends nothing more, even for the rest of its round.
     */
    int sessionPid() {
        return sessionPid;
    }

    /** Gives the lock up (if held), so another replica may take it. */
    void release() {
        if (connection != null) {
            releaseLock(connection);
            connection = null;
        }
    }

    /** Unlocks and stops listening before the connection goes back to the pool, where nobody reads notifications. */
    private static void releaseLock(Connection c) {
        try (PreparedStatement unlisten = c.prepareStatement("UNLISTEN *")) {
            unlisten.execute();
        } catch (SQLException e) {
            LOG.debug("unlistening on the relay connection", e);
        }
        try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, RELAY_LOCK);
            unlock.execute();
        } catch (SQLException e) {
            LOG.debug("releasing the relay lock", e);
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("closing the relay connection", e);
        }
    }
}
