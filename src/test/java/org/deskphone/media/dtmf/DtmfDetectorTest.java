package org.deskphone.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.deskphone.media.TestAudio;
import org.deskphone.media.codec.CodecSettings;
import org.deskphone.media.codec.CodecType;
import org.deskphone.testing.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** In-band DTMF: our generator and sox's, through G.711, into the Goertzel detector. */
class DtmfDetectorTest {
    private static final String DIGITS = "0123456789*#ABCD";

    private static short[] throughG711(CodecType type, short[] pcm) {
        var codec = type.open(type.defaultPayloadType(), CodecSettings.DEFAULTS);
        byte[] coded = new byte[160];
        short[] out = new short[pcm.length / 160 * 160];
        for (int i = 0; i + 160 <= pcm.length; i += 160) {
            codec.encoder().encode(pcm, i, 160, coded, 0);
            codec.decoder().decode(coded, 0, 160, out, i);
        }
        return out;
    }

    private static String detect(short[] pcm, List<Integer> durations) {
        DtmfDetector detector = new DtmfDetector();
        StringBuilder heard = new StringBuilder();
        for (int i = 0; i + 160 <= pcm.length; i += 160) {
            char d = detector.feed(pcm, i, 160);
            if (d != 0) {
                heard.append(d);
                durations.add(detector.endedDurationMillis());
            }
        }
        short[] silence = new short[1600];
        char d = detector.feed(silence, 0, silence.length);
        if (d != 0) {
            heard.append(d);
        }
        return heard.toString();
    }

    @ParameterizedTest
    @EnumSource(value = CodecType.class, names = {"PCMU", "PCMA"})
    void detectsEveryDigitOfOurGeneratorThroughG711(CodecType type) {
        for (int bias : new int[] {-6, 0, 6}) {
            DtmfGenerator generator = new DtmfGenerator(8000, new DtmfSettings(100, 3, bias));
            for (char d : DIGITS.toCharArray()) {
                generator.queue(d);
            }
            short[] pcm = new short[8000 * 4];
            for (int i = 0; i < pcm.length; i += 160) {
                generator.fill(pcm, i, 160);
            }
            List<Integer> durations = new ArrayList<>();
            assertThat(detect(throughG711(type, pcm), durations)).as("level bias %d dB", bias).isEqualTo(DIGITS);
            assertThat(durations).allSatisfy(ms -> assertThat(ms).isBetween(75, 130));
        }
    }

    @Test
    void detectsDigitsThatSoxSynthesised(@TempDir Path dir) {
        String sox = ExternalTool.require("sox", "sox").toString();
        StringBuilder expected = new StringBuilder();
        List<short[]> parts = new ArrayList<>();
        for (char d : DIGITS.toCharArray()) {
            Path part = dir.resolve("d" + (int) d + ".raw");
            ExternalTool.run(Duration.ofSeconds(30), List.of(sox, "-n", "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer",
                    "-L", "-t", "raw", part.toString(), "synth", "0.08", "sine", String.valueOf((int) DtmfDigit.row(d)),
                    "sine", String.valueOf((int) DtmfDigit.column(d)), "channels", "1", "vol", "0.4", "pad", "0", "0.08"));
            parts.add(TestAudio.readPcm(part));
            expected.append(d);
        }
        short[] all = new short[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        assertThat(detect(throughG711(CodecType.PCMU, all), new ArrayList<>())).isEqualTo(expected.toString());
    }

    @Test
    void speechIsNotTakenForDigits() {
        short[] speech = TestAudio.speech(8000);
        assertThat(detect(throughG711(CodecType.PCMA, speech), new ArrayList<>())).isEmpty();
    }
}
