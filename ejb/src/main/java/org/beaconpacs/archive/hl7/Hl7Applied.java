package org.beaconpacs.archive.hl7;

/**
 * An HL7 message was received and acknowledged (applied or refused), for the audit trail.
 *
 * @param messageType e.g. ORM^O01, ADT^A08
 * @param sendingApplication MSH-3 and MSH-4 as {@code application|facility}
 * @param orderControl ORC-1 of an order message, else null
 * @param accepted whether it was applied (AA)
 * @param detail what it did, or why it was refused
 */
public record Hl7Applied(String messageType, String sendingApplication, String remoteHost, String patientId,
                         String patientName, String orderControl, String accessionNumber, boolean accepted,
                         String detail) {
}
