package org.beaconpacs.archive.console.audit;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.beaconpacs.archive.audit.AuditCode;
import org.beaconpacs.archive.audit.AuditCodes;
import org.beaconpacs.archive.audit.AuditEntry;
import org.beaconpacs.archive.audit.AuditFilter;
import org.beaconpacs.archive.audit.AuditStore;
import org.beaconpacs.archive.console.CurrentUser;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The audit page (administrators): the audit trail filtered by user, patient ID, event and time; one message
 * opened shows its XML as the audit repository receives it.
 */
@Named("audit")
@ViewScoped
public class AuditLog implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AuditStore store;

    private String user;
    private String patientId;
    private String eventId;
    private LocalDateTime from;
    private LocalDateTime to;
    private AuditFilter filter = AuditFilter.ALL;
    private AuditEntry entry;

    private final LazyDataModel<AuditEntry> entries = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, store.count(filter));
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sort,
                                     Map<String, FilterMeta> filters) {
            CurrentUser.requireAdmin();
            return store.search(filter, first, pageSize);
        }

        @Override
        public String getRowKey(AuditEntry e) {
            return String.valueOf(e.id());
        }

        @Override
        public AuditEntry getRowData(String key) {
            return store.find(Long.parseLong(key)).orElse(null);
        }
    };

    public void search() {
        ZoneId zone = ZoneId.systemDefault();
        filter = new AuditFilter(user, patientId, eventId, from == null ? null : from.atZone(zone).toInstant(),
                to == null ? null : to.atZone(zone).toInstant());
    }

    public void clear() {
        user = patientId = eventId = null;
        from = to = null;
        search();
    }

    public void open(AuditEntry e) {
        CurrentUser.requireAdmin();
        entry = store.find(e.id()).orElse(null);
    }

    /** The opened message's XML, indented. */
    public String getXml() {
        if (entry == null) {
            return "";
        }
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            t.transform(new StreamSource(new StringReader(entry.message())), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            return entry.message();
        }
    }

    public List<AuditCode> getEvents() {
        return AuditCodes.EVENTS;
    }

    public LazyDataModel<AuditEntry> getEntries() {
        return entries;
    }

    public AuditEntry getEntry() {
        return entry;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPatientId() {
        return patientId;
    }

    public void setPatientId(String patientId) {
        this.patientId = patientId;
    }

    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
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
}
