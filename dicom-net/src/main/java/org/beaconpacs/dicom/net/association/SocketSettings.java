package org.beaconpacs.dicom.net.association;

import java.net.Socket;
import java.net.SocketException;

/**
 * TCP settings of DICOM sockets: TCP_NODELAY always (DIMSE is request/response), and the send and
 * receive buffer sizes when set (0 leaves the system's); large buffers help on high-latency links.
 */
public record SocketSettings(int sendBufferSize, int receiveBufferSize) {

    public static final SocketSettings DEFAULT = new SocketSettings(0, 0);

    /** Applies the settings; call before connecting for the receive buffer to shape the TCP window. */
    public void applyTo(Socket socket) throws SocketException {
        socket.setTcpNoDelay(true);
        if (sendBufferSize > 0) {
            socket.setSendBufferSize(sendBufferSize);
        }
        if (receiveBufferSize > 0) {
            socket.setReceiveBufferSize(receiveBufferSize);
        }
    }
}
