package org.beaconpacs.archive.dimse;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.config.Settings;
import org.infinispan.Cache;

/**
 * The DICOM listeners of every node of the cluster, for the dashboard: each node tells its own every few
 * seconds in the cache {@code node-listeners} (replicated in a cluster, local on one server). A node that
 * stopped telling is shown as silent since its last word, and forgotten after an hour.
 */
@Singleton
@Startup
@DependsOn("NetworkConfigurator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterListeners {

    private static final Logger LOG = Logger.getLogger(ClusterListeners.class.getName());
    private static final long EVERY_MILLIS = 5000;
    /** Three missed turns. */
    static final Duration SILENT_AFTER = Duration.ofMillis(3 * EVERY_MILLIS);

    @Resource
    private TimerService timers;
    @Resource(lookup = "java:jboss/infinispan/cache/beacon/node-listeners")
    private Cache<String, String> board;
    @EJB
    private NetworkConfigurator network;

    @PostConstruct
    void start() {
        tell();
        timers.createIntervalTimer(EVERY_MILLIS, EVERY_MILLIS, new TimerConfig("node-listeners", false));
    }

    @Timeout
    void tell() {
        try {
            board.put(Settings.nodeName(), text(network.listeners(), Instant.now()));
        } catch (RuntimeException e) { // the cluster is being formed or left: the next turn tells
            LOG.log(Level.FINE, "could not tell this node's listeners", e);
        }
    }

    /** Every node's listeners, this node's as they are now, by node then port. */
    public List<ListenerStatus> all() {
        String self = Settings.nodeName();
        List<ListenerStatus> all = new ArrayList<>(network.listeners());
        for (Map.Entry<String, String> e : board.entrySet()) {
            if (!e.getKey().equals(self)) {
                try {
                    all.addAll(parse(e.getKey(), e.getValue()));
                } catch (RuntimeException unreadable) { // written by another version of the archive
                    LOG.log(Level.FINE, "unreadable listeners of node " + e.getKey(), unreadable);
                }
            }
        }
        all.sort(Comparator.comparing(ListenerStatus::node).thenComparingInt(ListenerStatus::port));
        return all;
    }

    /**
     * As text: the cache is replicated, and a JDK type is what every node reads without the deployment's
     * classes. {@code {"seen": epoch ms, "listeners": [{host, port, tls, aeTitles, listening, problem, open}]}}
     */
    static String text(List<ListenerStatus> listeners, Instant seen) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (ListenerStatus l : listeners) {
            JsonArrayBuilder titles = Json.createArrayBuilder();
            l.aeTitles().forEach(titles::add);
            var o = Json.createObjectBuilder().add("host", l.host()).add("port", l.port()).add("tls", l.tls())
                    .add("aeTitles", titles).add("listening", l.listening()).add("open", l.openAssociations());
            if (l.problem() != null) {
                o.add("problem", l.problem());
            }
            a.add(o);
        }
        return Json.createObjectBuilder().add("seen", seen.toEpochMilli()).add("listeners", a).build().toString();
    }

    static List<ListenerStatus> parse(String node, String text) {
        JsonObject o;
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            o = r.readObject();
        }
        Instant seen = Instant.ofEpochMilli(o.getJsonNumber("seen").longValue());
        List<ListenerStatus> listeners = new ArrayList<>();
        for (JsonObject l : o.getJsonArray("listeners").getValuesAs(JsonObject.class)) {
            JsonArray titles = l.getJsonArray("aeTitles");
            listeners.add(new ListenerStatus(node, l.getString("host"), l.getInt("port"), l.getBoolean("tls"),
                    titles.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                    l.getBoolean("listening"), l.getString("problem", null), l.getInt("open"), seen));
        }
        return listeners;
    }
}
