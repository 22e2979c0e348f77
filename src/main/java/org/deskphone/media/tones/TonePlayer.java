package org.deskphone.media.tones;

import java.util.List;

/**
 * Plays a {@link Tone} or a ring-tone recording into PCM at the device's rate, adding to what is there.
 * {@link #start} prepares everything (on the caller's thread, before the media thread sees it); {@link #add}
 * runs on the media thread and allocates nothing.
 */
public final class TonePlayer {
    private static final double LEVEL = 5000; // per frequency, about -16 dBFS
    private final int sampleRate;

    private double[][] steps = new double[0][];
    private double[][] phases = new double[0][];
    private int[] lengths = new int[0];
    private int preludeCount;
    private int segment;
    private int position;
    private short[] recording;
    private boolean loopRecording;
    private boolean playing;

    public TonePlayer(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    /** A player ready to play {@code tone}. */
    public static TonePlayer of(Tone tone, int sampleRate) {
        TonePlayer player = new TonePlayer(sampleRate);
        player.start(tone);
        return player;
    }

    /** A player ready to play a recording at the player's rate, once or looping. */
    public static TonePlayer of(short[] recording, boolean loop, int sampleRate) {
        TonePlayer player = new TonePlayer(sampleRate);
        player.recording = recording;
        player.loopRecording = loop;
        player.playing = recording.length > 0;
        return player;
    }

    private void start(Tone tone) {
        int n = tone.prelude().size() + tone.cycle().size();
        steps = new double[n][];
        phases = new double[n][];
        lengths = new int[n];
        preludeCount = tone.prelude().size();
        for (int i = 0; i < n; i++) {
            Tone.Segment s = i < preludeCount ? tone.prelude().get(i) : tone.cycle().get(i - preludeCount);
            List<Integer> frequencies = s.frequencies();
            steps[i] = new double[frequencies.size()];
            phases[i] = new double[frequencies.size()];
            for (int f = 0; f < frequencies.size(); f++) {
                steps[i][f] = 2 * Math.PI * frequencies.get(f) / sampleRate;
            }
            lengths[i] = s.durationMillis() == Tone.Segment.FOREVER ? -1 : (int) ((long) s.durationMillis() * sampleRate / 1000);
        }
        segment = 0;
        position = 0;
        playing = true;
        skipEmpty();
    }

    public boolean playing() {
        return playing;
    }

    /** Adds the next {@code samples} samples of the tone to {@code pcm}; returns false once it has ended. */
    public boolean add(short[] pcm, int offset, int samples) {
        if (!playing) {
            return false;
        }
        if (recording != null) {
            for (int i = 0; i < samples && playing; i++) {
                pcm[offset + i] = saturate(pcm[offset + i] + recording[position++]);
                if (position == recording.length) {
                    position = 0;
                    playing = loopRecording;
                }
            }
            return true;
        }
        for (int i = 0; i < samples && playing; i++) {
            double[] step = steps[segment];
            double[] phase = phases[segment];
            double level = step.length > 2 ? LEVEL * 2 / step.length : LEVEL;
            double value = 0;
            for (int f = 0; f < step.length; f++) {
                value += Math.sin(phase[f]);
                phase[f] += step[f];
                if (phase[f] > 2 * Math.PI) {
                    phase[f] -= 2 * Math.PI;
                }
            }
            pcm[offset + i] = saturate(pcm[offset + i] + (int) Math.round(value * level));
            position++;
            if (lengths[segment] >= 0 && position >= lengths[segment]) {
                nextSegment();
            }
        }
        return true;
    }

    private void nextSegment() {
        position = 0;
        segment++;
        if (segment >= lengths.length) {
            if (lengths.length == preludeCount) {
                playing = false;
                return;
            }
            segment = preludeCount;
        }
        skipEmpty();
    }

    /** Zero-length segments are skipped; a cycle of only zero-length segments ends the tone. */
    private void skipEmpty() {
        int guard = 0;
        while (playing && lengths[segment] == 0) {
            if (++guard > lengths.length + 1) {
                playing = false;
                return;
            }
            segment++;
            if (segment >= lengths.length) {
                if (lengths.length == preludeCount) {
                    playing = false;
                    return;
                }
                segment = preludeCount;
            }
        }
    }

    private static short saturate(int v) {
        return (short) (v > 32767 ? 32767 : Math.max(v, -32768));
    }
}
