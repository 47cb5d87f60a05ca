package org.beaconpacs.dicom.net.dimse;

import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UIDDictionary;

/**
 * A DIMSE command set (PS3.7 section 9.3 and 10.3): the group 0000 elements of one request or response,
 * with typed access and factories for every C- and N- message.
 */
public final class Command {

    /** Command Data Set Type (0000,0800): this value means no data set follows; any other means one does. */
    public static final int NO_DATA_SET = 0x0101;
    public static final int DATA_SET_PRESENT = 0x0000;

    public static final int PRIORITY_MEDIUM = 0;
    public static final int PRIORITY_HIGH = 1;
    public static final int PRIORITY_LOW = 2;

    private final Attributes attrs;

    public Command(Attributes attrs) {
        this.attrs = attrs;
    }

    private static Command of(int commandField, int messageIdTag, int messageId, boolean dataSet) {
        Attributes a = new Attributes(12);
        a.setInt(Tag.CommandField, VR.US, commandField);
        a.setInt(messageIdTag, VR.US, messageId);
        a.setInt(Tag.CommandDataSetType, VR.US, dataSet ? DATA_SET_PRESENT : NO_DATA_SET);
        return new Command(a);
    }

    private static Command request(int commandField, int messageId, String sopClassTagUid, boolean dataSet) {
        Command c = of(commandField, Tag.MessageID, messageId, dataSet);
        c.attrs.setString(Tag.AffectedSOPClassUID, VR.UI, sopClassTagUid);
        return c;
    }

    // ---------------------------------------------------------------- C- requests

    public static Command cEchoRQ(int messageId, String sopClass) {
        return request(CommandField.C_ECHO_RQ, messageId, sopClass, false);
    }

    public static Command cStoreRQ(int messageId, String sopClass, String sopInstance, int priority) {
        Command c = request(CommandField.C_STORE_RQ, messageId, sopClass, true);
        c.attrs.setInt(Tag.Priority, VR.US, priority);
        c.attrs.setString(Tag.AffectedSOPInstanceUID, VR.UI, sopInstance);
        return c;
    }

    /** A C-STORE sub-operation of a C-MOVE names the AE and message that asked for it. */
    public Command setMoveOriginator(String aeTitle, int messageId) {
        attrs.setString(Tag.MoveOriginatorApplicationEntityTitle, VR.AE, aeTitle);
        attrs.setInt(Tag.MoveOriginatorMessageID, VR.US, messageId);
        return this;
    }

    public static Command cFindRQ(int messageId, String sopClass, int priority) {
        Command c = request(CommandField.C_FIND_RQ, messageId, sopClass, true);
        c.attrs.setInt(Tag.Priority, VR.US, priority);
        return c;
    }

    public static Command cGetRQ(int messageId, String sopClass, int priority) {
        Command c = request(CommandField.C_GET_RQ, messageId, sopClass, true);
        c.attrs.setInt(Tag.Priority, VR.US, priority);
        return c;
    }

    public static Command cMoveRQ(int messageId, String sopClass, int priority, String destination) {
        Command c = request(CommandField.C_MOVE_RQ, messageId, sopClass, true);
        c.attrs.setInt(Tag.Priority, VR.US, priority);
        c.attrs.setString(Tag.MoveDestination, VR.AE, destination);
        return c;
    }

    public static Command cCancelRQ(int messageIdBeingCancelled) {
        return of(CommandField.C_CANCEL_RQ, Tag.MessageIDBeingRespondedTo, messageIdBeingCancelled, false);
    }

    // ---------------------------------------------------------------- N- requests

    public static Command nEventReportRQ(int messageId, String sopClass, String sopInstance, int eventTypeId,
                                         boolean eventInformation) {
        Command c = request(CommandField.N_EVENT_REPORT_RQ, messageId, sopClass, eventInformation);
        c.attrs.setString(Tag.AffectedSOPInstanceUID, VR.UI, sopInstance);
        c.attrs.setInt(Tag.EventTypeID, VR.US, eventTypeId);
        return c;
    }

    public static Command nGetRQ(int messageId, String sopClass, String sopInstance, int... attributeIdentifiers) {
        Command c = requested(CommandField.N_GET_RQ, messageId, sopClass, sopInstance, false);
        if (attributeIdentifiers.length > 0) {
            c.attrs.setInt(Tag.AttributeIdentifierList, VR.AT, attributeIdentifiers);
        }
        return c;
    }

