package org.beaconpacs.archive.ups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open event channels of subscribed AEs (UPS-RS's WebSocket connections, PS3.18 11.11), by AE title,
 * and the delivery of committed UPS events to them. An AE without an open channel misses the event; on
 * connecting it learns the state of its workitems by retrieving them (PS3.17 GGG: reliable watchers).
 */
@ApplicationScoped
public class UpsSubscribers {

    private static final Logger LOG = Logger.getLogger(UpsSubscribers.class.getName());
    private final Map<String, Set<Consumer<String>>> channels = new ConcurrentHashMap<>();

    public void open(String aeTitle, Consumer<String> channel) {
        channels.computeIfAbsent(aeTitle, a -> new CopyOnWriteArraySet<>()).add(channel);
    }

    public void close(String aeTitle, Consumer<String> channel) {
        channels.computeIfPresent(aeTitle, (a, set) -> {
            set.remove(channel);
            return set.isEmpty() ? null : set;
        });
    }

    public boolean connected(String aeTitle) {
        return channels.containsKey(aeTitle);
    }

    void deliver(@Observes(during = TransactionPhase.AFTER_SUCCESS) UpsEvent event) {
        for (String ae : event.subscribers()) {
            for (Consumer<String> channel : channels.getOrDefault(ae, Set.of())) {
                try {
                    channel.accept(event.json());
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "UPS event to " + ae + " not delivered", e);
                }
            }
        }
    }
}
