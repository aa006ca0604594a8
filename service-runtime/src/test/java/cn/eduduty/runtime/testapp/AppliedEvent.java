package cn.eduduty.runtime.testapp;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One application of an event by {@link RecordingHandler}: what the inbox tests count. */
@Entity
@Table(name = "applied_event")
public class AppliedEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String region;
}
