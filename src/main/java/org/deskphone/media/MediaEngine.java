package org.deskphone.media;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.deskphone.hal.AudioDevice;
import org.deskphone.hal.AudioFormat;
import org.deskphone.hal.AudioStream;
import org.deskphone.hal.linux.Outcome;
import org.deskphone.hal.linux.RealTime;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.media.codec.CodecSettings;
import org.deskphone.media.mixer.ConferenceMixer;
import org.deskphone.media.tones.Tone;
import org.deskphone.media.tones.TonePlayer;
import org.tinylog.Logger;

/**
 * The phone's real-time audio: one media thread, the sound card's own, serves every stream. Per frame it
 * applies the commands the phone loop queued, plays the local tone, pulls a frame from each leg's jitter
 * buffer, mixes (speaker, and mix-minus for a local conference), and sends each leg its frame. Socket
 * threads only unprotect packets and hand them over without locks. The sound card is opened while a stream
 * or a tone needs it and closed after.
 *
 * <p>The phone loop owns the engine's control methods ({@link #openStream}, tones, {@link #conference},
 * {@link #reconfigure}); they never wait for the media thread. Events go back to the loop through
 * {@link MediaListener}. The media thread asks Linux for real-time priority when it starts
 * ({@link RealTime#raiseCurrentThread}); the first answer is logged at info, later ones at debug.
 */
public final class MediaEngine implements AutoCloseable {
    private static final int MAX_LEGS = 12;
    /** Whether a media thread's priority request was logged at info yet: the answer is the same every call. */
    private static final AtomicBoolean PRIORITY_LOGGED = new AtomicBoolean();

    private final AudioDevice device;
    private final PhoneLoop loop;
    private final MediaListener listener;
    private volatile MediaSettings settings;
    private final AudioFormat format;
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();

    // Owned by the media thread.
    private final Leg[] legs = new Leg[MAX_LEGS];
    private int legCount;
    private TonePlayer tone;
    private final ConferenceMixer mixer;
    private final short[][] legIn = new short[MAX_LEGS][];
    private final short[][] legOut = new short[MAX_LEGS][];
    private final boolean[] heard = new boolean[MAX_LEGS];
    private final boolean[] conferenced = new boolean[MAX_LEGS];
    private volatile long frames;
    private volatile long frameStartNanos;
    /** Set when the sound card opens: its thread asks for real-time priority at its first frame. */
    private volatile boolean threadStarting;
    /** The thread that opened the sound card; frames on that same thread come from a test driving an in-memory card. */
    private volatile Thread opener;

    // Owned by the phone loop.
    private final List<MediaStream> open = new ArrayList<>();
    private boolean toneOn;
    private AudioStream audio;

    public MediaEngine(AudioDevice device, PhoneLoop loop, MediaSettings settings, MediaListener listener) {
        this.device = Objects.requireNonNull(device, "device");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.format = new AudioFormat(settings.deviceSampleRate(), settings.frameMillis());
        int samples = format.samplesPerFrame();
        this.mixer = new ConferenceMixer(samples);
        for (int i = 0; i < MAX_LEGS; i++) {
            legIn[i] = new short[samples];
            legOut[i] = new short[samples];
        }
    }

    public MediaSettings settings() {
        return settings;
    }

    /**
     * Takes new settings (a configuration change): streams opened from now on use its ports, DSCP and codec
     * settings, and every stream uses its jitter buffer and DTMF settings from its next {@link MediaStream#update};
     * the RTP timeout, symmetric RTP and the conference size apply at once. The sound card's rate and frame
     * cannot change while the engine runs.
     */
    public synchronized void reconfigure(MediaSettings next) {
        Objects.requireNonNull(next, "next");
        if (next.deviceSampleRate() != format.sampleRate() || next.frameMillis() != format.frameMillis()) {
            throw new IllegalArgumentException("the sound card runs at " + format + "; a new rate or frame needs a new engine");
        }
        settings = next;
    }

    public AudioFormat format() {
        return format;
    }

    int frameSamples() {
        return format.samplesPerFrame();
    }

    /**
     * Reserves RTP and RTCP ports for a new stream and opens the sound card if needed. The stream is silent
     * until {@link MediaStream#start}. Fails with a message naming the port range when none is free.
     */
    public synchronized MediaStream openStream(String name) throws IOException {
        return openStream(name, settings.bindAddress(), settings.codecs());
    }

    /**
     * {@link #openStream(String)} on {@code bindAddress} (the address a call's SDP names: the one its SIP
     * runs on, IPv4 or IPv6) with {@code codecs} for this stream (the account's Opus settings).
     */
    public synchronized MediaStream openStream(String name, InetAddress bindAddress, CodecSettings codecs) throws IOException {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(codecs, "codecs");
        if (open.size() >= MAX_LEGS) {
            throw new IOException("no more than " + MAX_LEGS + " media streams at once");
        }
        MediaStream stream = new MediaStream(this, settings, bindAddress, codecs, name);
        open.add(stream);
        ensureAudio();
        command(() -> addLeg(stream.leg()));
        return stream;
    }

    /** Plays a call-progress tone on the speaker, replacing any tone playing. */
    public synchronized void playTone(Tone toPlay) {
        startTone(TonePlayer.of(toPlay, format.sampleRate()));
    }

    /** Plays a recording (a ring tone) at the device's rate, once or looping. */
    public synchronized void playRecording(short[] pcm, boolean loopIt) {
        startTone(TonePlayer.of(pcm.clone(), loopIt, format.sampleRate()));
    }

