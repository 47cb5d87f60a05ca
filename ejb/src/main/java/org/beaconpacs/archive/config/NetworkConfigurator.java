package org.beaconpacs.archive.config;

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
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.beaconpacs.archive.dimse.DimseServices;
import org.beaconpacs.archive.rar.api.DicomConfiguration;
import org.beaconpacs.archive.rar.api.DicomConnectionFactory;
import org.beaconpacs.archive.rar.api.ListenerState;
import org.beaconpacs.archive.rar.api.LocalAe;

/**
 * Keeps the resource adapter's listeners in step with the configuration: at start (creating the
 * default local AE on the very first one) and after every change.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "StorageRecovery"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NetworkConfigurator {

    private static final Logger LOG = Logger.getLogger(NetworkConfigurator.class.getName());

    @EJB
    private AeRepository repository;
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
            repository.create(ae);
            LOG.info(() -> "first start: local AE " + ae.aeTitle() + " created on port " + ae.port());
        }
        push();
    }

    /** Reads the configuration and hands it to the adapter, which opens, keeps or closes listeners. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public synchronized void push() {
        List<AeDto> aes = repository.all();
        List<LocalAe> local = aes.stream().filter(AeDto::local)
                .map(a -> new LocalAe(a.aeTitle(), a.host(), a.port(), a.tls(),
                        a.restrictsStorage() ? Set.copyOf(a.storageSopClasses()) : Set.of())).toList();
        Set<String> known = aes.stream().filter(a -> !a.local()).map(AeDto::aeTitle).collect(Collectors.toSet());
        CallingAePolicy policy = repository.callingAePolicy();
        dicom.configure(new DicomConfiguration(local, known, policy == CallingAePolicy.ACCEPT,
                DimseServices.acceptedSopClasses(), DimseServices.scpRoleSopClasses(), true));
        LOG.fine(() -> "DICOM listeners configured: " + local + ", calling AEs: " + policy.text());
    }

    public List<ListenerState> listeners() {
        return dicom.listeners();
    }
}
