package org.beaconpacs.archive.it.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/** The server's management API (local, as Arquillian reaches it): deployments and threads. */
public final class Management implements AutoCloseable {

    private final ModelControllerClient client;

    public Management() throws IOException {
        client = ModelControllerClient.Factory.create("127.0.0.1", 9990);
    }

    public ModelNode execute(ModelNode op) throws IOException {
        ModelNode result = client.execute(op);
        if (!"success".equals(result.get("outcome").asString())) {
            throw new IOException("management operation " + op + " failed: " + result.get("failure-description"));
        }
        return result.get("result");
    }

    public void deployment(String name, String operation) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set(operation);
        op.get("address").add("deployment", name);
        execute(op);
    }

    /** Sets a system property of the running server (it applies at once). */
    public void systemProperty(String name, String value) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("write-attribute");
        op.get("address").add("system-property", name);
        op.get("name").set("value");
        op.get("value").set(value);
        execute(op);
    }

    /** The server's working directory (its JVM's {@code user.dir}). */
    public Path workingDirectory() throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("read-attribute");
        op.get("address").add("core-service", "platform-mbean").add("type", "runtime");
        op.get("name").set("system-properties");
        return Path.of(execute(op).get("user.dir").asString());
    }

    /**
     * The names of the server's live threads that are busy in {@code packagePrefix}'s code (a frame of
     * it on their stack) or carry a name starting with {@code namePrefix}.
     */
    public List<String> threadsIn(String packagePrefix, String namePrefix) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("dump-all-threads");
        op.get("address").add("core-service", "platform-mbean").add("type", "threading");
        op.get("locked-monitors").set(false);
        op.get("locked-synchronizers").set(false);
        List<String> names = new ArrayList<>();
        for (ModelNode t : execute(op).asList()) {
            String name = t.get("thread-name").asString();
            if (name.startsWith(namePrefix) || t.get("stack-trace").toString().contains(packagePrefix)) {
                names.add(name);
            }
        }
        return names;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
