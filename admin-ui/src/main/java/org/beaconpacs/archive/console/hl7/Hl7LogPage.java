package org.beaconpacs.archive.console.hl7;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.beaconpacs.archive.hl7.Hl7Service;
import org.beaconpacs.archive.hl7.Hl7Summary;

/** The HL7 log page: the latest messages of the RIS, their acknowledgement and why; one opened whole. */
@Named("hl7Log")
@ViewScoped
public class Hl7LogPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 300;

    @Inject
    private Hl7Service service;

    private List<Hl7Summary> messages = List.of();
    private Hl7Summary message;

    @PostConstruct
    void load() {
        refresh();
    }

    public void refresh() {
        messages = service.recent(SHOWN);
    }

    public void open(Hl7Summary m) {
        message = m;
    }

    public String severity(String ackCode) {
        return "AA".equals(ackCode) ? "success" : "AE".equals(ackCode) ? "warning" : "danger";
    }

    public List<Hl7Summary> getMessages() {
        return messages;
    }

    public Hl7Summary getMessage() {
        return message;
    }
}
