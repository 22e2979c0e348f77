package org.deskphone.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.deskphone.config.Catalogue;
import org.deskphone.config.format.Dialect;
import org.deskphone.config.format.DialNowRule;
import org.deskphone.config.format.ReplaceRule;
import org.deskphone.dialplan.DialPlanSettings.AccountSettings;
import org.deskphone.dialplan.DialPlanSettings.AreaCodeSettings;
import org.deskphone.dialplan.DialPlanSettings.BlockOutSettings;
import org.deskphone.dialplan.DialPlanSettings.DialNowSettings;
import org.deskphone.dialplan.DialPlanSettings.DialingRuleSettings;
import org.deskphone.dialplan.DialPlanSettings.DigitMapSettings;
import org.deskphone.dialplan.DialPlanSettings.HotlineSettings;
import org.deskphone.dialplan.DialPlanSettings.ReplaceRuleSettings;
import org.deskphone.testing.PhoneConfig;
import org.junit.jupiter.api.Test;

/**
 * {@link DialPlanSettings#from}: the dial plan as the configuration store gives it, in both dialects, with the
 * rule files provisioning installed. Seed lines: A the ALE manual (seed 004), Y the Yealink guide (seed 000).
 */
class ConfiguredDialPlanTest {
    private final PhoneConfig config = new PhoneConfig();

    @Test
    void theFactoryConfigurationIsTheEnginesDefaultPlan() throws DialPlanException {
        assertThat(settings()).isEqualTo(DialPlanSettings.defaults());
    }

    @Test
    void aleDigitMapsDialingRulesAndFeatures() throws DialPlanException { // A6060-6459, A6584-6763, A11498, A3078
        config.xml("DigitMapEnable", "true", "DigitMap", "[2-9]11;0T", "DigitMapTimer", "5", "DigitMapInHistoryEnable", "false",
                "Account2DigitMap", "9xxx", "Account2DigitMapTimer", "2", "Account2DigitMapInForwardEnable", "false",
                "Account3DialingRuleCountryCode", "FR", "Account3DialingRuleExternalPrefix", "0",
                "Account3DialingRuleMinNumberLength", "5", "Account3DialingRuleInManualEnable", "true",
                "FeatureKeyAsSend", "2", "FeatureCallNumberFilter", "-", "FeatureAutoDialOutTimer", "7",
                "FeatureRingBackTimeout", "30", "SettingEmergencyNumber", "112,999");
        DialPlanSettings settings = settings();
        assertThat(settings.digitMap()).isEqualTo(new DigitMapSettings(true, "[2-9]11;0T", 5,
                Set.of(Source.MANUAL, Source.DIRECTORY, Source.FORWARD)));
        assertThat(settings.accounts()).containsOnlyKeys(2, 3);
        assertThat(settings.account(2)).isEqualTo(new AccountSettings(true, "9xxx", 2,
                Set.of(Source.MANUAL, Source.DIRECTORY, Source.HISTORY), DialingRuleSettings.DEFAULTS));
        assertThat(settings.account(3).dialingRule()).isEqualTo(new DialingRuleSettings("FR", "", "0", 5, "",
                Set.of(Source.DIRECTORY, Source.MANUAL)));
        assertThat(settings.keyAsSend()).isEqualTo(KeyAsSend.STAR);
        assertThat(settings.numberFilter()).isEqualTo("-");
        assertThat(settings.autoDialSeconds()).isEqualTo(7);
        assertThat(settings.ringBackTimeoutSeconds()).isEqualTo(30);
        assertThat(settings.emergencyNumbers()).isEqualTo("112,999");
        assertThat(DialPlanTester.test(DialPlan.compile(settings), "999", 1, Source.MANUAL, true).decision())
                .as("an emergency number dials on a locked phone").isInstanceOf(Decision.Dial.class);
    }

