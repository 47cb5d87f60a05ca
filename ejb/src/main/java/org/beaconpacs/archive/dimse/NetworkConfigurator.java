package org.beaconpacs.archive.dimse;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.beaconpacs.archive.config.AeConfigurationChanged;
import org.beaconpacs.archive.config.AeDto;
import org.beaconpacs.archive.config.AePermissions;
import org.beaconpacs.archive.config.AeRepository;
import org.beaconpacs.archive.config.AeRules;
import org.beaconpacs.archive.config.CallingAePolicy;
import org.beaconpacs.archive.config.Settings;
import org.beaconpacs.archive.rar.api.DicomConfiguration;
import org.beaconpacs.archive.rar.api.DicomConnectionFactory;
import org.beaconpacs.archive.rar.api.LocalAe;
import org.beaconpacs.dicom.dict.UIDDictionary;

/**
 * Keeps the resource adapter's listeners in step with the configuration and the capability registry: at
 * start (creating the default local AE on the very first one) and after every change.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "StorageRecovery", "StudyRecovery"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NetworkConfigurator {

    private static final Logger LOG = Logger.getLogger(NetworkConfigurator.class.getName());

    @EJB
    private AeRepository repository;
    @Inject
    private CapabilityRegistry registry;
    @Inject
    private AePermissions permissions;
    @Resource(lookup = DicomConnectionFactory.JNDI_NAME)
    private DicomConnectionFactory dicom;

    @PostConstruct
    void start() {
        if (repository.all().stream().noneMatch(AeDto::local)) {
            AeDto ae = new AeDto(null, Settings.localAeTitle(), Settings.dicomHost(), Settings.dicomPort(), false,
                    "this archive", true, true, true, true, false, true, true, null, null);
            String problem = AeRules.aeTitleProblem(ae.aeTitle());
            if (problem != null) {
                throw new IllegalStateException("BEACON_AE_TITLE: " + problem);
            }
            if (repository.createFirstLocal(ae)) {
                LOG.info(() -> "first start: local AE " + ae.aeTitle() + " created on port " + ae.port());
            }
        }
        LOG.info(() -> "DIMSE services: " + registry);
        push();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void changed(@Observes AeConfigurationChanged change) {
        push();
    }

    /** Reads the configuration and hands it to the adapter, which opens, keeps or closes listeners. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public synchronized void push() {
        List<AeDto> aes = repository.all();
        permissions.update(aes);
        List<LocalAe> local = aes.stream().filter(AeDto::local)
                .map(a -> new LocalAe(a.aeTitle(), a.host(), a.port() + Settings.dicomPortOffset(), a.tls(),
                        refusedStorage(a))).toList();
        Set<String> known = aes.stream().filter(a -> !a.local()).map(AeDto::aeTitle).collect(Collectors.toSet());
        CallingAePolicy policy = repository.callingAePolicy();
        dicom.configure(new DicomConfiguration(local, known, policy == CallingAePolicy.ACCEPT,
                registry.acceptedSopClasses(), registry.requestorScpRole(), registry.refusedByCallingAe(permissions),
                true, registry.extendedNegotiation()));
        LOG.fine(() -> "DICOM listeners configured: " + local + ", calling AEs: " + policy.text());
    }

    /** The storage SOP classes a local AE that stores only some of them refuses when called. */
    private static Set<String> refusedStorage(AeDto ae) {
        if (!ae.restrictsStorage()) {
            return Set.of();
        }
        Set<String> refused = new HashSet<>(UIDDictionary.storageSopClasses());
        refused.removeAll(ae.storageSopClasses());
        return refused;
    }

    /** Every listener the configuration asks for, with its state. */
    public List<ListenerStatus> listeners() {
        java.time.Instant now = java.time.Instant.now();
        String node = Settings.nodeName();
        return dicom.listeners().stream().map(l -> new ListenerStatus(node, l.host(), l.port(), l.tls(), l.aeTitles(),
                l.listening(), l.problem(), l.openAssociations(), now)).toList();
    }
}
