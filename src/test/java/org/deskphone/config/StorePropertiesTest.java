package org.deskphone.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/** The store's file reads back exactly what was written, whatever the layers hold. */
class StorePropertiesTest {
    private static final List<String> NAMES = List.of("account.1.label", "account.7.display_name", "ldap.base", "voice.tone.dial",
            "action_url.log_on", "linekey.3.value", "features.dtmf.transfer", "local_time.time_zone_name");
    private final Path folder = createFolder();

    private static Path createFolder() {
        try {
            return Files.createTempDirectory("store-property");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterProperty
    void clean() throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    /** Each try saves with fsync, as the phone does: 100 tries keep the suite quick. */
    @Property(tries = 100)
    void writeThenReadIsIdentity(@ForAll("values") Map<String, String> provisioned, @ForAll("values") Map<String, String> local,
            @ForAll("unknownValues") Map<String, String> unknown, @ForAll("source") String source) throws IOException {
        Map<String, Config.Value> provisionedValues = new HashMap<>();
        provisioned.forEach((k, v) -> provisionedValues.put(k, new Config.Value(v, Source.provisioned(source))));
        Map<String, Config.Value> unknownValues = new HashMap<>();
        unknown.forEach((k, v) -> unknownValues.put(k, new Config.Value(v, Source.provisioned(source + "-2"))));
        Layers layers = new Layers(provisionedValues, local, unknownValues,
                List.of(new AppliedFile(source, "0cc175b9c0f1b6a831c399e269772661", Instant.parse("2026-11-22T10:00:00Z"))));
        StoreWriter.save(folder, StoreFile.write(layers));
        assertThat(StoreFile.read(folder.resolve(StoreFile.NAME))).isEqualTo(layers);
    }

    @Provide
    Arbitrary<Map<String, String>> values() {
        return Arbitraries.maps(Arbitraries.of(NAMES), text()).ofMaxSize(NAMES.size());
    }

    @Provide
    Arbitrary<Map<String, String>> unknownValues() {
        Arbitrary<String> key = Arbitraries.strings().withChars("abcxyz.0129_-").ofMinLength(1).ofMaxLength(20)
                .filter(k -> k.charAt(0) != '.');
        return Arbitraries.maps(key, text()).ofMaxSize(10);
    }

    @Provide
    Arbitrary<String> source() {
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10), Arbitraries.of(".cfg", ".xml", ""))
                .as((name, ext) -> "http://prov.example/" + name + ext);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("é東\t").ofMaxLength(40).map(String::strip)
                .filter(v -> !v.equals("%NULL%") && !v.equals("!NULL!"));
    }
}
