package org.beaconpacs.archive.entity.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** One DIMSE request of an association with the status of its final response and how long it took. */
@Embeddable
public class TracedMessage {

    private Instant occurred;
    private String command;
    @Column(name = "message_id")
    private int messageId;
    @Column(name = "sop_class_uid")
    private String sopClassUid;
    @Column(name = "sop_instance_uid")
    private String sopInstanceUid;
    private int status;
    private long micros;

    protected TracedMessage() {
    }

    public TracedMessage(Instant occurred, String command, int messageId, String sopClassUid, String sopInstanceUid,
                         int status, long micros) {
        this.occurred = occurred;
        this.command = command;
        this.messageId = messageId;
        this.sopClassUid = sopClassUid;
        this.sopInstanceUid = sopInstanceUid;
        this.status = status;
        this.micros = micros;
    }

    public Instant getOccurred() {
        return occurred;
    }

    public String getCommand() {
        return command;
    }

    public int getMessageId() {
        return messageId;
    }

    public String getSopClassUid() {
        return sopClassUid;
    }

    public String getSopInstanceUid() {
        return sopInstanceUid;
    }

    public int getStatus() {
        return status;
    }

    public long getMicros() {
        return micros;
    }
}
