package cn.eduduty.runtime.inbox;

/**
 * Thrown by an {@link EventHandler} for an event it must never apply, however often it is tried
 * (e.g. a version its owner could not have produced). The consumer parks the event at once, with
 * the message as the reason; nothing of the handler's transaction is kept.
 */
public class EventRefused extends RuntimeException {

    public EventRefused(String reason) {
        super(reason);
    }
}