    @Test
    void yealinkAreaCodeBlockOutAndTimers() throws DialPlanException { // Y8424-8569, Y9836, Y10001, Y10651, Y10675, Y11031
        config.cfg("dialplan.area_code.code = 0592", "dialplan.area_code.min_len = 7", "dialplan.area_code.max_len = 8",
                "dialplan.area_code.line_id = 1,2", "dialplan.block_out.number.2 = 1900", "dialplan.block_out.line_id.2 = 1",
                "phone_setting.dialnow_delay = 3", "phone_setting.inter_digit_time = 6", "phone_setting.predial_autodial = 1",
                "features.redial_tone = 8", "features.send_pound_key = 1");
        DialPlanSettings settings = settings();
        assertThat(settings.areaCode()).isEqualTo(new AreaCodeSettings("0592", 7, 8, "1,2"));
        assertThat(settings.blockOut()).containsExactly(new BlockOutSettings("", ""), new BlockOutSettings("1900", "1"));
        assertThat(settings.dialNowDelaySeconds()).isEqualTo(3);
        assertThat(settings.autoDialSeconds()).as("Yealink's timer, set where ALE's is not").isEqualTo(6);
        assertThat(settings.liveDialpad()).isTrue();
        assertThat(settings.redialTone()).isEqualTo("8");
        assertThat(settings.sendPoundKey()).isTrue();
        Decision blocked = DialPlan.compile(settings).resolve("1900", 1, Source.MANUAL);
        assertThat(blocked).isInstanceOf(Decision.Block.class);
        assertThat(((Decision.Block) blocked).rule()).contains("dialplan.block_out.number.2");

        config.xml("FeatureAutoDialOutTimer", "2");
        assertThat(settings().autoDialSeconds()).as("ALE's timer wins once set").isEqualTo(2);
    }

    @Test
    void theHotlineInEitherDialect() throws DialPlanException {
        config.cfg("features.hotline_number = 1000"); // Yealink: a number is a hotline, after 4 s (Y9559-9594)
        assertThat(settings().hotline()).isEqualTo(new HotlineSettings("1000", 4));

        PhoneConfig ale = new PhoneConfig();
        ale.xml("FeatureHotlineEnable", "true", "FeatureHotlineNumber", "1000"); // ALE: delay 0 unless set (A6504-6530, D-28)
        assertThat(DialPlanSettings.from(ale.current()).hotline()).isEqualTo(new HotlineSettings("1000", 0));
        ale.xml("FeatureHotlineDelayTimeout", "3");
        assertThat(DialPlanSettings.from(ale.current()).hotline()).isEqualTo(new HotlineSettings("1000", 3));
        ale.xml("FeatureHotlineEnable", "false"); // A6471: the switch turns it off, number or not
        assertThat(DialPlanSettings.from(ale.current()).hotline()).isEqualTo(HotlineSettings.OFF);
    }

    @Test
    void anInstalledRuleFileOverwritesTheItemsWhileItsUrlIsSet() throws DialPlanException { // Y1038-1040, Y1111-1113
        config.cfg("dialplan.item.1 = 1,2(xx),002$1,0", "dialnow.item.1 = 52[0-6],1");
        RuleFiles files = new RuleFiles(Optional.of(List.of(new ReplaceRule(true, "1", "05928665234", List.of()),
                new ReplaceRule(true, "3(x)", "3$1", List.of(2, 3)))), Optional.of(List.of(new DialNowRule("1234", List.of(1)))));
        assertThat(DialPlanSettings.from(config.current(), files).replaceRules()).as("no URL: the items")
                .containsExactly(new ReplaceRuleSettings("2(xx)", "002$1", ""));

        config.cfg("dialplan_replace_rule.url = http://srv/rules.xml", "dialplan_dialnow.url = http://srv/now.xml");
        DialPlanSettings settings = DialPlanSettings.from(config.current(), files);
        assertThat(settings.replaceRules()).containsExactly(new ReplaceRuleSettings("1", "05928665234", ""),
                new ReplaceRuleSettings("3(x)", "3$1", "2,3"));
        assertThat(settings.dialNowRules()).containsExactly(new DialNowSettings("1234", "1"));
        assertThat(DialPlanSettings.from(config.current()).replaceRules()).as("a URL whose file is not installed: the items")
                .containsExactly(new ReplaceRuleSettings("2(xx)", "002$1", ""));
    }

