package org.deskphone.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.deskphone.provision.FileSequence.Family;
import org.junit.jupiter.api.Test;

/** Which files a phone requests, named as the two manuals name them. */
class FileSequenceTest {
    private static final List<String> ALE_DEFAULTS = List.of("config.xml", "config.$model.xml", "config.$mac.xml");

    @Test
    void yealinkMacFileIsTheTwelveDigitMac() { // Yealink L118-122, digest E1
        Seed.yealink().says(121, 122, "the MAC-Oriented CFG file name must be 0015651130F9.cfg");
        List<FileSequence.Request> files = FileSequence.of(identity("0015651130F9", "T28P", "00"), Set.of(Family.YEALINK), ALE_DEFAULTS);
        assertThat(files.get(1).name()).isEqualTo("0015651130F9.cfg");
        assertThat(files.get(1).lowerCaseName()).contains("0015651130f9.cfg");
        assertThat(files.get(1).role()).isEqualTo(FileRole.YEALINK_MAC);
    }

    @Test
    void yealinkCommonFilePerModelCode() { // Yealink L154-168, digest E2
        Seed.yealink().says(162, 162, "SIP-T28(P) y000000000000.cfg");
        Seed.yealink().says(164, 164, "SIP-T26(P) y000000000004.cfg");
        assertThat(FileSequence.commonFileName("00")).isEqualTo("y000000000000.cfg");
        assertThat(FileSequence.commonFileName("04")).isEqualTo("y000000000004.cfg");
        assertThat(FileSequence.commonFileName("05")).isEqualTo("y000000000005.cfg");
        assertThat(FileSequence.commonFileName("07")).isEqualTo("y000000000007.cfg");
        assertThat(FileSequence.commonFileName("32")).isEqualTo("y000000000032.cfg");
        assertThat(FileSequence.commonFileName("38")).isEqualTo("y000000000038.cfg");
        assertThat(FileSequence.commonFileName("23")).isEqualTo("y000000000023.cfg");
    }

    @Test
    void yealinkCommonComesBeforeMac() { // Yealink L1543-1546, digest E3
        List<FileSequence.Request> files = FileSequence.of(identity("0015651130F9", "T28P", "00"), Set.of(Family.YEALINK), ALE_DEFAULTS);
        assertThat(files).extracting(FileSequence.Request::name).containsExactly("y000000000000.cfg", "0015651130F9.cfg");
    }

    @Test
    void aleMacAndDeviceFileNames() { // ALE L2123-2125 and L2131-2132, digest E-18, E-19
        Seed.ale().says(2124, 2125, "config.3C28A6200088.xml");
        Seed.ale().says(2132, 2132, "config.M8.xml");
        List<FileSequence.Request> files = FileSequence.of(identity("3C28A6200088", "M8", "00"), Set.of(Family.ALE), ALE_DEFAULTS);
        assertThat(files).extracting(FileSequence.Request::name)
                .containsExactly("config.xml", "config.M8.xml", "config.3C28A6200088.xml"); // E-20, L2207-2212
        assertThat(files).extracting(FileSequence.Request::role).containsExactly(FileRole.ALE_FIRST, FileRole.ALE_SECOND, FileRole.ALE_THIRD);
        assertThat(files.get(2).lowerCaseName()).contains("config.3c28a6200088.xml");
        assertThat(files.get(0).lowerCaseName()).isEmpty();
    }

    @Test
    void aleCustomFileNames() { // ALE L2218-2225, digest E-21
        Seed.ale().says(2218, 2219, "set the DeviceProvisionFileFirst to 1.xml");
        List<FileSequence.Request> files = FileSequence.of(identity("3C28A6200088", "M8", "00"), Set.of(Family.ALE),
                List.of("1.xml", "2.xml", "3.xml"));
        assertThat(files).extracting(FileSequence.Request::name).containsExactly("1.xml", "2.xml", "3.xml");
    }

    @Test
    void bothFamiliesByDefaultYealinkFirst() {
        List<FileSequence.Request> files = FileSequence.of(identity("001565AABBCC", "deskphone-pc", "00"),
                EnumSet.allOf(Family.class), ALE_DEFAULTS);
        assertThat(files).extracting(FileSequence.Request::name).containsExactly("y000000000000.cfg", "001565AABBCC.cfg",
                "config.xml", "config.deskphone-pc.xml", "config.001565AABBCC.xml");
    }

    @Test
    void tokensInAnyCaseAndMacSeparators() {
        DeviceIdentity phone = identity("00:15:65:aa:bb:cc", "M7s", "00");
        assertThat(phone.mac()).isEqualTo("001565AABBCC");
        assertThat(FileSequence.of(phone, Set.of(Family.ALE), List.of("a-$MODEL-$Mac.xml", "b.xml", "c.xml")).get(0).name())
                .isEqualTo("a-M7s-001565AABBCC.xml");
    }

    @Test
    void badIdentitiesAreRefusedWithTheValue() {
        assertThatThrownBy(() -> identity("0015651130F", "M8", "00")).hasMessageContaining("12 hex digits").hasMessageContaining("0015651130F");
        assertThatThrownBy(() -> identity("0015651130F9", "M8", "0")).hasMessageContaining("two digits");
        assertThatThrownBy(() -> FileSequence.Family.parse("polycom")).hasMessageContaining("polycom");
        assertThat(FileSequence.Family.parse("ale yealink")).containsExactlyInAnyOrder(Family.ALE, Family.YEALINK);
    }

    static DeviceIdentity identity(String mac, String model, String code) {
        return new DeviceIdentity(mac, model, code, "0.1.0");
    }
}