    public static Command nSetRQ(int messageId, String sopClass, String sopInstance) {
        return requested(CommandField.N_SET_RQ, messageId, sopClass, sopInstance, true);
    }

    public static Command nActionRQ(int messageId, String sopClass, String sopInstance, int actionTypeId,
                                    boolean actionInformation) {
        Command c = requested(CommandField.N_ACTION_RQ, messageId, sopClass, sopInstance, actionInformation);
        c.attrs.setInt(Tag.ActionTypeID, VR.US, actionTypeId);
        return c;
    }

    /** N-CREATE; {@code sopInstance} may be null when the SCP assigns it. */
    public static Command nCreateRQ(int messageId, String sopClass, String sopInstance, boolean attributes) {
        Command c = request(CommandField.N_CREATE_RQ, messageId, sopClass, attributes);
        if (sopInstance != null) {
            c.attrs.setString(Tag.AffectedSOPInstanceUID, VR.UI, sopInstance);
        }
        return c;
    }

    public static Command nDeleteRQ(int messageId, String sopClass, String sopInstance) {
        return requested(CommandField.N_DELETE_RQ, messageId, sopClass, sopInstance, false);
    }

    private static Command requested(int commandField, int messageId, String sopClass, String sopInstance,
                                     boolean dataSet) {
        Command c = of(commandField, Tag.MessageID, messageId, dataSet);
        c.attrs.setString(Tag.RequestedSOPClassUID, VR.UI, sopClass);
        c.attrs.setString(Tag.RequestedSOPInstanceUID, VR.UI, sopInstance);
        return c;
    }

    // ---------------------------------------------------------------- responses

    /**
     * The response to this request: command field with bit 15, Message ID Being Responded To, the SOP
     * class and instance it concerns (requested ones become affected ones, PS3.7 10.3), and the status.
     */
    public Command response(int status, boolean dataSet) {
        if (isResponse()) {
            throw new IllegalStateException("a response has no response");
        }
        Command r = of(commandField() | CommandField.RESPONSE, Tag.MessageIDBeingRespondedTo, messageId(), dataSet);
        String cuid = affectedSopClassUid() != null ? affectedSopClassUid() : requestedSopClassUid();
        String iuid = affectedSopInstanceUid() != null ? affectedSopInstanceUid() : requestedSopInstanceUid();
        if (cuid != null) {
            r.attrs.setString(Tag.AffectedSOPClassUID, VR.UI, cuid);
        }
        if (iuid != null && commandField() != CommandField.C_FIND_RQ && commandField() != CommandField.C_GET_RQ
                && commandField() != CommandField.C_MOVE_RQ) {
            r.attrs.setString(Tag.AffectedSOPInstanceUID, VR.UI, iuid);
        }
        if (commandField() == CommandField.N_EVENT_REPORT_RQ) {
            r.attrs.setInt(Tag.EventTypeID, VR.US, eventTypeId());
        }
        if (commandField() == CommandField.N_ACTION_RQ) {
            r.attrs.setInt(Tag.ActionTypeID, VR.US, actionTypeId());
        }
        r.attrs.setInt(Tag.Status, VR.US, status);
        return r;
    }

    public Command setErrorComment(String comment) {
        // LO: at most 64 characters, and a backslash would split it into values (an Image Display Format)
        String lo = comment.replace('\\', '/');
        attrs.setString(Tag.ErrorComment, VR.LO, lo.length() > 64 ? lo.substring(0, 64) : lo);
        return this;
    }

    public Command setOffendingElements(int... tags) {
        attrs.setInt(Tag.OffendingElement, VR.AT, tags);
        return this;
    }

    /** The attributes a failure is about (PS3.7 10.1: 0x0105, 0x0120 and the like name them here). */
    public Command setAttributeIdentifierList(int... tags) {
        attrs.setInt(Tag.AttributeIdentifierList, VR.AT, tags);
        return this;
    }

    /** The SOP Instance an N-CREATE-RSP created, when the request left its UID to the SCP (PS3.7 10.1.5.1.3). */
    public Command setAffectedSopInstanceUid(String uid) {
        attrs.setString(Tag.AffectedSOPInstanceUID, VR.UI, uid);
        return this;
    }

    public Command setErrorId(int errorId) {
        attrs.setInt(Tag.ErrorID, VR.US, errorId);
        return this;
    }

