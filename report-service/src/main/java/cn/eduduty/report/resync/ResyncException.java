package cn.eduduty.report.resync;

/** The owners could not be read; nothing of the failed county was written. */
final class ResyncException extends RuntimeException {

    ResyncException(String message) {
        super(message);
    }
}
