package org.beaconpacs.archive.dicomweb;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.beaconpacs.archive.ups.UpsSubscribers;

/**
 * The event channel of UPS-RS (PS3.18 11.11): an AE opens {@code ws://HOST:8080/beacon/dicomweb/ws/subscribers/{aetitle}}
 * (with the REST API's credentials) and receives, as text messages of DICOM JSON, the event reports of the
 * workitems it subscribed to (Event Type ID (0000,1002): 1 state report, 2 cancel requested, 3 progress).
 */
@ServerEndpoint("/dicomweb/ws/subscribers/{aetitle}")
public class UpsEventSocket {

    private static final Map<String, Consumer<String>> CHANNELS = new ConcurrentHashMap<>();

    @Inject
    private UpsSubscribers subscribers;

    @OnOpen
    public void open(Session session, @PathParam("aetitle") String ae) throws IOException {
        String aeTitle;
        try {
            aeTitle = UpsResource.aeTitle(ae);
        } catch (InvalidParameterException e) {
            session.close(new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, e.getMessage()));
            return;
        }
        Consumer<String> channel = text -> {
            synchronized (session) { // one message at a time on a session
                try {
                    session.getBasicRemote().sendText(text);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        CHANNELS.put(session.getId(), channel);
        subscribers.open(aeTitle, channel);
    }

    @OnClose
    public void close(Session session, @PathParam("aetitle") String ae) {
        Consumer<String> channel = CHANNELS.remove(session.getId());
        if (channel != null) {
            subscribers.close(ae.strip(), channel);
        }
    }

    @OnError
    public void error(Session session, @PathParam("aetitle") String ae, Throwable t) {
        close(session, ae);
    }
}
