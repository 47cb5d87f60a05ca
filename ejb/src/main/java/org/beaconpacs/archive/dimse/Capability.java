package org.beaconpacs.archive.dimse;

import java.util.Set;
import org.beaconpacs.archive.config.AePermission;
import org.beaconpacs.dicom.net.dimse.CommandField;

/**
 * What a service offers over DIMSE, as the negotiation and the routing need it.
 *
 * @param name the service class, for logs and error comments ("Storage", "Verification")
 * @param sopClasses the abstract syntaxes of its presentation contexts (for print, the Meta SOP Classes)
 * @param commands the request command fields it answers ({@link CommandField}), on any of those contexts
 * @param requestorScpRole SOP classes for which the requestor may take the SCP role, with the archive as
 *     SCU on the requestor's association (the C-STORE sub-operations of C-GET); usually none
 * @param transferSyntaxes which transfer syntaxes its contexts accept
 * @param permission the flag a configured calling AE needs; null: any calling AE may use it
 * @param refusedAtNegotiation true: a calling AE without the permission is offered no presentation context
 *     of the service; false: its requests are answered 0x0124 (Refused: Not Authorized) naming the flag
 * @param extendedNegotiation the service class's options it supports, as the flags of SOP Class Extended
 *     Negotiation (PS3.7 D.3.3.5; for C-FIND PS3.4 C.5.1.1), the same for each of its SOP classes; null: none
 */
public record Capability(String name, Set<String> sopClasses, Set<Integer> commands, Set<String> requestorScpRole,
                         TransferSyntaxPolicy transferSyntaxes, AePermission permission,
                         boolean refusedAtNegotiation, byte[] extendedNegotiation) {

    public Capability {
        sopClasses = Set.copyOf(sopClasses);
        commands = Set.copyOf(commands);
        requestorScpRole = Set.copyOf(requestorScpRole);
        extendedNegotiation = extendedNegotiation == null ? null : extendedNegotiation.clone();
        if (sopClasses.isEmpty() || commands.isEmpty()) {
            throw new IllegalArgumentException(name + ": a capability declares SOP classes and commands");
        }
        if (refusedAtNegotiation && permission == null) {
            throw new IllegalArgumentException(name + ": refused at negotiation for want of which permission?");
        }
    }

    public Capability(String name, Set<String> sopClasses, Set<Integer> commands, Set<String> requestorScpRole,
                      TransferSyntaxPolicy transferSyntaxes, AePermission permission, boolean refusedAtNegotiation) {
        this(name, sopClasses, commands, requestorScpRole, transferSyntaxes, permission, refusedAtNegotiation, null);
    }

    /** This capability, supporting the options {@code flags} of its service class's extended negotiation. */
    public Capability withExtendedNegotiation(byte... flags) {
        return new Capability(name, sopClasses, commands, requestorScpRole, transferSyntaxes, permission,
                refusedAtNegotiation, flags);
    }

    @Override
    public byte[] extendedNegotiation() {
        return extendedNegotiation == null ? null : extendedNegotiation.clone();
    }

    /** A capability whose requests are checked against {@code permission} one by one. */
    public static Capability of(String name, Set<String> sopClasses, Set<Integer> commands,
                                TransferSyntaxPolicy transferSyntaxes, AePermission permission) {
        return new Capability(name, sopClasses, commands, Set.of(), transferSyntaxes, permission, false);
    }
}
