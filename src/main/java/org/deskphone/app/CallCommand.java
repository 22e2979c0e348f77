package org.deskphone.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deskphone.config.Config;
import org.deskphone.config.ConfigStore;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.mock.WavAudioDevice;
import org.deskphone.loop.Clock;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.net.Dscp;
import org.deskphone.net.NetConfiguration;
import org.deskphone.net.Qos;
import org.deskphone.sip.Account;
import org.deskphone.sip.Call;
import org.deskphone.sip.MediaStatistics;
import org.deskphone.sip.RegistrationStatus;
import org.deskphone.sip.SipEvents;
import org.deskphone.sip.SipSettings;
import org.deskphone.sip.UserAgent;
import org.deskphone.voice.PhoneAudio;

/**
 * {@code deskphone call URI [--data DIR] [--account N] [--play WAV] [--record WAV] [--seconds N] [--dtmf DIGITS]}:
 * one call with the whole SIP stack and the media engine, and no screen. It registers first when the account
 * has a server, plays the WAV as the microphone (the sound card runs at the WAV's rate) and records what it
 * hears, sends the digits once answered, hangs up after the given seconds, and prints progress, the codec and
 * SRTP suite agreed, and the call's statistics. Exit 0 when the call was answered and ended normally, 1 otherwise.
 */
final class CallCommand implements Command {
    private static final Duration REGISTER_WAIT = Duration.ofSeconds(15);
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(60);

    @Override
    public String summary() {
        return "place one call headless: call URI [--account N] [--play WAV] [--record WAV] [--seconds N] [--dtmf DIGITS]";
    }

    @Override
    public Set<String> options() {
        return Set.of("board", "data", "log-level", "account", "play", "record", "seconds", "dtmf");
    }

