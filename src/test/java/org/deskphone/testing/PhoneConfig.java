package org.deskphone.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deskphone.config.Access;
import org.deskphone.config.ChangeResult;
import org.deskphone.config.Config;
import org.deskphone.config.ConfigStore;
import org.deskphone.config.Parameter;
import org.deskphone.config.ProvisioningFile;
import org.deskphone.config.ProvisioningReport;
import org.deskphone.config.format.Dialect;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;

/**
 * The phone's configuration store, in memory, on a loop the test drives: filled the way the web UI
 * ({@link #local}) or a provisioning file of either dialect ({@link #cfg}, {@link #xml}, {@link #set}) fills
 * it, for the tests of the features that read it.
 */
public final class PhoneConfig {
    public final PhoneLoop loop;
    public final ConfigStore store;

    /** On a loop with a virtual clock, which the test's thread runs. */
    public PhoneConfig() {
        this(new PhoneLoop(new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"))));
    }

    /** On {@code loop}, which the test's thread runs from now on. */
    public PhoneConfig(PhoneLoop loop) {
        this.loop = loop;
        loop.runPending();
        this.store = ConfigStore.inMemory(loop);
    }

    /** A local change of {@code name}, by either dialect's name, as the web UI makes it; it must be accepted. */
    public void local(String name, String value) {
        ChangeResult result = store.change(Access.ADMIN, Map.of(parameter(name).name(), value));
        assertThat(result.problems()).as("local change of " + name).isEmpty();
        loop.runPending();
    }

    /**
     * Provisions {@code name = value} in a file of the name's dialect: a Yealink key (dotted) in a
     * {@code .cfg}, an ALE id in a {@code config.xml}.
     */
    public ProvisioningReport set(String name, String value) {
        return name.indexOf('.') >= 0 ? cfg(name + " = " + value) : xml(name, value);
    }

    /** Applies {@code lines} as the body of a Yealink {@code .cfg} file. */
    public ProvisioningReport cfg(String... lines) {
        return provision("test.cfg", "#!version:1.0.0.1\n" + String.join("\n", lines) + "\n");
    }

    /** Applies ALE {@code config.xml} settings given as id, value, id, value... */
    public ProvisioningReport xml(String... idsAndValues) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<settings>\n");
        for (int i = 0; i < idsAndValues.length; i += 2) {
            xml.append(" <setting id=\"").append(idsAndValues[i]).append("\" value=\"").append(idsAndValues[i + 1]).append("\"/>\n");
        }
        return provision("config.xml", xml.append("</settings>\n").toString());
    }

    /** The value of {@code name} (either dialect's name) now, or empty when it is blank. */
    public Optional<String> get(String name) {
        return Optional.of(current().string(parameter(name).name())).filter(value -> !value.isBlank());
    }

    public Config current() {
        return store.current();
    }

    private ProvisioningReport provision(String name, String text) {
        ProvisioningReport report = store.applyProvisioning(List.of(ProvisioningFile.of(name, text)));
        loop.runPending();
        return report;
    }

    private Parameter parameter(String name) {
        return store.catalogue().lookup(Dialect.XML, name).orElseThrow(() -> new IllegalArgumentException("no parameter " + name));
    }
}
