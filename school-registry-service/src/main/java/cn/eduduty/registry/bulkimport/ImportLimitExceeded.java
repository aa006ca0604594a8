package cn.eduduty.registry.bulkimport;

import org.xml.sax.SAXException;

/**
 * An uploaded sheet exceeds one of the {@link ImportLimits}. Unchecked, so that it leaves a row
 * handler or a SAX parser unchanged; answered with 413.
 */
final class ImportLimitExceeded extends RuntimeException {

    ImportLimitExceeded(String message) {
        super(message, null, false, false);
    }

    /** This exception, if it is somewhere in the cause chain of {@code e}. */
    static ImportLimitExceeded in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ImportLimitExceeded limit) {
                return limit;
            }
            if (t instanceof SAXException sax && sax.getException() != null && sax.getException() != t.getCause()) {
                ImportLimitExceeded wrapped = in(sax.getException());
                if (wrapped != null) {
                    return wrapped;
                }
            }
        }
        return null;
    }
}
