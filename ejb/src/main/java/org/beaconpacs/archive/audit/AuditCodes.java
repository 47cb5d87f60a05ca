package org.beaconpacs.archive.audit;

/** The codes an audit message uses: PS3.16 CID 400, 401, 402 and 404, and RFC 3881's object ID types. */
public final class AuditCodes {

    private AuditCodes() {
    }

    // EventID (CID 400 Audit Event ID)
    public static final AuditCode APPLICATION_ACTIVITY = AuditCode.dcm("110100", "Application Activity");
    public static final AuditCode AUDIT_LOG_USED = AuditCode.dcm("110101", "Audit Log Used");
    public static final AuditCode BEGIN_TRANSFERRING = AuditCode.dcm("110102", "Begin Transferring DICOM Instances");
    public static final AuditCode INSTANCES_ACCESSED = AuditCode.dcm("110103", "DICOM Instances Accessed");
    public static final AuditCode INSTANCES_TRANSFERRED = AuditCode.dcm("110104", "DICOM Instances Transferred");
    public static final AuditCode STUDY_DELETED = AuditCode.dcm("110105", "DICOM Study Deleted");
    public static final AuditCode EXPORT = AuditCode.dcm("110106", "Export");
    public static final AuditCode ORDER_RECORD = AuditCode.dcm("110109", "Order Record");
    public static final AuditCode PATIENT_RECORD = AuditCode.dcm("110110", "Patient Record");
    public static final AuditCode PROCEDURE_RECORD = AuditCode.dcm("110111", "Procedure Record");
    public static final AuditCode QUERY = AuditCode.dcm("110112", "Query");
    public static final AuditCode SECURITY_ALERT = AuditCode.dcm("110113", "Security Alert");
    public static final AuditCode USER_AUTHENTICATION = AuditCode.dcm("110114", "User Authentication");

    // EventTypeCode (CID 401 Audit Event Type Code)
    public static final AuditCode APPLICATION_START = AuditCode.dcm("110120", "Application Start");
    public static final AuditCode APPLICATION_STOP = AuditCode.dcm("110121", "Application Stop");
    public static final AuditCode LOGIN = AuditCode.dcm("110122", "Login");
    public static final AuditCode LOGOUT = AuditCode.dcm("110123", "Logout");
    public static final AuditCode NODE_AUTHENTICATION = AuditCode.dcm("110126", "Node Authentication");
    public static final AuditCode NETWORK_CONFIGURATION = AuditCode.dcm("110128", "Network Configuration");
    public static final AuditCode SECURITY_CONFIGURATION = AuditCode.dcm("110129", "Security Configuration");
    public static final AuditCode SOFTWARE_CONFIGURATION = AuditCode.dcm("110131", "Software Configuration");
    public static final AuditCode USE_OF_RESTRICTED_FUNCTION = AuditCode.dcm("110132", "Use of Restricted Function");
    public static final AuditCode SECURITY_ROLES_CHANGED = AuditCode.dcm("110136", "Security Roles Changed");
    public static final AuditCode USER_SECURITY_ATTRIBUTES_CHANGED =
            AuditCode.dcm("110137", "User Security Attributes Changed");

    // RoleIDCode (CID 402 Audit Active Participant Role ID Code)
    public static final AuditCode APPLICATION = AuditCode.dcm("110150", "Application");
    public static final AuditCode APPLICATION_LAUNCHER = AuditCode.dcm("110151", "Application Launcher");
    public static final AuditCode DESTINATION = AuditCode.dcm("110152", "Destination Role ID");
    public static final AuditCode SOURCE = AuditCode.dcm("110153", "Source Role ID");

    // ParticipantObjectIDTypeCode (CID 404 Audit Participant Object ID Type Code, and RFC 3881)
    public static final AuditCode PATIENT_NUMBER = AuditCode.rfc3881("2", "Patient Number");
    public static final AuditCode REPORT_NUMBER = AuditCode.rfc3881("9", "Report Number");
    public static final AuditCode USER_IDENTIFIER = AuditCode.rfc3881("11", "User Identifier");
    public static final AuditCode URI = AuditCode.rfc3881("12", "URI");
    public static final AuditCode STUDY_INSTANCE_UID = AuditCode.dcm("110180", "Study Instance UID");
    public static final AuditCode SOP_CLASS_UID = AuditCode.dcm("110181", "SOP Class UID");
    public static final AuditCode NODE_ID = AuditCode.dcm("110182", "Node ID");

    /** The EventIDs this archive writes, for filters. */
    public static final java.util.List<AuditCode> EVENTS = java.util.List.of(APPLICATION_ACTIVITY,
            BEGIN_TRANSFERRING, INSTANCES_TRANSFERRED, INSTANCES_ACCESSED, EXPORT, QUERY, STUDY_DELETED,
            USER_AUTHENTICATION, SECURITY_ALERT, PATIENT_RECORD, ORDER_RECORD, AUDIT_LOG_USED);

    /** AuditSourceTypeCode 4: an application server process (RFC 3881 5.4). */
    public static final AuditCode APPLICATION_SERVER = AuditCode.dcm("4", "Application Server Process");
}
