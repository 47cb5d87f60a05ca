package org.beaconpacs.archive.config;

/**
 * The server's settings as wildfly-config made them system properties (each from an environment
 * variable, see README "Configuration"), with the defaults that apply outside that server too.
 */
public final class Settings {

    private Settings() {
    }

    /**
     * This node's name: WildFly's jboss.node.name (BEACON_NODE_NAME in a cluster, the host name otherwise).
     */
    public static String nodeName() {
        String name = System.getProperty("jboss.node.name");
        return name != null && !name.isBlank() ? name : System.getProperty("jboss.qualified.host.name", "beacon");
    }

    /** Whether this server is a node of a cluster (the server-ha variant), sharing database and storage. */
    public static boolean clustered() {
        return Boolean.parseBoolean(System.getProperty("beacon.cluster", "false").strip());
    }

    /**
     * This node's own name within folders the nodes share (its temporary files, its clean-stop marker):
     * the node name with only letters, digits, '.', '-' and '_'.
     */
    public static String nodeFolderName() {
        return nodeName().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public static String localAeTitle() {
        return System.getProperty("beacon.ae.title", "BEACON").strip();
    }

    public static int dicomPort() {
        return Integer.parseInt(System.getProperty("beacon.dicom.port", "11112").strip());
    }

    /**
     * Added to every local AE's port when its listener opens: 0, except for cluster nodes on one machine,
     * which share one AE configuration and are told apart by WildFly's port offset (beacon-ha.cli).
     */
    public static int dicomPortOffset() {
        return Integer.parseInt(System.getProperty("beacon.dicom.port-offset", "0").strip());
    }

    public static String dicomHost() {
        return System.getProperty("beacon.dicom.host", "0.0.0.0").strip();
    }

    /** Whether calling AEs that are not configured may associate, until an administrator decides otherwise. */
    public static CallingAePolicy defaultCallingAePolicy() {
        return CallingAePolicy.parse(System.getProperty("beacon.calling-aes", "accept"));
    }

    public static String adminPasswordFile() {
        return System.getProperty("beacon.admin.password.file",
                System.getProperty("jboss.server.data.dir", ".") + "/beacon/initial-admin-password");
    }
}
