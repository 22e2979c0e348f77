package org.deskphone.media.tones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToneTest {
    private static final int RATE = 8000;

    /** Power share of {@code frequency} in pcm[from, to), 1.0 for a pure tone. */
    static double share(short[] pcm, int from, int to, double frequency) {
        double c = 0;
        double s = 0;
        double total = 0;
        for (int i = from; i < to; i++) {
            c += pcm[i] * Math.cos(2 * Math.PI * frequency * i / RATE);
            s += pcm[i] * Math.sin(2 * Math.PI * frequency * i / RATE);
            total += (double) pcm[i] * pcm[i];
        }
        return total == 0 ? 0 : (c * c + s * s) * 2 / (to - from) / total;
    }

    static double rms(short[] pcm, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    static short[] play(Tone tone, int seconds) {
        TonePlayer player = TonePlayer.of(tone, RATE);
        short[] pcm = new short[RATE * seconds];
        for (int i = 0; i < pcm.length; i += 160) {
            player.add(pcm, i, 160);
        }
        return pcm;
    }

    /** E-68, seed L4831-4833. */
    @Test
    void aleExampleSegmentsPlayInTurnAndRepeat() {
        short[] pcm = play(ToneGrammar.ALE.parse("200/1000; 0/1000; 200+2000/1000"), 4);
        assertThat(share(pcm, 100, 7900, 200)).isGreaterThan(0.99);
        assertThat(rms(pcm, 8100, 15900)).isZero();
        assertThat(share(pcm, 16100, 23900, 200)).isBetween(0.45, 0.55);
        assertThat(share(pcm, 16100, 23900, 2000)).isBetween(0.45, 0.55);
        assertThat(share(pcm, 24100, 31900, 200)).as("and again from the start").isGreaterThan(0.99);
    }

    /** E-69, seed L4837-4838. */
    @Test
    void aGroupWithoutDurationPlaysForever() {
        short[] pcm = play(ToneGrammar.ALE.parse("200/1000; 300"), 5);
        assertThat(share(pcm, 100, 7900, 200)).isGreaterThan(0.99);
        assertThat(share(pcm, 8100, 39900, 300)).isGreaterThan(0.99);
    }

    /** E-70, seed L4840-4841. */
    @Test
    void aLeadingBangPlaysOnce() {
        Tone tone = ToneGrammar.ALE.parse("! 200/1000; 0/1000; 200+300/1000");
        assertThat(tone.finite()).isTrue();
        short[] pcm = play(tone, 5);
        assertThat(share(pcm, 16100, 23900, 300)).isBetween(0.45, 0.55);
        assertThat(rms(pcm, 24000, 40000)).as("silent after once").isZero();
    }

    /** E-71, seed L4823-4829: at most 8 groups, 200-4000 Hz, 0-30000 ms, at most two frequencies. */
    @Test
    void aleLimitsAreEnforcedWithClearMessages() {
        assertThatThrownBy(() -> ToneGrammar.ALE.parse("400/100;0/100;400/100;0/100;400/100;0/100;400/100;0/100;400/100"))
                .hasMessageContaining("9 groups; at most 8");
        assertThatThrownBy(() -> ToneGrammar.ALE.parse("100/500")).hasMessageContaining("group 1: frequency 100 Hz is outside 200-4000");
        assertThatThrownBy(() -> ToneGrammar.ALE.parse("200/40000")).hasMessageContaining("duration 40000 ms is outside 0-30000");
        assertThatThrownBy(() -> ToneGrammar.ALE.parse("200+300+400/100")).hasMessageContaining("at most 2");
        assertThatThrownBy(() -> ToneGrammar.ALE.parse("200; 300/100")).hasMessageContaining("group 1 has no duration");
        assertThatThrownBy(() -> ToneGrammar.ALE.parse("2x0/100")).hasMessageContaining("frequency '2x0' is not a number");
    }

    /** Yealink seed L4848-4890: comma list, up to four frequencies up to 7000 Hz, ! elements play once first. */
    @Test
    void yealinkSyntax() {
        Tone tone = ToneGrammar.YEALINK.parse("!350+440/100,!0/100,350+440+480+620/500,0/500");
        assertThat(tone.prelude()).hasSize(2);
        assertThat(tone.cycle()).containsExactly(new Tone.Segment(List.of(350, 440, 480, 620), 500), new Tone.Segment(List.of(), 500));
        assertThat(ToneGrammar.YEALINK.parse("6500/100").cycle().get(0).frequencies()).containsExactly(6500);
        assertThatThrownBy(() -> ToneGrammar.YEALINK.parse("7500/100")).hasMessageContaining("outside 200-7000");
        assertThatThrownBy(() -> ToneGrammar.YEALINK.parse("400/100,!0/100")).hasMessageContaining("after groups that repeat");
    }

    @Test
    void everyCountryHasEveryToneAndTheCodesMap() {
        for (String country : CountryTones.countries()) {
            for (ToneKind kind : ToneKind.values()) {
                assertThat(CountryTones.tone(country, kind)).as("%s %s", country, kind).isNotNull();
            }
        }
        assertThat(CountryTones.fromAleCode(0)).contains("uk");
        assertThat(CountryTones.fromAleCode(8)).contains("us");
        assertThat(CountryTones.fromAleCode(25)).contains("jp");
        assertThat(CountryTones.fromAleCode(99)).isEmpty();
        assertThatThrownBy(() -> CountryTones.fromAleCode(26)).hasMessageContaining("0-25 or 99");
        assertThat(CountryTones.fromYealinkName("Great Britain")).contains("uk");
        assertThat(CountryTones.fromYealinkName("Custom")).isEmpty();
        short[] busy = play(CountryTones.tone("us", ToneKind.BUSY), 2);
        assertThat(share(busy, 100, 3900, 480) + share(busy, 100, 3900, 620)).isGreaterThan(0.98);
        assertThat(rms(busy, 4100, 7900)).isZero();
        short[] stutter = play(CountryTones.tone("de", ToneKind.STUTTER), 3);
        assertThat(rms(stutter, 810, 1590)).as("a gap between beeps").isZero();
        assertThat(share(stutter, 16100, 23900, 425)).as("steady after the beeps").isGreaterThan(0.99);
    }

    @Test
    void ringTonesLoadFromWavAtTheDeviceRate(@TempDir Path dir) throws IOException {
        // two seconds of 1 kHz, 44.1 kHz stereo (345 KB)
        int rate = 44100;
        byte[] bytes = new byte[rate * 8];
        for (int i = 0; i < 2 * rate; i++) {
            short v = (short) (8000 * Math.sin(2 * Math.PI * 1000 * i / rate));
            for (int c = 0; c < 2; c++) {
                bytes[i * 4 + c * 2] = (byte) v;
                bytes[i * 4 + c * 2 + 1] = (byte) (v >> 8);
            }
        }
        Path wav = dir.resolve("ring.wav");
        AudioFormat format = new AudioFormat(rate, 16, 2, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(bytes), format, 2L * rate), AudioFileFormat.Type.WAVE, wav.toFile());
        short[] ring = RingTone.load(wav, RATE, 1_000_000);
        assertThat(ring.length).isBetween(15990, 16010);
        assertThat(share(ring, 400, 7600, 1000)).isGreaterThan(0.99);
        TonePlayer looped = TonePlayer.of(ring, true, RATE);
        short[] out = new short[RATE * 2];
        looped.add(out, 0, out.length);
        assertThat(looped.playing()).isTrue();

        assertThatThrownBy(() -> RingTone.load(wav, RATE, RingTone.ALE_MAX_BYTES)).hasMessageContaining("the limit is 204800");
        Path text = dir.resolve("notes.wav");
        Files.writeString(text, "not audio");
        assertThatThrownBy(() -> RingTone.load(text, RATE, RingTone.ALE_MAX_BYTES)).hasMessageContaining("notes.wav is not a WAV file");
    }
}