    private void startTone(TonePlayer player) {
        toneOn = true;
        ensureAudio();
        command(() -> tone = player);
    }

    public synchronized void stopTone() {
        toneOn = false;
        command(() -> tone = null);
        releaseAudioIfIdle();
    }

    /**
     * Puts exactly these streams in the local conference: each hears the phone and the others; the others
     * leave it. At most {@code conferencePartyMax - 1} streams (the phone is a party too).
     */
    public synchronized void conference(Collection<MediaStream> members) {
        int limit = settings.conferencePartyMax() - 1;
        if (members.size() > limit) {
            throw new IllegalArgumentException("a local conference holds " + settings.conferencePartyMax()
                    + " parties, this phone included; " + (members.size() + 1) + " asked");
        }
        List<Leg> chosen = new ArrayList<>();
        for (MediaStream member : members) {
            chosen.add(member.leg());
        }
        command(() -> {
            for (int i = 0; i < legCount; i++) {
                legs[i].conferenced = chosen.contains(legs[i]);
            }
        });
    }

    @Override
    public synchronized void close() {
        for (MediaStream stream : new ArrayList<>(open)) {
            stream.stop();
        }
        toneOn = false;
        closeAudio();
    }

    // --- called by MediaStream on the phone loop ---

    synchronized void remove(MediaStream stream) {
        open.remove(stream);
        command(() -> removeLeg(stream.leg()));
        releaseAudioIfIdle();
    }

    void command(Runnable command) {
        commands.add(command);
    }

    void applyOnMediaThread(Leg leg, Leg.Config config) {
        leg.apply(config, mediaClock());
    }

    private void ensureAudio() {
        if (audio == null) {
            opener = Thread.currentThread();
            threadStarting = true;
            audio = device.open(format, this::frame, e -> loop.post(() -> listener.audioDeviceFailed(e)));
            Logger.debug("audio device {} open at {}", device.name(), format);
        }
    }

    private void releaseAudioIfIdle() {
        if (open.isEmpty() && !toneOn) {
            closeAudio();
        }
    }

    private void closeAudio() {
        if (audio != null) {
            audio.close();
            audio = null;
            // The media thread has stopped: finish its pending work here.
            Runnable command;
            while ((command = commands.poll()) != null) {
                command.run();
            }
            Logger.debug("audio device {} closed", device.name());
        }
    }

    // --- the media thread ---

    /** Nanoseconds of media time: frames played, plus the time into the current frame. */
    long mediaClock() {
        long into = System.nanoTime() - frameStartNanos;
        long frame = format.frameNanos();
        return frames * frame + Math.max(0, Math.min(frame, into));
    }

    private void addLeg(Leg leg) {
        if (legCount < MAX_LEGS) {
            legs[legCount++] = leg;
        }
    }

    private void removeLeg(Leg leg) {
        for (int i = 0; i < legCount; i++) {
            if (legs[i] == leg) {
                legs[i] = legs[--legCount];
                legs[legCount] = null;
                return;
            }
        }
    }

    private void frame(short[] captured, short[] playback) {
        if (threadStarting) {
            threadStarting = false;
            raisePriority();
        }
        frameStartNanos = System.nanoTime();
        frames++;
        long now = frames * format.frameNanos();
        Runnable command;
        while ((command = commands.poll()) != null) {
            command.run();
        }
        int samples = playback.length;
        java.util.Arrays.fill(playback, (short) 0);
        TonePlayer player = tone;
        if (player != null && !player.add(playback, 0, samples)) {
            tone = null;
        }
        int n = legCount;
        for (int i = 0; i < n; i++) {
            Leg leg = legs[i];
            leg.receive(legIn[i], samples, now);
            heard[i] = leg.hears();
            conferenced[i] = leg.conferenced;
        }
        mixer.mix(captured, legIn, heard, conferenced, n, playback, legOut, samples);
        for (int i = 0; i < n; i++) {
            legs[i].send(legOut[i], samples, now);
        }
    }

    /** Once per sound-card thread, at its first frame: SCHED_FIFO where Linux allows it. */
    private void raisePriority() {
        if (Thread.currentThread() == opener) {
            Logger.debug("frames run on the thread that opened {} (a test's in-memory card): its priority is left alone", device.name());
            return;
        }
        Outcome outcome = RealTime.get().raiseCurrentThread(RealTime.MEDIA_PRIORITY);
        if (PRIORITY_LOGGED.compareAndSet(false, true)) {
            Logger.info("media thread priority: {}", outcome);
        } else {
            Logger.debug("media thread priority: {}", outcome);
        }
    }

    // --- events, posted to the phone loop (not per frame: a handful per call) ---

    void dtmfReceived(MediaStream stream, char digit, int millis) {
        loop.post(() -> listener.dtmfReceived(stream, digit, millis));
    }

    void mediaTimeout(MediaStream stream, int seconds) {
        loop.post(() -> listener.mediaTimeout(stream, seconds));
    }

    void mediaResumed(MediaStream stream) {
        loop.post(() -> listener.mediaResumed(stream));
    }

    void remoteSsrcChanged(MediaStream stream, long oldSsrc, long newSsrc) {
        loop.post(() -> listener.remoteSsrcChanged(stream, oldSsrc, newSsrc));
    }

    void streamStopped(MediaStream stream, StreamStatistics statistics) {
        loop.post(() -> listener.streamStopped(stream, statistics));
    }
}