    @Override
    public int run(Arguments arguments, Console console) throws Exception {
        if (arguments.rest().size() != 1) {
            throw new IllegalArgumentException("give exactly one address to call, e.g. sip:bob@example.com");
        }
        String target = arguments.rest().get(0);
        BoardDescriptor board = Main.board(arguments);
        DataFolder data = DataFolder.open(Main.dataPath(arguments, board));
        Logging.toConsole(arguments.option("log-level").orElse("warn"));
        int accountIndex = number(arguments.option("account"), 1, "--account");
        int seconds = number(arguments.option("seconds"), 10, "--seconds");
        Optional<Path> play = arguments.option("play").map(Path::of);
        Optional<Path> record = arguments.option("record").map(Path::of);
        String digits = arguments.option("dtmf").orElse("");

        // Any free port: a call must not fight a running phone for 5060.
        Config config = ConfigStore.read(data.root().resolve(Lifecycle.CONFIG_FOLDER));
        SipSettings settings = SipSetup.settings(data, config, board, Map.of("account.1.sip_listen_port", "0"));
        PhoneLoop loop = new PhoneLoop(Clock.system());
        loop.start("phone-loop");
        Progress progress = new Progress(console);
        PhoneAudio audio = PhoneAudio.open(new WavAudioDevice(play.orElse(null), record.orElse(null)), loop, config,
                voiceDscp(config, board, data));
        UserAgent ua;
        try {
            ua = UserAgent.start(settings, audio.calls(), loop, progress);
        } catch (Exception e) {
            audio.close();
            loop.stop(Duration.ofSeconds(1));
            throw e;
        }
        try {
            Optional<Account> account = loop.ask(() -> ua.account(accountIndex)).get(5, TimeUnit.SECONDS);
            if (account.isEmpty() && arguments.option("account").isPresent()) {
                console.err().println("deskphone call: account " + accountIndex + " is not configured in " + data.root()
                        + " (set it with 'deskphone config set', the web UI or provisioning)");
                return Main.FAILED;
            }
            if (account.isPresent() && account.get().settings().registers()) {
                console.out().println("registering " + account.get().addressOfRecord());
                if (!progress.registered.await(REGISTER_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    console.err().println("deskphone call: " + loop.ask(() -> account.get().registration().describe()).get(5, TimeUnit.SECONDS));
                    return Main.FAILED;
                }
            }
            console.out().println("calling " + target);
            Call call = loop.ask(() -> ua.dial(account.orElse(null), target)).get(5, TimeUnit.SECONDS);
            progress.follow(call);
            if (!progress.answered.await(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS) || !progress.connected) {
                progress.ended.await(5, TimeUnit.SECONDS);
                loop.ask(() -> {
                    call.hangUp();
                    return null;
                }).get(5, TimeUnit.SECONDS);
                console.out().println("not answered: " + loop.ask(() -> call.ending().map(Call.Ending::reason).orElse("no answer"))
                        .get(5, TimeUnit.SECONDS));
                return Main.FAILED;
            }
            if (!digits.isEmpty()) {
                loop.post(() -> call.sendDtmf(digits));
                console.out().println("sent DTMF " + digits);
            }
            boolean endedByPeer = progress.ended.await(seconds, TimeUnit.SECONDS);
            if (!endedByPeer) {
                loop.ask(() -> {
                    call.hangUp();
                    return null;
                }).get(5, TimeUnit.SECONDS);
                progress.ended.await(5, TimeUnit.SECONDS);
            }
            MediaStatistics statistics = progress.statistics;
            console.out().println("ended: " + loop.ask(() -> call.ending().map(Call.Ending::reason).orElse("?")).get(5, TimeUnit.SECONDS));
            console.out().println("statistics: " + (statistics == null ? MediaStatistics.NONE : statistics).describe());
            return Main.OK;
        } finally {
            ua.stop(Duration.ofMillis(2500));
            audio.close();
            loop.stop(Duration.ofSeconds(1));
            Logging.shutdown();
        }
    }

    /** The voice DSCP as the network would decide it from the configuration, without a switch to ask. */
    private static Dscp voiceDscp(Config config, BoardDescriptor board, DataFolder data) {
        Qos.Settings qos = NetConfiguration.read(config, board.model(), data.root().resolve("network")).qos();
        return Qos.decide(qos, Optional.empty(), OptionalInt.empty()).rtp();
    }

    private static int number(Optional<String> text, int fallback, String option) {
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + text.get() + "'", e);
        }
    }

    /** Prints what happens, on the phone loop, and lets the command wait for it. */
    private static final class Progress implements SipEvents {
        final CountDownLatch registered = new CountDownLatch(1);
        final CountDownLatch answered = new CountDownLatch(1);
        final CountDownLatch ended = new CountDownLatch(1);
        private final Console console;
        private Call call;
        private Call.State last;
        volatile boolean connected;
        volatile MediaStatistics statistics;

        Progress(Console console) {
            this.console = console;
        }

        void follow(Call dialled) {
            this.call = dialled;
        }

        @Override
        public void registrationChanged(Account account, RegistrationStatus status) {
            if (status instanceof RegistrationStatus.Registered) {
                console.out().println(status.describe());
                registered.countDown();
            } else if (status instanceof RegistrationStatus.Failed failed) {
                console.out().println(failed.describe());
            }
        }

        @Override
        public void callChanged(Call changed) {
            if (changed != call && call != null) {
                return;
            }
            if (changed.state() != last) {
                last = changed.state();
                switch (changed.state()) {
                    case RINGBACK -> console.out().println("ringing");
                    case CONNECTED -> {
                        connected = true;
                        console.out().println("answered: " + changed.audio().map(Object::toString).orElse("no audio"));
                        answered.countDown();
                    }
                    case ENDED -> {
                        statistics = changed.statistics();
                        answered.countDown();
                        ended.countDown();
                    }
                    default -> {
                    }
                }
            }
            if (changed.state() == Call.State.ENDED) {
                statistics = changed.statistics();
                ended.countDown();
            }
        }

        @Override
        public void dtmfReceived(Call from, char digit) {
            console.out().println("received DTMF " + digit);
        }
    }
}
