package org.deskphone.sip;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.deskphone.hal.AudioDevice;
import org.deskphone.hal.mock.WavAudioDevice;
import org.deskphone.loop.Clock;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.media.MediaSettings;
import org.deskphone.media.PortRange;
import org.deskphone.testing.FreePort;
import org.deskphone.voice.EngineCallMedia;
import org.deskphone.voice.PhoneAudio;

/**
 * A phone's SIP side for interop tests: a real phone loop on its own thread, a real user agent and the media
 * engine on a WAV sound card (at the rate of the WAV it plays), with every event it reports kept for the test
 * to wait on. Closing it unregisters, stops the stack and closes the sound card.
 */
final class TestPhone implements AutoCloseable {
    final PhoneLoop loop = new PhoneLoop(Clock.system());
    final EngineCallMedia media;
    final UserAgent ua;
    final List<String> log = new CopyOnWriteArrayList<>();
    final List<Call> incoming = new CopyOnWriteArrayList<>();
    final List<Character> dtmf = new CopyOnWriteArrayList<>();
    final List<MessageSummary> messages = new CopyOnWriteArrayList<>();
    final List<CheckSync> checkSyncs = new CopyOnWriteArrayList<>();
    final List<Call[]> replaced = new CopyOnWriteArrayList<>();
    final List<RegistrationStatus> statuses = new CopyOnWriteArrayList<>();
    private int taken;

    private TestPhone(SipSettings settings, AudioDevice audio) throws SipStartException {
        loop.start("phone-loop-test");
        int rtp = FreePort.udpRange(40);
        media = new EngineCallMedia(audio, loop, MediaSettings.defaults(InetAddress.getLoopbackAddress())
                .withPorts(new PortRange(rtp, rtp + 39)).withDevice(PhoneAudio.deviceRate(audio), 20));
        ua = UserAgent.start(settings, media, loop, new SipEvents() {
            @Override
            public void registrationChanged(Account account, RegistrationStatus status) {
                statuses.add(status);
                log.add("account " + account.index() + ": " + status.describe());
            }

            @Override
            public void incomingCall(Call call) {
                incoming.add(call);
                log.add("incoming " + call);
            }

            @Override
            public void callChanged(Call call) {
                log.add("changed " + call);
            }

            @Override
            public void dtmfReceived(Call call, char digit) {
                dtmf.add(digit);
            }

            @Override
            public void messageWaiting(Account account, MessageSummary summary) {
                messages.add(summary);
            }

            @Override
            public void checkSync(CheckSync request) {
                checkSyncs.add(request);
            }

            @Override
            public void callReplaced(Call original, Call replacement) {
                replaced.add(new Call[] {original, replacement});
            }
        });
    }

    static TestPhone start(SipSettings settings) throws SipStartException {
        return new TestPhone(settings, new WavAudioDevice(null, null));
    }

    static TestPhone start(SipSettings settings, Path play, Path record) throws SipStartException {
        return new TestPhone(settings, new WavAudioDevice(play, record));
    }

    /** Settings listening on free ports of 127.0.0.1 (and ::1 when asked), with {@code accounts}. */
    static SipSettings.Builder settings(boolean ipv6, AccountSettings... accounts) throws Exception {
        List<InetAddress> addresses = ipv6 ? List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"))
                : List.of(InetAddress.getByName("127.0.0.1"));
        return SipSettings.builder().addresses(addresses).port(0).tlsPort(0).accounts(List.of(accounts)).userAgent("deskphone-test");
    }

    <T> T onLoop(Supplier<T> question) {
        try {
            return loop.ask(question).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the phone loop did not answer: " + e, e);
        }
    }

    void run(Runnable action) {
        onLoop(() -> {
            action.run();
            return null;
        });
    }

    Account account(int index) {
        return onLoop(() -> ua.account(index).orElseThrow());
    }

    RegistrationStatus registration(int index) {
        return onLoop(() -> ua.account(index).orElseThrow().registration());
    }

    /** Waits until {@code condition} holds on the loop; fails with the phone's event log otherwise. */
    void await(String what, Duration timeout, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (onLoop(condition)) {
                return;
            }
            sleep(25);
        }
        throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; the phone saw:\n" + String.join("\n", log));
    }

    RegistrationStatus awaitRegistration(int index, Predicate<RegistrationStatus> wanted, String what) {
        await("account " + index + " " + what, Duration.ofSeconds(20), () -> wanted.test(ua.account(index).orElseThrow().registration()));
        return registration(index);
    }

    RegistrationStatus awaitRegistered(int index) {
        return awaitRegistration(index, s -> s instanceof RegistrationStatus.Registered, "registered");
    }

    /** The next incoming call this test has not taken yet (it may already be answered or ended). */
    Call awaitIncoming() {
        await("an incoming call", Duration.ofSeconds(15), () -> incoming.size() > taken);
        return incoming.get(taken++);
    }

    void awaitState(Call call, Call.State state) {
        await(call + " to be " + state, Duration.ofSeconds(15), () -> call.state() == state);
    }

    Call dial(int account, String target) {
        return onLoop(() -> ua.dial(account == 0 ? null : ua.account(account).orElseThrow(), target));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    @Override
    public void close() {
        try {
            ua.stop(Duration.ofMillis(2500));
            media.close();
        } finally {
            loop.stop(Duration.ofSeconds(2));
        }
    }
}
