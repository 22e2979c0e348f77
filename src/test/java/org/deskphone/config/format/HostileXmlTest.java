package org.deskphone.config.format;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskphone.config.format.Seeds.bytes;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * XML that a hostile or broken server might send is refused with a clear error, and at once: the
 * timeout here is a guard against a hang (seconds where a refusal takes milliseconds), not a
 * measurement.
 */
class HostileXmlTest {
    private static final Duration GUARD = Duration.ofSeconds(5);

    /** {@code content} with ROOT replaced by each reader's root element is refused by that reader. */
    private static void refused(String content, String message) {
        for (Executable reader : new Executable[] {
            () -> XmlFormat.read("hostile.xml", bytes(content.replace("ROOT", "settings"))),
            () -> DialPlanFiles.replaceRules("hostile.xml", bytes(content.replace("ROOT", "DialRule"))),
            () -> DialPlanFiles.dialNow("hostile.xml", bytes(content.replace("ROOT", "DialNow"))),
            () -> ContactFiles.read("hostile.xml", bytes(content.replace("ROOT", "PhoneDirectory"))),
        }) {
            assertTimeoutPreemptively(GUARD, () -> assertThatThrownBy(reader::execute)
                    .isInstanceOf(FormatException.class).hasMessageContaining(message));
        }
    }

    @Test
    void entityExpansionIsRefused() {
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        lol.append("]>\n<ROOT><setting id=\"a\" value=\"&lol9;\"/></ROOT>");
        refused(lol.toString(), "error: DOCTYPE declarations are not accepted");
    }

    @Test
    void externalEntitiesAreRefused() {
        refused("<?xml version=\"1.0\"?>\n<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<ROOT><setting id=\"a\" value=\"&xxe;\"/></ROOT>", "DOCTYPE declarations are not accepted");
        refused("<ROOT><setting id=\"a\" value=\"&xxe;\"/></ROOT>", "not well-formed XML");
    }

    @Test
    void deepNestingIsRefused() {
        refused("<ROOT>" + "<a>".repeat(100_000) + "</a>".repeat(100_000) + "</ROOT>", "nested deeper than 16 levels");
    }

    @Test
    void hugeAttributesAreRefused() {
        refused("<ROOT><setting id=\"a\" value=\"" + "x".repeat(SafeXml.MAX_ATTRIBUTE + 1) + "\"/></ROOT>",
                "attribute 'value' is longer than 65536 characters");
    }

    @Test
    void hugeFilesAreRefusedBeforeParsing() {
        refused("<ROOT>" + " ".repeat(Text.MAX_BYTES) + "</ROOT>", "the limit is " + Text.MAX_BYTES);
        byte[] huge = bytes("#!version:1.0.0.1\n" + "#".repeat(Text.MAX_BYTES));
        assertThatThrownBy(() -> CfgFormat.read("huge.cfg", huge)).isInstanceOf(FormatException.class).hasMessageContaining("the limit is");
    }

    @Test
    void aDoctypeInsideAYealinkContactFileIsRefused() {
        assertTimeoutPreemptively(GUARD, () -> assertThatThrownBy(() -> ContactFiles.read("c.xml", bytes(
                "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><root_group></root_group><root_contact>"
                        + "<contact display_name=\"&x;\"/></root_contact>")))
                .isInstanceOf(FormatException.class));
    }
}
