package cn.eduduty.launcher.demo;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.embedded.TokenIssuer;
import cn.eduduty.launcher.demo.JsonHttp.Reply;

/**
 * What the owners' loaders share in one loading run: the HTTP client, the tokens a real client of
 * the county at {@code place} would hold, where progress is printed, and how many writes changed
 * something (none means the county was loaded already).
 *
 * <p>The tokens: a county editor of the county for the county's data, a prefecture reviewer of its
 * prefecture for the framework and the approval, and — only to register the regions (GB/T 2260
 * master data, which no county or prefecture role may write) — a provincial {@code system} client.
 */
final class LoadSession {

    /** What {@link #put} did. */
    enum Put {
        /** The owner holds it as wanted already. */
        KEPT,
        /** It was there and is replaced (If-Match its version). */
        REPLACED,
        /** It was not there and is written now. */
        CREATED
    }

    final JsonHttp api;
    final DemoCounty.Place place;
    final PrintStream out;
    final String editor;
    final String reviewer;
    final String provincial;
    private int writes;

    /** With {@code printTraces}, each write's trace id is printed to {@code out} (JsonHttp). */
    LoadSession(Path keyDirectory, DemoCounty.Place place, PrintStream out, boolean printTraces) {
        if (!Files.exists(keyDirectory.resolve("private-key.pem"))) {
            throw new IllegalStateException("no token key pair in " + keyDirectory.toAbsolutePath()
                    + ": start the suite first (deploy/run) or set EDUDUTY_TOKEN_KEY to its key directory");
        }
        this.api = new JsonHttp(printTraces ? out : null);
        this.place = place;
        this.out = out;
        TokenIssuer issuer = TokenIssuer.inDirectory(keyDirectory);
        Duration validity = Duration.ofHours(2);
        this.editor = issuer.mint("demo-loader@" + place.county(), "county-editor", place.county(), validity);
        this.reviewer = issuer.mint("demo-reviewer@" + place.prefecture(), "prefecture-reviewer", place.prefecture(),
                validity);
        this.provincial = issuer.mint("demo-admin@" + place.province(), "system", place.province(), validity);
    }

    /** Counts {@code count} writes that changed something. */
    void wrote(int count) {
        writes += count;
    }

    int writes() {
        return writes;
    }

    void resetWrites() {
        writes = 0;
    }

    /**
     * The idempotent PUT of one resource: GETs it ({@code "GET " + what} names the call in a
     * failure) and, unless {@code same} says the stored one is as wanted, PUTs {@code body}, with
     * If-Match its version when it is there; a write is counted.
     */
    Put put(String what, String url, String token, ObjectNode body, Predicate<JsonNode> same) {
        Reply current = JsonHttp.expect("GET " + what, api.get(url, token), 200, 404);
        boolean there = current.status() == 200;
        if (there && same.test(current.json())) {
            return Put.KEPT;
        }
        JsonHttp.expect("PUT " + what, api.putJson(url, token, body, there ? current.etag() : null), 200, 201);
        writes++;
        return there ? Put.REPLACED : Put.CREATED;
    }
}
