package org.deskphone.media;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.deskphone.hal.AudioDevice;
import org.deskphone.hal.AudioFormat;
import org.deskphone.hal.AudioStream;
import org.deskphone.loop.PhoneLoop;
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
 * <p>The phone loop owns the engine's control methods ({@link #openStream}, tones, {@link #conference});
 * they never wait for the media thread. Events go back to the loop through {@link MediaListener}.
 */
public final class MediaEngine implements AutoCloseable {
    private static final int MAX_LEGS = 12;

    private final AudioDevice device;
    private final PhoneLoop loop;
    private final MediaListener listener;
    private final MediaSettings settings;
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
        if (open.size() >= MAX_LEGS) {
            throw new IOException("no more than " + MAX_LEGS + " media streams at once");
        }
        MediaStream stream = new MediaStream(this, settings, name);
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