    @Test
    void everyNameInTheTableIsTheCataloguesForTheParameterRead() {
        // The dial-plan engineer's table (DialPlanSettings): each manual's name, and the canonical name read for it.
        Map<String, String> ale = Map.ofEntries(Map.entry("DigitMapEnable", "dialplan.digit_map.enable"),
                Map.entry("DigitMap", "dialplan.digit_map.map"), Map.entry("DigitMapTimer", "dialplan.digit_map.timer"),
                Map.entry("DigitMapInHistoryEnable", "dialplan.digit_map.in_history"),
                Map.entry("DigitMapInDirectoryEnable", "dialplan.digit_map.in_directory"),
                Map.entry("DigitMapInForwardEnable", "dialplan.digit_map.in_forward"),
                Map.entry("DigitMapInManualEnable", "dialplan.digit_map.in_manual"),
                Map.entry("Account20DigitMapEnable", "account.20.digit_map.enable"),
                Map.entry("Account1DigitMap", "account.1.digit_map.map"), Map.entry("Account1DigitMapTimer", "account.1.digit_map.timer"),
                Map.entry("Account1DigitMapInManualEnable", "account.1.digit_map.in_manual"),
                Map.entry("Account1DialingRuleCountryCode", "account.1.dialing_rule.country_code"),
                Map.entry("Account1DialingRuleAreaCode", "account.1.dialing_rule.area_code"),
                Map.entry("Account1DialingRuleExternalPrefix", "account.1.dialing_rule.external_prefix"),
                Map.entry("Account1DialingRuleMinNumberLength", "account.1.dialing_rule.min_number_length"),
                Map.entry("Account1DialingRuleExternalPrefixExceptions", "account.1.dialing_rule.prefix_exceptions"),
                Map.entry("Account1DialingRuleInHistoryEnable", "account.1.dialing_rule.in_history"),
                Map.entry("Account1DialingRuleInContactEnable", "account.1.dialing_rule.in_contact"),
                Map.entry("Account1DialingRuleInForwardEnable", "account.1.dialing_rule.in_forward"),
                Map.entry("Account1DialingRuleInManualEnable", "account.1.dialing_rule.in_manual"),
                Map.entry("SettingEmergencyNumber", "phone_setting.emergency.number"),
                Map.entry("FeatureHotlineEnable", "features.hotline_enable"), Map.entry("FeatureHotlineNumber", "features.hotline_number"),
                Map.entry("FeatureHotlineDelayTimeout", "features.hotline_delay"), Map.entry("FeatureKeyAsSend", "features.pound_key.mode"),
                Map.entry("FeatureCallNumberFilter", "features.call_number_filter"),
                Map.entry("FeatureAutoDialOutTimer", "features.auto_dial_out_timer"),
                Map.entry("FeatureRingBackTimeout", "features.ring_back_timeout"));
        ale.forEach((id, canonical) -> assertThat(Catalogue.builtIn().lookup(Dialect.XML, id)).as(id)
                .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo(canonical)));
        List<String> yealink = List.of("dialplan.item.100", "dialnow.item.100", "dialplan_replace_rule.url", "dialplan_dialnow.url",
                "phone_setting.dialnow_delay", "dialplan.area_code.code", "dialplan.area_code.min_len", "dialplan.area_code.max_len",
                "dialplan.area_code.line_id", "dialplan.block_out.number.10", "dialplan.block_out.line_id.10",
                "phone_setting.emergency.number", "features.hotline_number", "features.hotline_delay", "features.pound_key.mode",
                "features.send_pound_key", "phone_setting.inter_digit_time", "phone_setting.predial_autodial", "features.redial_tone");
        yealink.forEach(key -> assertThat(Catalogue.builtIn().lookup(Dialect.CFG, key)).as(key)
                .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo(key)));
        assertThat(ale.values()).as("a change of any of them may change the plan").allMatch(DialPlanSettings::reads);
        assertThat(yealink).allMatch(DialPlanSettings::reads);
        assertThat(List.of("account.1.label", "features.dnd.enable", "phone_setting.lock")).noneMatch(DialPlanSettings::reads);
    }

    private DialPlanSettings settings() throws DialPlanException {
        return DialPlanSettings.from(config.current());
    }
}
