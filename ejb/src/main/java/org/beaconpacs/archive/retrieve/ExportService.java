package org.beaconpacs.archive.retrieve;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.beaconpacs.archive.config.AeConfigService;
import org.beaconpacs.archive.config.AeDto;
import org.beaconpacs.archive.config.AeNotFoundException;
import org.beaconpacs.archive.config.Settings;
import org.beaconpacs.archive.index.Level;

/**
 * An administrator's "send this study to that AE" (console, REST): the same C-STOREs a C-MOVE would make,
 * without a requestor; the destination is any configured remote AE with a host and port.
 */
@ApplicationScoped
public class ExportService {

    @EJB
    private RetrieveService retrieve;
    @EJB
    private AeConfigService config;
    @Inject
    private DestinationSender sender;
    @Inject
    private Event<Retrieved> retrieved;
    @Inject
    private Event<RetrieveStarted> started;

    public TransferResult export(String studyUid, String aeTitle, String user) {
        AeDto ae = config.find(aeTitle).filter(a -> !a.local() && a.host() != null && a.port() != null)
                .orElseThrow(() -> new AeNotFoundException(aeTitle));
        List<StoredInstance> instances = retrieve.study(studyUid);
        started.fire(new RetrieveStarted(user, aeTitle, null, Retrieved.studies(instances),
                Retrieved.Transfer.EXPORT));
        DestinationSender.Outcome outcome = sender.send(ae, Settings.localAeTitle(), instances,
                RetrieveSettings.moveAssociations(), NO_PROGRESS, Long.MAX_VALUE, null, 0);
        SubOperations.Counts c = outcome.counts();
        retrieved.fire(new Retrieved(user, null, aeTitle, Level.STUDY, c.completed(), c.failed(), c.warning(),
                c.status(), null, Retrieved.studies(instances), Retrieved.Transfer.EXPORT));
        return new TransferResult(studyUid, aeTitle, c.completed(), c.failed(), c.warning(), c.status(),
                outcome.problem() != null ? outcome.problem()
                        : c.failed() > 0 ? c.failed() + " of " + instances.size() + " objects refused or not sent" : null);
    }

    private static final SubOperations.Progress NO_PROGRESS = new SubOperations.Progress() {
        @Override
        public void pending(int remaining, int completed, int failed, int warning) throws IOException {
            // nobody to tell while it runs: the caller gets the result
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
