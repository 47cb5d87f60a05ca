package org.beaconpacs.archive.audit;

/**
 * A coded value of an audit message (PS3.15 A.5.1 CodedValueType): the code, its coding scheme
 * ({@code DCM}, {@code RFC-3881}) and its meaning, written as {@code csd-code}, {@code codeSystemName} and
 * {@code originalText}.
 */
public record AuditCode(String code, String scheme, String meaning) {

    static AuditCode dcm(String code, String meaning) {
        return new AuditCode(code, "DCM", meaning);
    }

    static AuditCode rfc3881(String code, String meaning) {
        return new AuditCode(code, "RFC-3881", meaning);
    }
}
