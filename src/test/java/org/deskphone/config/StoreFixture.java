package org.deskphone.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;

/** An in-memory store on a test-driven loop, with one-line provisioning for examples. */
final class StoreFixture {
    final PhoneLoop loop = new PhoneLoop(new VirtualClock(Instant.parse("2026-11-22T10:00:00Z")));
    final ConfigStore store;

    StoreFixture() {
        loop.runPending();
        store = ConfigStore.inMemory(loop);
    }

    /** Applies files given as name, content, name, content... */
    ProvisioningReport provision(String... nameAndContent) {
        List<ProvisioningFile> files = new ArrayList<>();
        for (int i = 0; i < nameAndContent.length; i += 2) {
            files.add(ProvisioningFile.of(nameAndContent[i], nameAndContent[i + 1]));
        }
        ProvisioningReport report = store.applyProvisioning(files);
        loop.runPending();
        return report;
    }

    /** Applies {@code lines} as the body of a .cfg file. */
    ProvisioningReport cfg(String... lines) {
        return provision("test.cfg", "#!version:1.0.0.1\n" + String.join("\n", lines) + "\n");
    }

    /** Applies {@code settings} as the body of a config.xml file. */
    ProvisioningReport xml(String settings) {
        return provision("config.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<settings>\n" + settings + "\n</settings>\n");
    }

    String get(String name) {
        return store.current().string(name);
    }
}
