package cn.eduduty.report.resync;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * One owner as a resync reads it, through its typed client: a single resource (empty on 404) or
 * every page of a list (pages of {@value #PAGE}; a 404 there means a wrong URL). Whatever goes
 * wrong becomes a {@link ResyncException} naming the owner.
 */
final class Owner<C> implements AutoCloseable {

    static final int PAGE = 500;

    /** One page of a list from the client: {@code page} counts from 0, of {@code size} items. */
    @FunctionalInterface
    interface PageCall<C, T> {
        Page<T> page(C client, int page, int size);
    }

    private final String service;
    private final String baseUrl;
    private final C client;

    Owner(String service, String baseUrl, C client) {
        this.service = service;
        this.baseUrl = baseUrl;
        this.client = client;
    }

    /** The resource, or empty on 404. */
    <T> Optional<T> get(Function<C, T> call) {
        try {
            return Optional.ofNullable(call.apply(client));
        } catch (RuntimeException e) {
            if (cause(e, OwnerFilter.Missing.class) != null) {
                return Optional.empty();
            }
            throw failure(e);
        }
    }

    /** Every item of a paginated list. */
    <T> List<T> all(PageCall<C, T> call) {
        List<T> items = new ArrayList<>();
        for (int page = 0;; page++) {
            Page<T> body;
            try {
                body = call.page(client, page, PAGE);
            } catch (RuntimeException e) {
                OwnerFilter.Missing missing = cause(e, OwnerFilter.Missing.class);
                if (missing != null) {
                    throw new ResyncException(service + " at " + baseUrl + " has no " + missing.path
                            + " (404): is the URL right?");
                }
                throw failure(e);
            }
            List<T> read = body == null || body.items() == null ? List.of() : body.items();
            items.addAll(read);
            if (read.size() < PAGE || (long) (page + 1) * PAGE >= body.totalItems()) {
                return items;
            }
        }
    }

    private ResyncException failure(RuntimeException e) {
        ResyncException answered = cause(e, ResyncException.class);
        if (answered != null) {
            return answered;
        }
        JsonProcessingException unreadable = cause(e, JsonProcessingException.class);
        if (unreadable != null) {
            return new ResyncException(service + " answered with something this service cannot read: "
                    + unreadable.getOriginalMessage());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new ResyncException(service + " at " + baseUrl + " is not reachable: " + root.getMessage());
    }

    private static <X extends Throwable> X cause(Throwable e, Class<X> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    @Override
    public void close() {
        if (client instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                // nothing was pending: a resync closes its clients after its last read
            }
        }
    }
}
