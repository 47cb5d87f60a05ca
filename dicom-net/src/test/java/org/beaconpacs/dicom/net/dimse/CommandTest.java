package org.beaconpacs.dicom.net.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.pdu.ProtocolException;
import org.junit.jupiter.api.Test;

class CommandTest {

    private static Command roundTrip(Command c) throws ProtocolException {
        return CommandCodec.decode(CommandCodec.encode(c));
    }

    @Test
    void commandSetsAreImplicitLittleEndianWithACorrectGroupLength() {
        byte[] b = CommandCodec.encode(Command.cEchoRQ(7, UID.Verification));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 4, 0, 0, 0}, Arrays.copyOf(b, 8), "(0000,0000) UL, length 4");
        int groupLength = (b[8] & 0xFF) | (b[9] & 0xFF) << 8 | (b[10] & 0xFF) << 16 | (b[11] & 0xFF) << 24;
        assertEquals(b.length - 12, groupLength);
    }

    @Test
    void everyRequestRoundTrips() throws ProtocolException {
        Command echo = roundTrip(Command.cEchoRQ(1, UID.Verification));
        assertEquals(CommandField.C_ECHO_RQ, echo.commandField());
        assertFalse(echo.hasDataSet());

        Command store = roundTrip(Command.cStoreRQ(2, UID.CTImageStorage, "1.2.3", Command.PRIORITY_HIGH)
                .setMoveOriginator("WORKSTATION", 9));
        assertEquals("1.2.3", store.affectedSopInstanceUid());
        assertEquals(Command.PRIORITY_HIGH, store.priority());
        assertEquals("WORKSTATION", store.moveOriginatorAeTitle());
        assertEquals(9, store.moveOriginatorMessageId());
        assertTrue(store.hasDataSet());

        assertEquals(CommandField.C_FIND_RQ, roundTrip(Command.cFindRQ(3,
                UID.StudyRootQueryRetrieveInformationModelFind, 0)).commandField());
        assertEquals(CommandField.C_GET_RQ, roundTrip(Command.cGetRQ(4,
                UID.StudyRootQueryRetrieveInformationModelGet, 0)).commandField());
        assertEquals("STORESCP", roundTrip(Command.cMoveRQ(5, UID.StudyRootQueryRetrieveInformationModelMove, 0,
                "STORESCP")).moveDestination());
        Command cancel = roundTrip(Command.cCancelRQ(3));
        assertEquals(3, cancel.messageIdBeingRespondedTo());

        Command event = roundTrip(Command.nEventReportRQ(6, UID.StorageCommitmentPushModel,
                UID.StorageCommitmentPushModelInstance, 1, true));
        assertEquals(1, event.eventTypeId());
        Command get = roundTrip(Command.nGetRQ(7, UID.BasicFilmSession, "1.2.9", Tag.NumberOfCopies));
        assertArrayEquals(new int[] {Tag.NumberOfCopies}, get.attributes().getInts(Tag.AttributeIdentifierList));
        assertEquals("1.2.9", get.requestedSopInstanceUid());
        assertEquals(CommandField.N_SET_RQ, roundTrip(Command.nSetRQ(8, "1.2.840.10008.5.1.1.1", "1.2.9"))
                .commandField());
        Command action = roundTrip(Command.nActionRQ(9, UID.StorageCommitmentPushModel,
                UID.StorageCommitmentPushModelInstance, 1, true));
        assertEquals(1, action.actionTypeId());
        assertNull(roundTrip(Command.nCreateRQ(10, "1.2.840.10008.5.1.1.1", null, true)).affectedSopInstanceUid());
        assertEquals(CommandField.N_DELETE_RQ, roundTrip(Command.nDeleteRQ(11, "1.2.840.10008.5.1.1.1", "1.2.9"))
                .commandField());
    }

    @Test
    void responsesAnswerTheirRequest() throws ProtocolException {
        Command rq = Command.cStoreRQ(42, UID.CTImageStorage, "1.2.3", 0);
        Command rsp = roundTrip(rq.response(Status.OUT_OF_RESOURCES, false)
                .setErrorComment("storage below free-space threshold").setOffendingElements(Tag.PixelData));
        assertEquals(CommandField.C_STORE_RSP, rsp.commandField());
        assertEquals(42, rsp.messageIdBeingRespondedTo());
        assertEquals(UID.CTImageStorage, rsp.affectedSopClassUid());
        assertEquals("1.2.3", rsp.affectedSopInstanceUid());
        assertEquals(Status.OUT_OF_RESOURCES, rsp.status());
        assertEquals("storage below free-space threshold", rsp.errorComment());
        assertArrayEquals(new int[] {Tag.PixelData}, rsp.offendingElements());
        assertEquals("C-STORE-RSP[id=42, CT Image Storage, iuid=1.2.3, status 0xA700 (failure) "
                + "\"storage below free-space threshold\"]", rsp.toString());

        Command move = roundTrip(Command.cMoveRQ(5, UID.StudyRootQueryRetrieveInformationModelMove, 0, "X")
                .response(Status.PENDING, false).setSubOperations(3, 1, 0, 0));
        assertEquals(3, move.remainingSubOperations());
        assertEquals(1, move.completedSubOperations());
        assertNull(move.affectedSopInstanceUid());

        Command nGet = Command.nGetRQ(7, "1.2.840.10008.5.1.1.16", "1.2.840.10008.5.1.1.17").response(0, true);
        assertEquals("1.2.840.10008.5.1.1.17", nGet.affectedSopInstanceUid(), "requested becomes affected");
        assertThrows(IllegalStateException.class, () -> nGet.response(0, false));
        assertEquals(64, rq.response(0xC000, false).setErrorComment("x".repeat(100)).errorComment().length());
    }

    @Test
    void statusCategoriesFollowPs37AnnexC() {
        assertEquals(Status.Category.SUCCESS, Status.category(0x0000));
        assertEquals(Status.Category.PENDING, Status.category(0xFF00));
        assertEquals(Status.Category.PENDING, Status.category(0xFF01));
        assertEquals(Status.Category.CANCEL, Status.category(0xFE00));
        assertEquals(Status.Category.WARNING, Status.category(0xB000));
        assertEquals(Status.Category.WARNING, Status.category(0xB007));
        assertEquals(Status.Category.WARNING, Status.category(0x0107));
        assertEquals(Status.Category.FAILURE, Status.category(0xA700));
        assertEquals(Status.Category.FAILURE, Status.category(0xA900));
        assertEquals(Status.Category.FAILURE, Status.category(0xC000));
        assertEquals(Status.Category.FAILURE, Status.category(0x0122));
        assertEquals(Status.Category.FAILURE, Status.category(0xA801));
    }

    @Test
    void commandsWithoutTheirIdentityAreRefused() {
        Command noId = new Command(new org.beaconpacs.dicom.data.Attributes());
        noId.attributes().setInt(Tag.CommandField, org.beaconpacs.dicom.data.VR.US, CommandField.C_ECHO_RQ);
        assertThrows(ProtocolException.class, () -> CommandCodec.decode(CommandCodec.encode(noId)));
        Command noStatus = Command.cEchoRQ(1, UID.Verification).response(0, false);
        noStatus.attributes().remove(Tag.Status);
        assertThrows(ProtocolException.class, () -> CommandCodec.decode(CommandCodec.encode(noStatus)));
        assertThrows(ProtocolException.class, () -> CommandCodec.decode(new byte[] {8, 0, 0x18, 0, 2, 0, 0, 0, 'A',
            'B'}));
    }

    /** 100,000 mutated command sets: only ProtocolException escapes the decoder. */
    @Test
    void mutatedCommandSetsOnlyRaiseProtocolException() {
        List<byte[]> seeds = List.of(CommandCodec.encode(Command.cStoreRQ(2, UID.CTImageStorage, "1.2.3", 0)),
                CommandCodec.encode(Command.cMoveRQ(5, UID.StudyRootQueryRetrieveInformationModelMove, 0, "X")
                        .response(Status.PENDING, false).setSubOperations(3, 1, 0, 0)),
                CommandCodec.encode(Command.nGetRQ(7, "1.2.840.10008.5.1.1.16", "1.2.3", Tag.NumberOfCopies)));
        SplittableRandom r = new SplittableRandom(Long.getLong("fuzz.seed", 77L));
        int refused = 0;
        for (int n = 0; n < 100_000; n++) {
            byte[] b = seeds.get(r.nextInt(seeds.size())).clone();
            if (r.nextInt(4) == 0) {
                b = Arrays.copyOf(b, r.nextInt(b.length + 1));
            } else {
                for (int i = 0, k = 1 + r.nextInt(4); i < k; i++) {
                    b[r.nextInt(b.length)] = (byte) (r.nextBoolean() ? r.nextInt(256) : 0xFF);
                }
            }
            try {
                Command c = CommandCodec.decode(b);
                c.toString();
            } catch (ProtocolException expected) {
                refused++;
            } catch (Throwable t) {
                fail("case " + n + ": " + t, t);
            }
        }
        assertTrue(refused > 0);
    }
}
