package org.deskphone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.deskphone.config.Catalogue;
import org.deskphone.config.Parameter;
import org.junit.jupiter.api.Test;

/** Every setting is on a page: the web UI can show and change every parameter of the catalogue. */
class PagesTest {

    @Test
    void everyParameterOfTheCatalogueHasAHomeSection() {
        List<String> homeless = new ArrayList<>();
        Catalogue.builtIn().all().forEach(parameter -> {
            if (Pages.home(parameter).isEmpty()) {
                homeless.add(parameter.name());
            }
        });
        assertThat(homeless).isEmpty();
    }

    @Test
    void everySelectorFitsSomeParameterAndEveryItemNameIsUnique() {
        Set<String> families = new HashSet<>();
        Set<String> sections = new HashSet<>();
        Catalogue.builtIn().all().forEach(p -> {
            families.add(p.family());
            sections.add(p.section());
        });
        Set<String> items = new HashSet<>();
        for (Pages.Page page : Pages.ALL) {
            assertThat(items.add(page.item().toLowerCase())).as("item %s named once", page.item()).isTrue();
            for (Pages.Section section : page.sections()) {
                assertThat(items.add(section.item().toLowerCase())).as("item %s named once", section.item()).isTrue();
                for (String selector : section.selectors()) {
                    boolean fits = selector.startsWith("@") ? sections.contains(selector.substring(1))
                            : families.stream().anyMatch(f -> f.startsWith(selector));
                    assertThat(fits).as("selector %s of %s/%s fits a parameter", selector, page.id(), section.id()).isTrue();
                }
            }
        }
    }

    /** ALE L2967-2979 names these items; their sections hold what the names say. */
    @Test
    void theManualsFeatureItemsGovernTheirFeaturesSettings() {
        assertThat(home("forward.always.enable")).isEqualTo("WBMFeatureForward");
        assertThat(home("account.3.busy_fwd.target")).isEqualTo("WBMFeatureForward");
        assertThat(home("features.dnd.enable")).isEqualTo("WBMFeatureDnd");
        assertThat(home("account.2.dnd.enable")).isEqualTo("WBMFeatureDnd");
        assertThat(home("features.intercom.allow")).isEqualTo("WBMFeatureIntercom");
        assertThat(home("multicast.listen_address.1.ip_address")).isEqualTo("WBMFeatureMulticast");
        assertThat(home("features.hotline_number")).isEqualTo("WBMFeatureHotLine");
        assertThat(home("acd.auto_available")).isEqualTo("WBMFeatureAcd");
        assertThat(home("sip.rfc2543_hold")).isEqualTo("WBMFeatureSip");
        assertThat(home("features.action_uri_limit_ip")).isEqualTo("WBMFeatureRemoteControl");
        assertThat(home("call_waiting.enable")).isEqualTo("WBMFeaturegeneral");
        assertThat(home("account.1.label")).isEqualTo("WBMAccountBasic");
        assertThat(home("linekey.4.type")).isEqualTo("WBMKeysLine");
    }

    @Test
    void webPasswordsAreKeptOffTheSettingsPages() {
        for (String name : Pages.HIDDEN) {
            Parameter parameter = Catalogue.builtIn().parameter(name);
            assertThat(Pages.hidden(parameter)).isTrue();
            Pages.Section section = Pages.home(parameter).orElseThrow().section();
            assertThat(Pages.parameters(section)).doesNotContain(parameter);
        }
    }

    private static String home(String name) {
        return Pages.home(Catalogue.builtIn().parameter(name)).orElseThrow().section().item();
    }
}