    /** Sub-operation counts of a C-GET or C-MOVE response (PS3.7 9.3.3.2, 9.3.4.2). */
    public Command setSubOperations(int remaining, int completed, int failed, int warning) {
        attrs.setInt(Tag.NumberOfRemainingSuboperations, VR.US, remaining);
        attrs.setInt(Tag.NumberOfCompletedSuboperations, VR.US, completed);
        attrs.setInt(Tag.NumberOfFailedSuboperations, VR.US, failed);
        attrs.setInt(Tag.NumberOfWarningSuboperations, VR.US, warning);
        return this;
    }

    // ---------------------------------------------------------------- access

    public Attributes attributes() {
        return attrs;
    }

    public int commandField() {
        return attrs.getInt(Tag.CommandField, -1);
    }

    public boolean isResponse() {
        return CommandField.isResponse(commandField());
    }

    public int messageId() {
        return attrs.getInt(Tag.MessageID, -1);
    }

    public int messageIdBeingRespondedTo() {
        return attrs.getInt(Tag.MessageIDBeingRespondedTo, -1);
    }

    public boolean hasDataSet() {
        return attrs.getInt(Tag.CommandDataSetType, NO_DATA_SET) != NO_DATA_SET;
    }

    public int status() {
        return attrs.getInt(Tag.Status, -1);
    }

    public int priority() {
        return attrs.getInt(Tag.Priority, PRIORITY_MEDIUM);
    }

    public String affectedSopClassUid() {
        return attrs.getString(Tag.AffectedSOPClassUID);
    }

    public String affectedSopInstanceUid() {
        return attrs.getString(Tag.AffectedSOPInstanceUID);
    }

    public String requestedSopClassUid() {
        return attrs.getString(Tag.RequestedSOPClassUID);
    }

    public String requestedSopInstanceUid() {
        return attrs.getString(Tag.RequestedSOPInstanceUID);
    }

    /** The SOP class a message is about: affected, or for N-GET/SET/ACTION/DELETE requests, requested. */
    public String sopClassUid() {
        String cuid = affectedSopClassUid();
        return cuid != null ? cuid : requestedSopClassUid();
    }

    public String sopInstanceUid() {
        String iuid = affectedSopInstanceUid();
        return iuid != null ? iuid : requestedSopInstanceUid();
    }

    public String moveDestination() {
        return attrs.getString(Tag.MoveDestination);
    }

    public String moveOriginatorAeTitle() {
        return attrs.getString(Tag.MoveOriginatorApplicationEntityTitle);
    }

    public int moveOriginatorMessageId() {
        return attrs.getInt(Tag.MoveOriginatorMessageID, -1);
    }

    public int eventTypeId() {
        return attrs.getInt(Tag.EventTypeID, -1);
    }

    public int actionTypeId() {
        return attrs.getInt(Tag.ActionTypeID, -1);
    }

    public String errorComment() {
        return attrs.getString(Tag.ErrorComment);
    }

    public int[] offendingElements() {
        return attrs.getInts(Tag.OffendingElement);
    }

    public int remainingSubOperations() {
        return attrs.getInt(Tag.NumberOfRemainingSuboperations, -1);
    }

    public int completedSubOperations() {
        return attrs.getInt(Tag.NumberOfCompletedSuboperations, -1);
    }

    public int failedSubOperations() {
        return attrs.getInt(Tag.NumberOfFailedSuboperations, -1);
    }

    public int warningSubOperations() {
        return attrs.getInt(Tag.NumberOfWarningSuboperations, -1);
    }

    /** One line for association logs: "C-STORE-RSP[id=3, CT Image Storage, status 0x0000 (success)]". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(CommandField.name(commandField())).append("[id=")
                .append(isResponse() ? messageIdBeingRespondedTo() : messageId() >= 0 ? messageId()
                        : messageIdBeingRespondedTo());
        String cuid = sopClassUid();
        if (cuid != null) {
            sb.append(", ").append(UIDDictionary.nameOf(cuid));
        }
        String iuid = sopInstanceUid();
        if (iuid != null) {
            sb.append(", iuid=").append(iuid);
        }
        if (isResponse()) {
            sb.append(", status ").append(Status.toString(status()));
            if (errorComment() != null) {
                sb.append(" \"").append(errorComment()).append('"');
            }
        }
        if (moveDestination() != null) {
            sb.append(", destination=").append(moveDestination());
        }
        return sb.append(hasDataSet() ? ", with data set]" : "]").toString();
    }
}
