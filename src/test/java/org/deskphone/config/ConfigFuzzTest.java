package org.deskphone.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.deskphone.config.format.CfgFormat;
import org.deskphone.config.format.ConfigCipher;
import org.deskphone.config.format.ContactFiles;
import org.deskphone.config.format.Dialect;
import org.deskphone.config.format.DialNowRule;
import org.deskphone.config.format.DialPlanFiles;
import org.deskphone.config.format.FileKind;
import org.deskphone.config.format.FormatException;
import org.deskphone.config.format.ReplaceRule;
import org.deskphone.config.format.SettingsFile;
import org.deskphone.config.format.XmlFormat;

/**
 * Jazzer, coverage-guided, on every reader of provisioning files and on the store that applies them:
 * the first byte picks the target, the rest is the file. Anything but the readers' own
 * {@link FormatException} is a finding; a settings file that reads must write back to text that reads
 * again, and a provisioned file may be refused but never crash the store. Jazzer runs one fuzz test
 * per JVM and starting its agent costs more than the fuzzing itself, so all targets share this one
 * (seeds in ConfigFuzzTestInputs; the "fuzz" Surefire execution runs it with JAZZER_FUZZ=1).
 */
class ConfigFuzzTest {
    private final StoreFixture phone = new StoreFixture();

    @FuzzTest(maxDuration = "10s")
    void everyReaderOnlyRefusesWithItsOwnError(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] content = Arrays.copyOfRange(input, 1, input.length);
        try {
            switch (Math.floorMod(input[0], 10)) {
                case 0 -> {
                    SettingsFile file = CfgFormat.read("f.cfg", content);
                    CfgFormat.read("again.cfg", CfgFormat.write(file.settings()).getBytes(StandardCharsets.UTF_8));
                }
                case 1 -> {
                    SettingsFile file = XmlFormat.read("f.xml", content);
                    XmlFormat.read("again.xml", XmlFormat.write(file.settings()).getBytes(StandardCharsets.UTF_8));
                }
                case 2 -> ContactFiles.read("f", content);
                case 3 -> DialPlanFiles.replaceRules("f", content);
                case 4 -> DialPlanFiles.dialNow("f", content);
                case 5 -> ConfigCipher.decrypt("f", content, "0123456789abcdef");
                case 6 -> ConfigCipher.decrypt("f", content, "sixteen-char-key");
                case 7 -> items(content);
                default -> provision(content);
            }
        } catch (FormatException expected) {
            // refused, with file and line: the contract
        }
    }

    private static void items(byte[] content) {
        FileKind.detect(content);
        String text = new String(content, StandardCharsets.UTF_8);
        try {
            ReplaceRule.fromItem(text);
            DialNowRule.fromItem(text);
        } catch (IllegalArgumentException expected) {
            // the documented refusal of the .cfg item forms
        }
    }

    private void provision(byte[] content) throws FormatException {
        ProvisioningReport report = phone.store.applyProvisioning(List.of(new ProvisioningFile("fuzz", content)));
        if (report.files().get(0).applied()) {
            Config config = phone.store.current();
            report.changed().forEach(name -> config.parameter(name).normalize(config.string(name)));
        }
        FileCheck.check("fuzz", content);
        Conversion.convert("fuzz", content, content.length % 2 == 0 ? Dialect.CFG : Dialect.XML);
    }
}
