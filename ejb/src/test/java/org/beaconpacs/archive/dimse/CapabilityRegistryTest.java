package org.beaconpacs.archive.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beaconpacs.archive.config.AeDto;
import org.beaconpacs.archive.config.AePermission;
import org.beaconpacs.archive.config.AePermissions;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.archive.storage.StorageScp;
import org.beaconpacs.archive.verification.VerificationScp;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.scp.Responder;
import org.junit.jupiter.api.Test;

/** Negotiation and routing come from the SCPs' declarations, and from nothing else. */
class CapabilityRegistryTest {

    private final DimseScp verification = new VerificationScp();
    private final DimseScp storage = new StorageScp();

    @Test
    void routesByAbstractSyntaxAndCommand() {
        CapabilityRegistry registry = new CapabilityRegistry(List.of(verification, storage));
        assertSame(verification, registry.route(UID.Verification, CommandField.C_ECHO_RQ));
        assertSame(storage, registry.route(UID.CTImageStorage, CommandField.C_STORE_RQ));
        assertNull(registry.route(UID.CTImageStorage, CommandField.C_FIND_RQ), "a command the service does not answer");
        assertNull(registry.route(UID.StudyRootQueryRetrieveInformationModelFind, CommandField.C_FIND_RQ));
        assertNull(registry.route(null, CommandField.C_ECHO_RQ));
    }

    @Test
    void aNewServiceIsNegotiatedAndRoutedByBeingDeclared() {
        DimseScp print = scp(new Capability("Print", Set.of(UID.BasicGrayscalePrintManagementMeta),
                Set.of(CommandField.N_CREATE_RQ, CommandField.N_SET_RQ), Set.of(), TransferSyntaxPolicy.NATIVE,
                AePermission.PRINT, true));
        CapabilityRegistry registry = new CapabilityRegistry(List.of(verification, storage, print));
        assertSame(print, registry.route(UID.BasicGrayscalePrintManagementMeta, CommandField.N_SET_RQ));
        assertEquals(TransferSyntaxPolicy.NATIVE.uids(),
                registry.acceptedSopClasses().get(UID.BasicGrayscalePrintManagementMeta));
    }

    @Test
    void acceptsWhatTheCapabilitiesDeclare() {
        Map<String, Set<String>> accepted = new CapabilityRegistry(List.of(verification, storage)).acceptedSopClasses();
        assertEquals(Set.of("*"), accepted.get(UID.Verification));
        assertTrue(accepted.get(UID.CTImageStorage).contains(UID.HTJ2KLossless), "stored as received");
        assertTrue(accepted.get(UID.CTImageStorage).contains(UID.JPEGXL));
        assertEquals(1 + org.beaconpacs.dicom.dict.UIDDictionary.storageSopClasses().size(), accepted.size());
    }

    @Test
    void twoServicesClaimingOneCommandOnOneClassFailTheDeployment() {
        DimseScp other = scp(Capability.of("Other storage", Set.of(UID.CTImageStorage),
                Set.of(CommandField.C_STORE_RQ), TransferSyntaxPolicy.NATIVE, null));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new CapabilityRegistry(List.of(storage, other)));
        assertTrue(e.getMessage().contains(UID.CTImageStorage), e.getMessage());
    }

    @Test
    void theRequestorScpRoleIsOfferedWhereACapabilityTakesTheScuRole() {
        DimseScp get = scp(new Capability("Retrieve", Set.of(UID.StudyRootQueryRetrieveInformationModelGet),
                Set.of(CommandField.C_GET_RQ), Set.of(UID.CTImageStorage), TransferSyntaxPolicy.NATIVE,
                AePermission.RETRIEVE, false));
        assertEquals(Set.of(), new CapabilityRegistry(List.of(storage)).requestorScpRole());
        assertEquals(Set.of(UID.CTImageStorage), new CapabilityRegistry(List.of(storage, get)).requestorScpRole());
    }

    @Test
    void aCallerWithoutThePermissionOfAServiceRefusedAtNegotiationIsOfferedNoneOfItsContexts() {
        DimseScp print = scp(new Capability("Print", Set.of(UID.BasicGrayscalePrintManagementMeta,
                UID.BasicColorPrintManagementMeta), Set.of(CommandField.N_CREATE_RQ), Set.of(),
                TransferSyntaxPolicy.NATIVE, AePermission.PRINT, true));
        AePermissions permissions = new AePermissions();
        permissions.update(List.of(remote("CR01", false, false), remote("WS01", true, true)));
        Map<String, Set<String>> refused = new CapabilityRegistry(List.of(storage, print))
                .refusedByCallingAe(permissions);
        assertEquals(Map.of("CR01", Set.of(UID.BasicGrayscalePrintManagementMeta, UID.BasicColorPrintManagementMeta)),
                refused, "storage is checked per request, not refused at negotiation; WS01 may print");
    }

    static AeDto remote(String aeTitle, boolean mayStore, boolean mayPrint) {
        return new AeDto(null, aeTitle, "127.0.0.1", 104, false, null, false, mayStore, true, true, false, mayPrint,
                true, null, null);
    }

    private static DimseScp scp(Capability capability) {
        return new DimseScp() {
            @Override
            public Capability capability() {
                return capability;
            }

            @Override
            public void onRequest(DimseRequest request, Responder responder) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
