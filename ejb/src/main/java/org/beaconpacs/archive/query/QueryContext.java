package org.beaconpacs.archive.query;

/**
 * Who asks and where the answers say the entities are.
 *
 * @param requestor the calling AE title, or the user of a REST or DICOMweb query
 * @param association the association's serial number (DIMSE), else null
 * @param retrieveAeTitle the AE title a requestor retrieves the matches from (Retrieve AE Title)
 * @param requestorHost where the requestor is (address or host name), or null
 */
public record QueryContext(String requestor, Long association, String retrieveAeTitle, String requestorHost) {
}
