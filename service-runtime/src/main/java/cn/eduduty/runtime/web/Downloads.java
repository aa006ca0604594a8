package cn.eduduty.runtime.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a file the services hand out: an ASCII {@code filename} for
 * old clients and the real (Chinese) name as RFC 5987's {@code filename*}, which browsers and Word
 * prefer.
 */
public final class Downloads {

    private Downloads() {
    }

    /** {@code attachment} (saved) or {@code inline} (shown), with both names. */
    public static String disposition(boolean attachment, String asciiName, String name) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return (attachment ? "attachment" : "inline") + "; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encoded;
    }
}
