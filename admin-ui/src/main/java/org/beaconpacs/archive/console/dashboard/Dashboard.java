package org.beaconpacs.archive.console.dashboard;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.beaconpacs.archive.activity.ActivityService;
import org.beaconpacs.archive.activity.AssociationSummary;
import org.beaconpacs.archive.activity.Totals;
import org.beaconpacs.archive.dimse.ListenerStatus;
import org.beaconpacs.archive.dimse.ClusterListeners;
import org.beaconpacs.archive.study.ArchiveUsage;
import org.beaconpacs.archive.study.StudyService;

/**
 * The dashboard: the DICOM listeners of every node and their load, today's traffic, how full the storage is, and the
 * latest associations. Read fresh on every (polled) request.
 */
@Named
@RequestScoped
public class Dashboard {

    @EJB
    private ClusterListeners network;
    @EJB
    private ActivityService activity;
    @EJB
    private StudyService studies;

    private List<ListenerStatus> listeners;
    private Totals today;
    private ArchiveUsage usage;
    private List<AssociationSummary> latest;

    public List<ListenerStatus> getListeners() {
        if (listeners == null) {
            listeners = network.all();
        }
        return listeners;
    }

    public String titles(ListenerStatus listener) {
        return String.join(", ", listener.aeTitles());
    }

    /** Open associations on the nodes that tell their state. */
    public int getOpenAssociations() {
        java.time.Instant now = java.time.Instant.now();
        return getListeners().stream().filter(l -> !l.silent(now)).mapToInt(ListenerStatus::openAssociations).sum();
    }

    /** Whether {@code listener}'s node stopped telling its state (it stopped, or cannot be reached). */
    public boolean silent(ListenerStatus listener) {
        return listener.silent(java.time.Instant.now());
    }

    public Totals getToday() {
        if (today == null) {
            today = activity.totalsSince(LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toInstant());
        }
        return today;
    }

    public ArchiveUsage getUsage() {
        if (usage == null) {
            usage = studies.usage();
        }
        return usage;
    }

    /** The storage file system's fill level in percent, for the meter. */
    public int getUsedPercent() {
        ArchiveUsage u = getUsage();
        return u.totalBytes() <= 0 ? 0 : (int) Math.round(100.0 * (u.totalBytes() - u.freeBytes()) / u.totalBytes());
    }

    public List<AssociationSummary> getLatest() {
        if (latest == null) {
            latest = activity.latest(20);
        }
        return latest;
    }
}
