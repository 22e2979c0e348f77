package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import org.deskphone.config.Access;
import org.deskphone.config.ChangeResult;
import org.deskphone.config.ConfigStore;
import org.deskphone.hal.Board;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.HookState;
import org.deskphone.hal.Key;
import org.deskphone.hal.KeyEvent;
import org.deskphone.hal.NetworkStatus;
import org.deskphone.hal.mock.MemoryNetwork;
import org.deskphone.hal.mock.MockDisplay;
import org.deskphone.hal.mock.MockHookSwitch;
import org.deskphone.hal.mock.MockKeypad;
import org.deskphone.hal.mock.PcBoard;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.deskphone.net.NetConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole phone on the mock board, driven by a virtual clock on the test's thread. */
class PhoneTest {
    @TempDir
    Path dataRoot;
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-22T09:58:30Z"));
    private final PhoneLoop loop = new PhoneLoop(clock);
    private final MemoryNetwork network = new MemoryNetwork(connected());
    private Phone phone;
    private Board board;

    @BeforeEach
    void startPhone() throws IOException {
        board = PcBoard.create(BoardDescriptor.load(Path.of("board"), "pc"), null, null).withNetwork(network);
        DataFolder data = DataFolder.open(dataRoot);
        phone = new Phone(board, data, loop, ConfigStore.open(data.folder("config"), loop), ZoneOffset.UTC);
        phone.start();
        loop.runPending();
    }

