package org.beaconpacs.archive.entity.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An archive-wide setting an administrator changed at run time (its default comes from the server's configuration). */
@Entity
@Table(name = "archive_setting")
public class ArchiveSetting {

    @Id
    private String name;

    @Column(name = "setting_value", nullable = false)
    private String value;

    protected ArchiveSetting() {
    }

    public ArchiveSetting(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
