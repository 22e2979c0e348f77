package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.deskphone.hal.Board;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.Key;
import org.deskphone.hal.Led;
import org.deskphone.hal.LedState;
import org.deskphone.hal.mock.MemoryNetwork;
import org.deskphone.hal.mock.MockDisplay;
import org.deskphone.hal.mock.MockHookSwitch;
import org.deskphone.hal.mock.MockKeypad;
import org.deskphone.hal.mock.MockLeds;
import org.deskphone.hal.mock.PcBoard;
import org.deskphone.sip.Call;
import org.deskphone.testing.Baresip;
import org.deskphone.testing.BaresipPeer;
import org.deskphone.testing.Kamailio;
import org.deskphone.testing.Peers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phone as {@code deskphone run} composes it (the lifecycle, the PC board's mock keypad, hook, LCD and
 * LEDs, the real SIP user agent), registered as 2001 at Kamailio, used by a person at its keys against
 * baresip: calls out and hangs up, takes a call by lifting the handset, holds and resumes, and transfers.
 */
@ExtendWith(Peers.class)
class PhoneCallIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataRoot;
    private Lifecycle lifecycle;
    private Thread runner;
    private Phone phone;
    /** The PC board's own mock drivers (the phone runs on them through the web UI's front panel). */
    private volatile Board board;

    @AfterEach
    void stopThePhone() throws Exception {
        if (lifecycle != null) {
            assertThat(lifecycle.stopAndWait(Duration.ofSeconds(5))).isTrue();
            runner.join(5000);
        }
    }

    private void start(Kamailio kamailio) throws Exception {
        DataFolder data = DataFolder.open(dataRoot);
        CommandLine deskphone = new CommandLine();
        assertThat(deskphone.run("config", "set", "--data", data.root().toString(), "account.1.enable=1", "account.1.user_name=2001",
                "account.1.password=" + Kamailio.password("2001"), "account.1.sip_server.1.address=127.0.0.1",
                "account.1.sip_server.1.port=" + kamailio.port(), "account.1.sip_server.1.expires=300",
                "account.1.sip_listen_port=0")).as(deskphone.err()).isZero();
        BoardDescriptor pc = BoardDescriptor.load(Path.of("board"), "pc");
        BlockingQueue<Phone> ready = new LinkedBlockingQueue<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        lifecycle = new Lifecycle(() -> {
            board = PcBoard.create(pc, null, null).withNetwork(MemoryNetwork.connected());
            return board;
        }, data, ready::add);
        runner = new Thread(() -> {
            try {
                lifecycle.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "lifecycle");
        runner.start();
        phone = ready.poll(10, TimeUnit.SECONDS);
        assertThat(phone).as("the phone came up (%s)", failure.get()).isNotNull();
        await("registered: the idle screen shows the line", () -> screen().contains("\u260E2001"));
        assertThat(led(Led.line(1))).isEqualTo(LedState.on(LedState.Color.GREEN));
    }

    @Test
    void liftDialTalkHangUp(Kamailio kamailio, @BaresipPeer(user = "2002") Baresip callee) throws Exception {
        start(kamailio);
        callee.control().forgetEvents();
        hook().lift();
        await("the dialling screen", () -> line(0).startsWith("Dial"));
        keypad().type("2002");
        keypad().press(Key.of(Key.Kind.OK));
        callee.control().awaitEvent("CALL_ESTABLISHED", WAIT);
        await("the talking screen", () -> line(0).startsWith("Talking") && screen().contains("PCMU/8000"));
        assertThat(screen()).contains("2002");

        keypad().press(Key.of(Key.Kind.HOLD));
        await("the call on hold", () -> screen().contains("On hold") && onLoop(() -> phone.sip().orElseThrow().calls().get(0).onHold()));
        keypad().press(Key.of(Key.Kind.HOLD));
        await("the call resumed", () -> line(0).startsWith("Talking") && !onLoop(() -> phone.sip().orElseThrow().calls().get(0).onHold()));

        hook().hangUp();
        callee.control().awaitEvent("CALL_CLOSED", WAIT);
        await("the idle screen", () -> line(0).startsWith("deskphone"));
        assertThat(onLoop(() -> phone.telephone().history().entries().get(0).number())).contains("2002");
    }

    @Test
    void aCallRingsAndTheHandsetAnswersIt(Kamailio kamailio,
            @BaresipPeer(user = "frank", autoAnswer = false, record = true, audio = "60 whitenoise vol 0.4") Baresip frank) throws Exception {
        start(kamailio);
        frank.control().forgetEvents();
        frank.control().command("dial", kamailio.uri("2001"));
        await("the ringing screen", () -> screen().contains("Incoming") && screen().contains("frank"));
        assertThat(led(Led.line(1)).pattern()).isNotIn(LedState.Pattern.ON, LedState.Pattern.OFF);
        hook().lift();
        frank.control().awaitEvent("CALL_ESTABLISHED", WAIT);
        await("the talking screen", () -> line(0).startsWith("Talking"));
        frank.control().command("hangup", null);
        await("the call ended", () -> onLoop(() -> phone.sip().orElseThrow().calls().isEmpty()));
        hook().hangUp();
        await("the idle screen", () -> line(0).startsWith("deskphone"));
    }

    /** Transfer, dial the target, Blind transfer: baresip is asked to call 2003 and does (REFER, RFC 3515). */
    @Test
    void blindTransferFromTheKeys(Kamailio kamailio, @BaresipPeer(user = "2002") Baresip transferee,
            @BaresipPeer(user = "2003") Baresip target) throws Exception {
        start(kamailio);
        transferee.control().forgetEvents();
        target.control().forgetEvents();
        hook().lift();
        keypad().type("2002");
        keypad().press(Key.of(Key.Kind.OK));
        transferee.control().awaitEvent("CALL_ESTABLISHED", WAIT);
        await("the talking screen", () -> line(0).startsWith("Talking"));
        keypad().press(Key.of(Key.Kind.TRANSFER));
        await("the transfer dialling", () -> line(0).startsWith("Transfer to"));
        keypad().type("2003");
        pressSoft("BXfr");
        target.control().awaitEvent("CALL_ESTABLISHED", WAIT);
        await("our call ended once transferred", () -> onLoop(() -> phone.sip().orElseThrow().calls().isEmpty()));
        hook().hangUp();
        await("the idle screen", () -> line(0).startsWith("deskphone"));
        target.control().command("hangup", null);
        transferee.control().awaitEvent("CALL_CLOSED", WAIT);
    }

    /** Mute, then Conference, dial the third party, Conference again: the engine's mixer joins all three. */
    @Test
    void muteAndThreeWayConference(Kamailio kamailio, @BaresipPeer(user = "2002") Baresip second,
            @BaresipPeer(user = "2003") Baresip third) throws Exception {
        start(kamailio);
        second.control().forgetEvents();
        third.control().forgetEvents();
        hook().lift();
        keypad().type("2002");
        keypad().press(Key.of(Key.Kind.OK));
        second.control().awaitEvent("CALL_ESTABLISHED", WAIT);
        await("the talking screen", () -> line(0).startsWith("Talking"));
        keypad().press(Key.of(Key.Kind.MUTE));
        await("muted", () -> screen().contains("Muted") && onLoop(() -> phone.sip().orElseThrow().calls().get(0).muted()));
        keypad().press(Key.of(Key.Kind.MUTE));
        await("unmuted", () -> !onLoop(() -> phone.sip().orElseThrow().calls().get(0).muted()));

        keypad().press(Key.of(Key.Kind.CONFERENCE));
        await("the add-party dialling", () -> line(0).startsWith("Add party"));
        keypad().type("2003");
        keypad().press(Key.of(Key.Kind.OK));
        third.control().awaitEvent("CALL_ESTABLISHED", WAIT);
        await("the second call talking", () -> onLoop(() -> phone.sip().orElseThrow().calls().size() == 2
                && phone.sip().orElseThrow().calls().stream().allMatch(c -> c.state() == Call.State.CONNECTED)));
        keypad().press(Key.of(Key.Kind.CONFERENCE));
        await("the conference", () -> screen().contains("Conference") && onLoop(
                () -> phone.sip().orElseThrow().calls().stream().noneMatch(Call::onHold)));
        assertThat(screen()).doesNotContain("No audio mixer");

        hook().hangUp();
        second.control().awaitEvent("CALL_CLOSED", WAIT);
        third.control().awaitEvent("CALL_CLOSED", WAIT);
        await("the idle screen", () -> line(0).startsWith("deskphone"));
    }

    // ------------------------------------------------------------------ the person at the phone

    private MockKeypad keypad() {
        return (MockKeypad) board.keypad();
    }

    private MockHookSwitch hook() {
        return (MockHookSwitch) board.hook();
    }

    private String screen() {
        return ((MockDisplay) board.display()).text();
    }

    private String line(int row) {
        return ((MockDisplay) board.display()).screen().line(row);
    }

    private LedState led(Led led) {
        return ((MockLeds) board.leds()).state(led);
    }

    private void pressSoft(String label) throws Exception {
        List<String> labels = onLoop(() -> phone.faceplate().softKeyLabels());
        int slot = labels.indexOf(label);
        assertThat(slot).as("soft key %s among %s", label, labels).isNotNegative();
        keypad().press(Key.soft(slot + 1));
    }

    private <T> T onLoop(java.util.function.Supplier<T> question) {
        try {
            return phone.loop().ask(question).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what + "; the screen:\n" + screen());
    }
}