    private static NetworkStatus connected() {
        try {
            return new NetworkStatus("eth0", true, List.of(new NetworkStatus.Address(java.net.InetAddress.getByName("192.0.2.7"), 24)),
                    List.of(), List.of(), java.util.OptionalInt.empty(), org.deskphone.hal.DhcpLease.NONE, java.util.Optional.empty());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void startsOnTheIdleScreen() {
        assertThat(display().text()).isEqualTo("deskphone      09:58\nSun Nov 22\nNo account\nHist Dir  DND  Menu");
    }

    /** ALE L39-41: without an address the phone says "network unavailable", and says it no more once it has one. */
    @Test
    void theIdleScreenSaysWhenTheNetworkIsUnavailable() {
        network.set(NetworkStatus.down("eth0"));
        loop.runPending();
        assertThat(display().screen().line(2).strip()).isEqualTo("network unavailable");
        network.set(connected());
        loop.runPending();
        assertThat(display().screen().line(2).strip()).isEqualTo("No account");
    }

    /**
     * The configured zone and formats (ALE SettingTimeZone, SettingTimeFormat=0 for 12 h,
     * SettingDateFormat=2), changed while the phone runs: the idle screen follows at once.
     */
    @Test
    void theIdleClockFollowsAChangeOfZoneAndFormats() {
        CompletableFuture<ChangeResult> changed = loop.ask(() -> phone.config().change(Access.ADMIN, Map.of(
                NetConfiguration.ALE_TIME_ZONE, "+5:30", NetConfiguration.TIME_FORMAT, "0", NetConfiguration.DATE_FORMAT, "2")));
        loop.runPending();
        assertThat(changed.join().accepted()).as(changed.join().toString()).isTrue();
        assertThat(display().text()).isEqualTo("deskphone    3:28 PM\n2026-11-22\nNo account\nHist Dir  DND  Menu");
    }

    @Test
    void theIdleClockFollowsTheMinutes() {
        loop.advance(Duration.ofSeconds(29));
        assertThat(display().screen().line(0)).endsWith("09:58");
        loop.advance(Duration.ofSeconds(1));
        assertThat(display().screen().line(0)).endsWith("09:59");
        loop.advance(Duration.ofMinutes(61));
        assertThat(display().screen().line(0)).endsWith("11:00");
        assertThat(loop.pendingTimers()).isEqualTo(1);
    }

    @Test
    void keysAndHookReachHandlersOnTheLoopThread() {
        List<String> seen = new ArrayList<>();
        phone.onKey(event -> seen.add(event + (loop.inLoop() ? " on loop" : " elsewhere")));
        phone.onHook(state -> seen.add(state + (loop.inLoop() ? " on loop" : " elsewhere")));

        ((MockKeypad) board.keypad()).press(Key.digit(7));
        ((MockHookSwitch) board.hook()).lift();
        assertThat(seen).as("nothing runs before the loop does").isEmpty();

        loop.runPending();
        assertThat(seen).containsExactly(
                KeyEvent.down(Key.digit(7)) + " on loop",
                KeyEvent.up(Key.digit(7)) + " on loop",
                HookState.OFF_HOOK + " on loop");
    }

    @Test
    void stopCancelsTheClockAndClosesTheDrivers() {
        List<KeyEvent> seen = new ArrayList<>();
        phone.onKey(seen::add);
        phone.stop(Duration.ofSeconds(1));
        assertThat(loop.pendingTimers()).isZero();
        ((MockKeypad) board.keypad()).press(Key.digit(1));
        loop.runPending();
        assertThat(seen).isEmpty();
    }

    private MockDisplay display() {
        return (MockDisplay) board.display();
    }

    @Test
    void thePhoneOwnsItsConfigurationStoreAndSavesItOnStop() throws Exception {
        phone.loop().ask(() -> phone.config().change(Access.USER, Map.of("lang.gui", "German")));
        loop.runPending();
        phone.stop(Duration.ofSeconds(2));
        assertThat(ConfigStore.read(dataRoot.resolve("config")).string("lang.gui")).isEqualTo("German");
    }

    /**
     * The board's hook and keys reach the telephone: lifting the handset opens a dialling with the line's
     * name on it; without SIP running the number cannot go out, and the screen says so until the handset is
     * put back.
     */
    @Test
    void theHookAndTheKeysDriveTheTelephone() {
        ((MockHookSwitch) board.hook()).lift();
        loop.runPending();
        assertThat(display().screen().line(0)).startsWith("Dial");
        ((MockKeypad) board.keypad()).type("1234");
        ((MockKeypad) board.keypad()).press(Key.of(Key.Kind.OK));
        loop.runPending();
        assertThat(display().screen().line(0)).startsWith("Call failed");
        ((MockHookSwitch) board.hook()).hangUp();
        loop.runPending();
        assertThat(display().screen().line(0)).startsWith("deskphone");
    }

    /** The DND key shows its icon on the idle screen and is kept in the configuration (Yealink features.dnd.enable). */
    @Test
    void theDndKeyIsKeptInTheConfiguration() {
        ((MockKeypad) board.keypad()).press(Key.of(Key.Kind.DND));
        loop.runPending();
        loop.advance(Duration.ofSeconds(4));
        assertThat(display().screen().line(1)).contains("\u2298");
        assertThat(phone.config().current().string("features.dnd.enable")).isEqualTo("1");
        phone.stop(Duration.ofSeconds(2)); // the store is saved before the test's folder goes
    }

    /**
     * A language file provisioning installed (ALE custom language, seed L10386-10420) gives the phone a
     * language it does not ship, chosen by Yealink lang.gui.
     */
    @Test
    void anInstalledLanguageFileIsUsed() throws Exception {
        Path languages = Files.createDirectories(PhoneProvisioning.resources(dataRoot).resolve("languages"));
        Files.writeString(languages.resolve("French.txt"), "S_NO_ACCOUNT\tFrench\tAucun compte\nK_MENU\tFrench\tMenu\n");
        loop.ask(() -> {
            phone.resourceInstalled(org.deskphone.provision.ResourceKind.LANGUAGE);
            return phone.config().change(Access.USER, Map.of("lang.gui", "French"));
        });
        loop.runPending();
        assertThat(display().screen().line(2).strip()).isEqualTo("Aucun compte");
        phone.stop(Duration.ofSeconds(2));
    }
}
