package org.beaconpacs.archive.rar.api;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the archive wants the adapter to do, pushed at start and on every change: the local AEs to
 * listen for, who may call them, and the services (SOP classes with their transfer syntaxes, "*" for
 * any) accepted. The adapter opens, keeps or closes listeners to match.
 *
 * @param knownCallingAeTitles the configured remote AEs
 * @param acceptUnknownCallingAes false: a calling AE title not in {@code knownCallingAeTitles} is rejected
 * @param services abstract syntax to acceptable transfer syntaxes
 * @param scpRoleSopClasses SOP classes for which a requestor may take the SCP role (C-GET)
 * @param refusedByCallingAe per calling AE title, the abstract syntaxes it is offered no context for (a
 *     service it has no permission for)
 * @param preferCompressed keep a compressed syntax the sender proposes, rather than Explicit VR LE
 * @param extendedNegotiation per SOP class, the options of its service class the archive supports (SOP
 *     Class Extended Negotiation flags, 1 for supported), granted where a requestor asks for them
 */
public record DicomConfiguration(List<LocalAe> localAes, Set<String> knownCallingAeTitles,
                                 boolean acceptUnknownCallingAes, Map<String, Set<String>> services,
                                 Set<String> scpRoleSopClasses, Map<String, Set<String>> refusedByCallingAe,
                                 boolean preferCompressed, Map<String, byte[]> extendedNegotiation)
        implements Serializable {

    public DicomConfiguration {
        refusedByCallingAe = refusedByCallingAe == null ? Map.of() : Map.copyOf(refusedByCallingAe);
        extendedNegotiation = extendedNegotiation == null ? Map.of() : Map.copyOf(extendedNegotiation);
    }
}
