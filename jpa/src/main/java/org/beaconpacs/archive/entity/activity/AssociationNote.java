package org.beaconpacs.archive.entity.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something a service noticed during an association (a conflict, a duplicate), shown with its record. */
@Entity
@Table(name = "association_note")
@NamedQuery(name = AssociationNote.OF_SERIALS, query = "select n from AssociationNote n "
        + "where n.associationSerial in :serials order by n.id")
public class AssociationNote {

    public static final String OF_SERIALS = "AssociationNote.ofSerials";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "association_serial")
    private long associationSerial;
    private Instant occurred = Instant.now();
    private String note;

    protected AssociationNote() {
    }

    public AssociationNote(long associationSerial, String note) {
        this.associationSerial = associationSerial;
        this.note = note.length() > 1000 ? note.substring(0, 999) + "…" : note;
    }

    public long getAssociationSerial() {
        return associationSerial;
    }

    public Instant getOccurred() {
        return occurred;
    }

    public String getNote() {
        return note;
    }
}
