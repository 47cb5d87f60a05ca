package org.beaconpacs.archive.console.activity;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.activity.ActivityFilter;
import org.beaconpacs.archive.activity.ActivityService;
import org.beaconpacs.archive.activity.AssociationSummary;
import org.beaconpacs.archive.console.Messages;
import org.beaconpacs.dicom.dict.UIDDictionary;
import org.beaconpacs.dicom.net.dimse.Status;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The activity page: association records filtered by AE, time range and outcome; one record opened shows
 * its negotiation (each presentation context, result and chosen syntax; PDU sizes; implementation;
 * roles) and its DIMSE message trace with statuses.
 */
@Named("activity")
@ViewScoped
public class ActivityLog implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ActivityService service;

    private String aeTitle;
    private LocalDateTime from;
    private LocalDateTime to;
    private String outcome;
    private ActivityFilter filter = new ActivityFilter(null, null, null, null);
    private AssociationSummary record;
    private List<String> notes = List.of();

    private final LazyDataModel<AssociationSummary> records = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, service.count(filter));
        }

        @Override
        public List<AssociationSummary> load(int first, int pageSize, Map<String, SortMeta> sort,
                                            Map<String, FilterMeta> filters) {
            return service.search(filter, first, pageSize);
        }

        @Override
        public String getRowKey(AssociationSummary r) {
            return String.valueOf(r.id());
        }

        @Override
        public AssociationSummary getRowData(String key) {
            return service.record(Long.parseLong(key));
        }
    };

    public void search() {
        ZoneId zone = ZoneId.systemDefault();
        filter = new ActivityFilter(aeTitle == null || aeTitle.isBlank() ? null : aeTitle.strip(),
                from == null ? null : from.atZone(zone).toInstant(), to == null ? null : to.atZone(zone).toInstant(),
                outcome);
    }

    public void clear() {
        aeTitle = null;
        from = to = null;
        outcome = null;
        search();
    }

    public void open(AssociationSummary r) {
        record = service.record(r.id());
        notes = record == null ? List.of() : service.notes(List.of(record.serial())).getOrDefault(record.serial(),
                List.of());
    }

    public List<String> getOutcomes() {
        return service.outcomes();
    }

    public String outcomeLabel(String outcome) {
        return outcome == null ? "" : Messages.text("outcome." + outcome);
    }

    /** PS3.8 table 9-18: the result of a presentation context in words. */
    public String contextResult(int result) {
        return Messages.text(result >= 0 && result <= 4 ? "context.result." + result : "context.result.other", result);
    }

    public String uidName(String uid) {
        return uid == null ? "" : UIDDictionary.nameOf(uid);
    }

    /** Transfer syntaxes as proposed (UIDs separated by backslashes), each by name. */
    public String uidNames(String uids) {
        if (uids == null || uids.isBlank()) {
            return "";
        }
        return String.join(", ", Arrays.stream(uids.split("[\\\\, ]+")).map(UIDDictionary::nameOf).toList());
    }

    public String status(int status) {
        return Status.toString(status);
    }

    public AssociationSummary getRecord() {
        return record;
    }

    public List<String> getNotes() {
        return notes;
    }

    public LazyDataModel<AssociationSummary> getRecords() {
        return records;
    }

    public String getAeTitle() {
        return aeTitle;
    }

    public void setAeTitle(String aeTitle) {
        this.aeTitle = aeTitle;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }
}
