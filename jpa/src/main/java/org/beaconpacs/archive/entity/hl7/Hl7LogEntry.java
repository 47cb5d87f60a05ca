package org.beaconpacs.archive.entity.hl7;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One HL7 v2 message the listener received and the acknowledgement it was answered with. */
@Entity
@Table(name = "hl7_message")
@NamedQuery(name = Hl7LogEntry.RECENT, query = "select m from Hl7LogEntry m order by m.received desc, m.id desc")
public class Hl7LogEntry {

    public static final String RECENT = "Hl7LogEntry.recent";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant received;
    @Column(name = "remote_host")
    private String remoteHost;
    @Column(name = "sending_application")
    private String sendingApplication;
    @Column(name = "sending_facility")
    private String sendingFacility;
    @Column(name = "message_type")
    private String messageType;
    @Column(name = "control_id")
    private String controlId;
    @Column(name = "ack_code")
    private String ackCode;
    private String detail;
    private byte[] payload;

    protected Hl7LogEntry() {
    }

    public Hl7LogEntry(Instant received, String remoteHost, String sendingApplication, String sendingFacility,
                       String messageType, String controlId, String ackCode, String detail, byte[] payload) {
        this.received = received;
        this.remoteHost = remoteHost;
        this.sendingApplication = sendingApplication;
        this.sendingFacility = sendingFacility;
        this.messageType = messageType;
        this.controlId = controlId;
        this.ackCode = ackCode;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…";
        this.payload = payload;
    }

    public Long getId() {
        return id;
    }

    public Instant getReceived() {
        return received;
    }

    public String getRemoteHost() {
        return remoteHost;
    }

    public String getSendingApplication() {
        return sendingApplication;
    }

    public String getSendingFacility() {
        return sendingFacility;
    }

    public String getMessageType() {
        return messageType;
    }

    public String getControlId() {
        return controlId;
    }

    public String getAckCode() {
        return ackCode;
    }

    public String getDetail() {
        return detail;
    }

    public byte[] getPayload() {
        return payload;
    }
}
