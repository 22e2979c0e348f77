package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import java.util.Map;
import org.deskphone.config.Access;
import org.deskphone.config.ProvisioningFile;
import org.deskphone.hal.Board;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.mock.MemoryNetwork;
import org.deskphone.hal.mock.MockDisplay;
import org.deskphone.hal.mock.PcBoard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {
    @TempDir
    Path dataRoot;

    @Test
    void restartBuildsAFreshPhoneAndFactoryResetWipesTheDataFirst() throws Exception {
        BoardDescriptor pc = BoardDescriptor.load(Path.of("board"), "pc");
        DataFolder data = DataFolder.open(dataRoot);
        Files.writeString(data.folder("config").resolve("local.cfg"), "account.1.enable = 1\n");
        AtomicInteger boardsOpened = new AtomicInteger();
        // The phone runs on the board as the web UI watches it; the test reads the LCD from the driver beneath.
        AtomicReference<MockDisplay> lastDisplay = new AtomicReference<>();
        BlockingQueue<Phone> ready = new LinkedBlockingQueue<>();
        Lifecycle lifecycle = new Lifecycle(() -> {
            boardsOpened.incrementAndGet();
            // A network with an address, so that the idle screen shows the account line on any machine.
            Board board = PcBoard.create(pc, null, null);
            lastDisplay.set((MockDisplay) board.display());
            return board.withNetwork(MemoryNetwork.connected());
        }, data, ready::add);

        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                lifecycle.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "lifecycle");
        runner.start();

        Phone first = ready.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(lastDisplay.get().text()).contains("No account");

        lifecycle.request(Lifecycle.Ending.RESTART);
        Phone second = ready.poll(10, TimeUnit.SECONDS);
        assertThat(second).isNotNull().isNotSameAs(first);
        assertThat(Files.exists(dataRoot.resolve("config/local.cfg"))).as("a restart keeps the data").isTrue();

        lifecycle.request(Lifecycle.Ending.FACTORY_RESET);
        Phone third = ready.poll(10, TimeUnit.SECONDS);
        assertThat(third).isNotNull();
        assertThat(Files.exists(dataRoot.resolve("config/local.cfg"))).as("a factory reset wipes the data").isFalse();
        assertThat(Files.exists(dataRoot.resolve(DataFolder.MARKER))).isTrue();

        assertThat(lifecycle.stopAndWait(Duration.ofSeconds(3))).isTrue();
        runner.join(3000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        assertThat(boardsOpened.get()).isEqualTo(3);
        assertThat(third.loop().inLoop()).isFalse();
    }

    @Test
    void aLocalChangeThatNeedsARestartRestartsThePhoneWithTheChangeSaved() throws Exception {
        BoardDescriptor pc = BoardDescriptor.load(Path.of("board"), "pc");
        DataFolder data = DataFolder.open(dataRoot);
        BlockingQueue<Phone> ready = new LinkedBlockingQueue<>();
        Lifecycle lifecycle = new Lifecycle(() -> connectedBoard(pc), data, ready::add);
        Thread runner = new Thread(() -> {
            try {
                lifecycle.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "lifecycle");
        runner.start();
        Phone first = ready.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();

        first.loop().ask(() -> first.config().change(Access.ADMIN, Map.of("account.1.label", "Desk"))).get(5, TimeUnit.SECONDS);
        assertThat(ready.poll(300, TimeUnit.MILLISECONDS)).as("a live change does not restart").isNull();

        first.loop().ask(() -> first.config().applyProvisioning(List.of(ProvisioningFile.of("mac.cfg",
                "#!version:1.0.0.1\nnetwork.vlan.internet_port_vid = 10\n")))).get(5, TimeUnit.SECONDS);
        assertThat(ready.poll(300, TimeUnit.MILLISECONDS)).as("a provisioning run restarts through its client").isNull();
        first.loop().ask(() -> first.config().change(Access.ADMIN, Map.of("network.vlan.internet_port_priority", "5")))
                .get(5, TimeUnit.SECONDS);
        Phone second = ready.poll(10, TimeUnit.SECONDS);
        assertThat(second).as("a change that needs a restart restarts").isNotNull().isNotSameAs(first);
        assertThat(second.config().current().integer("network.vlan.internet_port_vid")).isEqualTo(10);
        assertThat(second.config().current().integer("network.vlan.internet_port_priority")).isEqualTo(5);
        assertThat(second.config().current().string("account.1.label")).isEqualTo("Desk");

        assertThat(lifecycle.stopAndWait(Duration.ofSeconds(3))).isTrue();
        runner.join(3000);
        assertThat(runner.isAlive()).isFalse();
    }

    private static org.deskphone.hal.Board connectedBoard(BoardDescriptor pc) throws java.io.IOException {
        return PcBoard.create(pc, null, null).withNetwork(MemoryNetwork.connected());
    }
}
