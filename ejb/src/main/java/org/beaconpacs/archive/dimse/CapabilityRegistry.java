package org.beaconpacs.archive.dimse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beaconpacs.archive.config.AePermissions;
import org.beaconpacs.dicom.net.dimse.CommandField;

/**
 * Every DIMSE service the archive offers, from the {@link DimseScp} beans deployed: the one source of the
 * presentation contexts the listeners accept and of the MDB's routing. Adding a service is adding an SCP
 * bean; two that claim the same command on the same SOP class fail the deployment.
 */
@ApplicationScoped
public class CapabilityRegistry {

    private List<DimseScp> scps;
    private Map<Route, DimseScp> routes;

    /** For the container's proxy. */
    protected CapabilityRegistry() {
    }

    @Inject
    CapabilityRegistry(@Any Instance<DimseScp> deployed) {
        this(deployed.stream().toList());
    }

    public CapabilityRegistry(List<DimseScp> scps) {
        this.scps = scps.stream().sorted(Comparator.comparing(s -> s.capability().name())).toList();
        Map<Route, DimseScp> r = new HashMap<>();
        for (DimseScp scp : this.scps) {
            Capability c = scp.capability();
            for (String sopClass : c.sopClasses()) {
                for (int command : c.commands()) {
                    DimseScp other = r.putIfAbsent(new Route(sopClass, command), scp);
                    if (other != null) {
                        throw new IllegalStateException(c.name() + " and " + other.capability().name() + " both answer "
                                + CommandField.name(command) + " for " + sopClass);
                    }
                }
            }
        }
        this.routes = Map.copyOf(r);
    }

    /** The SCP that answers {@code commandField} on a context of {@code abstractSyntax}, or null. */
    public DimseScp route(String abstractSyntax, int commandField) {
        return abstractSyntax == null ? null : routes.get(new Route(abstractSyntax, commandField));
    }

    public List<Capability> capabilities() {
        return scps.stream().map(DimseScp::capability).toList();
    }

    /** Abstract syntax to acceptable transfer syntaxes ("*": any proposed), over every capability. */
    public Map<String, Set<String>> acceptedSopClasses() {
        Map<String, Set<String>> accepted = new LinkedHashMap<>();
        for (Capability c : capabilities()) {
            for (String sopClass : c.sopClasses()) {
                accepted.computeIfAbsent(sopClass, k -> new LinkedHashSet<>()).addAll(c.transferSyntaxes().uids());
            }
        }
        return accepted;
    }

    /** SOP classes for which a requestor may take the SCP role (C-GET sub-operations). */
    public Set<String> requestorScpRole() {
        Set<String> classes = new LinkedHashSet<>();
        capabilities().forEach(c -> classes.addAll(c.requestorScpRole()));
        return classes;
    }

    /** Per SOP class, the extended negotiation options of its service class that the archive supports. */
    public Map<String, byte[]> extendedNegotiation() {
        Map<String, byte[]> options = new LinkedHashMap<>();
        for (Capability c : capabilities()) {
            if (c.extendedNegotiation() != null) {
                c.sopClasses().forEach(sopClass -> options.put(sopClass, c.extendedNegotiation()));
            }
        }
        return options;
    }

    /**
     * Per configured calling AE, the abstract syntaxes it is offered no context for: those of the services
     * refused at negotiation whose permission it lacks.
     */
    public Map<String, Set<String>> refusedByCallingAe(AePermissions permissions) {
        Map<String, Set<String>> refused = new LinkedHashMap<>();
        for (Capability c : capabilities()) {
            if (c.refusedAtNegotiation()) {
                for (String aeTitle : permissions.denied(c.permission())) {
                    refused.computeIfAbsent(aeTitle, k -> new LinkedHashSet<>()).addAll(c.sopClasses());
                }
            }
        }
        return refused;
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        capabilities().forEach(c -> names.add(c.name() + " (" + c.sopClasses().size() + " SOP classes)"));
        return String.join(", ", names);
    }

    private record Route(String sopClass, int command) {
    }
}
