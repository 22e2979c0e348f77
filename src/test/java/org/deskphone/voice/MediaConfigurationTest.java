package org.deskphone.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.deskphone.config.Catalogue;
import org.deskphone.config.Config;
import org.deskphone.config.ConfigChange;
import org.deskphone.config.ConfigStore;
import org.deskphone.config.ProvisioningFile;
import org.deskphone.config.ProvisioningReport;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.deskphone.media.MediaSettings;
import org.deskphone.media.PortRange;
import org.deskphone.media.dtmf.DtmfSettings;
import org.deskphone.media.rtp.JitterSettings;
import org.deskphone.media.tones.CountryTones;
import org.deskphone.media.tones.ToneGrammar;
import org.deskphone.media.tones.ToneKind;
import org.deskphone.net.Dscp;
import org.junit.jupiter.api.Test;

/** The media engine's settings as the configuration store gives them, in both manuals' names. */
class MediaConfigurationTest {
    private final PhoneLoop loop = new PhoneLoop(new VirtualClock(Instant.parse("2026-11-22T10:00:00Z")));
    private final ConfigStore store;

    MediaConfigurationTest() {
        loop.runPending();
        store = ConfigStore.inMemory(loop);
    }

    private Config provision(String name, String content) {
        ProvisioningReport report = store.applyProvisioning(List.of(ProvisioningFile.of(name, content)));
        loop.runPending();
        assertThat(report.problems()).as("problems in %s", name).isEmpty();
        return store.current();
    }

    private Config xml(String settings) {
        return provision("config.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<settings>\n" + settings + "\n</settings>\n");
    }

    private Config cfg(String... lines) {
        return provision("y000000000000.cfg", "#!version:1.0.0.1\n" + String.join("\n", lines) + "\n");
    }

    @Test
    void everyNameReadHereIsOneTheCatalogueKnows() {
        Catalogue catalogue = Catalogue.builtIn();
        assertThat(MediaConfiguration.NAMES).hasSizeGreaterThan(20)
                .allSatisfy(name -> assertThat(catalogue.find(name)).as(name).isPresent());
    }

    @Test
    void factoryDefaultsAreTheManualsDefaults() {
        MediaSettings settings = MediaConfiguration.read(store.current(), Dscp.EF, 16000);
        // Y3055-3079: 11780-11800; A1662/Y3103: EF; A5236-5281: adaptive 20/50/250; A5417: 100 ms; Y9655: 3; A13636: 6.
        assertThat(settings.ports()).isEqualTo(new PortRange(11780, 11800));
        assertThat(settings.dscp()).isEqualTo(46);
        assertThat(settings.jitter()).isEqualTo(JitterSettings.DEFAULTS);
        assertThat(settings.dtmf()).isEqualTo(new DtmfSettings(100, 3, 0));
        assertThat(settings.conferencePartyMax()).isEqualTo(6);
        assertThat(settings.deviceSampleRate()).isEqualTo(16000);
        assertThat(MediaConfiguration.tones(store.current()).country()).isEqualTo("uk");
    }

    @Test
    void aleConfigXmlSetsJitterDtmfConferenceAndCountry() {
        Config config = xml("""
                <setting id="SettingJitterBufferMode" value="1"/>
                <setting id="SettingJitterBufferMin" value="40"/>
                <setting id="SettingJitterBufferNormal" value="80"/>
                <setting id="SettingJitterBufferMax" value="200"/>
                <setting id="SettingDtmfDuration" value="4"/>
                <setting id="SettingDtmfLevel" value="-3"/>
                <setting id="SIPConfPartyMax" value="3"/>
                <setting id="SettingCountryTone" value="2"/>""");
        MediaSettings settings = MediaConfiguration.read(config, new Dscp(34), 8000);
        // A5236: mode 1 is static; E-75: code 4 is 250 ms; A4768: 2 is Germany.
        assertThat(settings.jitter()).isEqualTo(new JitterSettings(false, 40, 80, 200));
        assertThat(settings.dtmf()).isEqualTo(new DtmfSettings(250, 3, -3));
        assertThat(settings.conferencePartyMax()).isEqualTo(3);
        assertThat(settings.dscp()).isEqualTo(34);
        assertThat(MediaConfiguration.tones(config).tone(ToneKind.BUSY)).isEqualTo(CountryTones.tone("de", ToneKind.BUSY));
    }

    @Test
    void yealinkCfgSetsPortsJitterRepetitionAndCountry() {
        Config config = cfg("network.port.min_rtpport = 20000", "network.port.max_rtpport = 20100", "voice.jib.adaptive = 0",
                "voice.jib.min = 60", "voice.jib.normal = 150", "voice.jib.max = 300", "features.dtmf.repetition = 1",
                "voice.tone.country = Japan");
        MediaSettings settings = MediaConfiguration.read(config, Dscp.EF, 16000);
        // Y4681: adaptive 0 is fixed.
        assertThat(settings.ports()).isEqualTo(new PortRange(20000, 20100));
        assertThat(settings.jitter()).isEqualTo(new JitterSettings(false, 60, 150, 300));
        assertThat(settings.dtmf().endRepetitions()).isEqualTo(1);
        assertThat(MediaConfiguration.tones(config).country()).isEqualTo("jp");
    }

    @Test
    void aPortRangeTheEngineCannotUseKeepsTheDefaultAndTheRestStillApplies() {
        // The catalogue allows 1-65535 (Y3055), but RTP must stay out of the privileged ports.
        Config config = cfg("network.port.min_rtpport = 100", "network.port.max_rtpport = 200", "voice.dtmf.duration = 1");
        MediaSettings settings = MediaConfiguration.read(config, Dscp.EF, 16000);
        assertThat(settings.ports()).isEqualTo(PortRange.DEFAULT);
        assertThat(settings.dtmf().durationMillis()).isEqualTo(80);
    }

    @Test
    void customTonesPlayInTheGrammarOfTheFileThatSetThem() {
        // A4831-4833 (E-68): country 99 and SettingDialTone = 200/1000; 0/1000; 200+2000/1000.
        Config ale = xml("""
                <setting id="SettingCountryTone" value="99"/>
                <setting id="SettingDialTone" value="200/1000;0/1000;200+2000/1000"/>""");
        ToneSet tones = MediaConfiguration.tones(ale);
        assertThat(tones.tone(ToneKind.DIAL)).isEqualTo(ToneGrammar.ALE.parse("200/1000;0/1000;200+2000/1000"));
        assertThat(tones.tone(ToneKind.BUSY)).as("a custom tone not given is the default country's").isEqualTo(CountryTones.tone("uk", ToneKind.BUSY));

        // Y4837-4890: Yealink's default country is Custom; its elements are separated by commas.
        Config yealink = cfg("voice.tone.busy = !480+620/500,0/500");
        assertThat(MediaConfiguration.tones(yealink).tone(ToneKind.BUSY)).isEqualTo(ToneGrammar.YEALINK.parse("!480+620/500,0/500"));
    }

    @Test
    void onlyAChangeOfAMediaParameterConcernsTheEngine() {
        Config before = store.current();
        assertThat(MediaConfiguration.concerns(new ConfigChange(before, before, Set.of("voice.jib.max"), false, ConfigChange.Origin.LOCAL)))
                .isTrue();
        assertThat(MediaConfiguration.concerns(new ConfigChange(before, before, Set.of("account.1.user_name"), false,
                ConfigChange.Origin.LOCAL))).isFalse();
    }
}
