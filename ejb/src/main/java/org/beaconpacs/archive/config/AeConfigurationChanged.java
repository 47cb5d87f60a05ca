package org.beaconpacs.archive.config;

/**
 * An event: the application entities or the calling-AE policy changed and are committed. The network
 * observes it and reconfigures the listeners before the change's call returns.
 *
 * @param aeTitles the AE titles concerned (empty for a policy change)
 */
public record AeConfigurationChanged(java.util.List<String> aeTitles) {
}
