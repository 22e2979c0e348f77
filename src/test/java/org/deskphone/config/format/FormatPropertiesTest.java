package org.deskphone.config.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The readers throw nothing but their own {@link FormatException}, whatever the input; and what a writer
 * writes, its reader reads back to the same settings.
 */
class FormatPropertiesTest {
    /** Characters that matter to the formats, so that random text reaches deep into the readers. */
    private static final String SYNTAX = "#!=<>/&;\"' \t\r\n,:%.[]()$*?-_0123456789abcxyzXYZ\u00e9\u6771\uFEFF";

    private interface Reader {
        void read(byte[] content) throws FormatException;
    }

    private static final List<Reader> READERS = List.of(
            content -> CfgFormat.read("f", content),
            content -> XmlFormat.read("f", content),
            content -> ContactFiles.read("f", content),
            content -> DialPlanFiles.replaceRules("f", content),
            content -> DialPlanFiles.dialNow("f", content),
            content -> ConfigCipher.decrypt("f", content, "0123456789abcdef"),
            content -> ConfigCipher.decrypt("f", content, "sixteen-char-key"),
            content -> FileKind.detect(content));

    private static void onlyFormatExceptions(byte[] content) {
        for (Reader reader : READERS) {
            try {
                reader.read(content);
            } catch (FormatException expected) {
                assertThat(expected.problem().isError()).isTrue();
            }
        }
    }

    @Property(tries = 300)
    void randomBytesGiveOnlyParseErrors(@ForAll @Size(max = 600) byte[] content) {
        onlyFormatExceptions(content);
    }

    @Property(tries = 500)
    void syntaxLikeTextGivesOnlyParseErrors(@ForAll("syntaxText") String text, @ForAll("prefix") String prefix) {
        onlyFormatExceptions((prefix + text).getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void cfgWriteThenReadIsIdentity(@ForAll("settings") List<Setting> settings) throws FormatException {
        String text = CfgFormat.write(settings);
        assertThat(CfgFormat.read("w.cfg", text.getBytes(StandardCharsets.UTF_8)).settings())
                .extracting(Setting::withoutLine).isEqualTo(settings);
    }

    @Property(tries = 200)
    void xmlWriteThenReadIsIdentity(@ForAll("settings") List<Setting> settings, @ForAll boolean override) throws FormatException {
        List<Setting> withOverride = settings.stream().map(s -> new Setting(s.key(), s.value(), 0, override)).toList();
        String text = XmlFormat.write(withOverride);
        assertThat(XmlFormat.read("w.xml", text.getBytes(StandardCharsets.UTF_8)).settings())
                .extracting(Setting::withoutLine).isEqualTo(withOverride);
    }

    @Provide
    Arbitrary<String> syntaxText() {
        return Arbitraries.strings().withChars(SYNTAX.toCharArray()).ofMaxLength(400);
    }

    @Provide
    Arbitrary<String> prefix() {
        return Arbitraries.of("", "#!version:1.0.0.1\n", "<settings>", "<root_group>", "<DialRule>", "<DialNow>",
                "<PhoneDirectory>", "display_name,office_number\n", "<?xml version=\"1.0\"?>\n<settings>\n");
    }

    @Provide
    Arbitrary<List<Setting>> settings() {
        Arbitrary<String> key = Combinators.combine(Arbitraries.chars().alpha(),
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789._-").ofMaxLength(30))
                .as((first, rest) -> first + rest);
        Arbitrary<String> value = Arbitraries.strings().withCharRange(' ', '~').withChars("é東☎\u00a0").ofMaxLength(60)
                .map(String::strip).filter(v -> !CfgFormat.isReset(v));
        Arbitrary<Setting> setting = Combinators.combine(key, value, Arbitraries.integers().between(0, 9))
                .as((k, v, reset) -> reset == 0 ? Setting.reset(k) : Setting.of(k, v));
        return setting.list().ofMaxSize(30);
    }
}
