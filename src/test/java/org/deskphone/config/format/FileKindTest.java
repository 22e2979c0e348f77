package org.deskphone.config.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskphone.config.format.Seeds.bytes;

import org.junit.jupiter.api.Test;

/** The kind of a file comes from its content, never its name. */
class FileKindTest {

    @Test
    void eachKindIsToldFromItsContent() {
        assertThat(FileKind.detect(bytes(Seeds.yealink(208, 216)))).isEqualTo(FileKind.CFG_SETTINGS);
        assertThat(FileKind.detect(bytes(Seeds.ale(2967, 2979)))).isEqualTo(FileKind.XML_SETTINGS);
        assertThat(FileKind.detect(bytes("\uFEFF<?xml version=\"1.0\"?><!-- c --><settings/>"))).isEqualTo(FileKind.XML_SETTINGS);
        assertThat(FileKind.detect(bytes(Seeds.yealink(987, 1019)))).isEqualTo(FileKind.CONTACTS);
        assertThat(FileKind.detect(bytes(Seeds.ale(3672, 3680)))).isEqualTo(FileKind.CONTACTS);
        assertThat(FileKind.detect(bytes("display_name,office_number\nA,1\n"))).isEqualTo(FileKind.CONTACTS);
        assertThat(FileKind.detect(bytes(Seeds.yealink(1087, 1093)))).isEqualTo(FileKind.REPLACE_RULES);
        assertThat(FileKind.detect(bytes(Seeds.yealink(1156, 1164)))).isEqualTo(FileKind.DIAL_NOW);
        assertThat(FileKind.detect(bytes("<!DOCTYPE x [<!ENTITY a \"b\">]><settings/>"))).isEqualTo(FileKind.XML_SETTINGS);
        assertThat(FileKind.detect(bytes("<html><body>Not Found</body></html>"))).isEqualTo(FileKind.UNKNOWN);
        assertThat(FileKind.detect(bytes("# just a comment\n"))).isEqualTo(FileKind.UNKNOWN);
        assertThat(FileKind.detect(new byte[0])).isEqualTo(FileKind.UNKNOWN);
        assertThat(FileKind.CFG_SETTINGS.dialect()).isEqualTo(Dialect.CFG);
        assertThat(FileKind.CONTACTS.dialect()).isNull();
    }
}
