package org.deskphone.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse and apply of a 5,000-line .cfg and a 5,000-setting config.xml into a fresh store (issue 3
 * target: under 50 ms each after warm-up), beside two JDK peers measured in the same run on the same
 * bytes: {@code java.util.Properties.load} (a bare key=value reader) and a bare StAX pass over the XML.
 * Run with {@code tools/bench/jmh ConfigBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConfigBenchmark {
    static final int SETTINGS = 5000;
    private byte[] cfg;
    private byte[] xml;
    private String cfgText;
    private PhoneLoop loop;

    /**
     * A .cfg like a big PBX renders for a phone with many accounts and an expansion module: accounts,
     * codec slots, keys, dial plan, about one key in ten unknown to the catalogue (the corpus ratio);
     * and a config.xml of per-account and key settings in ALE ids.
     */
    @Setup
    public void files() {
        Lines c = new Lines("#!version:1.0.0.1\n");
        String[] accountFields = {"enable = 1", "label = Desk %d", "display_name = Person %d", "auth_name = user%d",
            "user_name = user%d", "password = pw%d", "sip_server_host = pbx.example.com", "sip_server_port = 5060",
            "expires = 300", "transport = 0", "dtmf.type = 1", "srtp_encryption = 1", "nat.rport = 1", "subscribe_mwi = 1",
            "always_fwd.enable = 0", "busy_fwd.target = 10%d", "timeout_fwd.timeout = 2", "dnd.enable = 0",
            "advanced.timer_t1 = 0.5", "ptime = 20"};
        for (int account = 1; account <= 20; account++) {
            for (String field : accountFields) {
                c.add("account." + account + "." + String.format(field, account));
            }
            for (int slot = 1; slot <= 16; slot++) {
                c.add("account." + account + ".codec." + slot + ".enable = " + (slot % 2));
                c.add("account." + account + ".codec." + slot + ".payload_type = PCMU");
                c.add("account." + account + ".codec." + slot + ".priority = " + (slot % 12));
                c.add("account." + account + ".codec." + slot + ".rtpmap = " + slot);
            }
        }
        for (int module = 1; module <= 6; module++) {
            for (int key = 1; key <= 40; key++) {
                String prefix = "expansion_module." + module + ".key." + key;
                c.add(prefix + ".type = 16").add(prefix + ".line = 1").add(prefix + ".value = " + (2000 + key))
                        .add(prefix + ".label = Ext " + key).add(prefix + ".pickup_value = *97");
            }
        }
        for (int key = 1; key <= 30; key++) {
            c.add("linekey." + key + ".type = 15").add("linekey." + key + ".line = 1").add("linekey." + key + ".label = Line " + key);
        }
        for (int item = 1; item <= 100; item++) {
            c.add("dialplan.item." + item + " = 1,2(xx),002$1,0").add("static.dialnow.item." + item + " = 52[0-6],1");
        }
        for (int code = 1; code <= 50; code++) {
            c.add("autoprovision." + code + ".name = Code " + code).add("autoprovision." + code + ".code = *9" + code);
        }
        for (int key = 0; c.count() < SETTINGS - 500; key++) {
            String prefix = "aom." + (1 + key / 200) + ".key." + (1 + key % 200);
            c.add(prefix + ".label = Module key " + key).add(prefix + ".value = " + (3000 + key));
        }
        for (int vendor = 1; c.count() < SETTINGS; vendor++) {
            c.add("features.vendor_extension_" + vendor + " = 1");
        }
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<settings>\n");
        String[][] fields = {{"Enable", "true"}, {"Label", "Desk"}, {"Server1Address", "pbx.example.com"}, {"Server1Port", "5060"},
            {"Password", "secret"}, {"AudioCodec", "0;8;9"}, {"DndEnable", "false"}, {"ImmFwdNumber", "1000"},
            {"SrtpWorkingMode", "1"}, {"RportEnable", "true"}};
        for (int i = 0; i < SETTINGS; i++) {
            String[] field = fields[i % fields.length];
            String id = i % 11 == 10 ? "ProgramKey" + (1 + i % 36) + "Label" : "Account" + (1 + i / 11 % 20) + field[0];
            String value = i % 11 == 10 ? "Key &amp; more" : field[1];
            x.append("  <setting id=\"").append(id).append("\" value=\"").append(value).append("\" override=\"true\"/>\n");
        }
        cfgText = c.text.toString();
        cfg = cfgText.getBytes(StandardCharsets.UTF_8);
        xml = x.append("</settings>\n").toString().getBytes(StandardCharsets.UTF_8);
        loop = new PhoneLoop(new VirtualClock(Instant.EPOCH));
        loop.runPending();
        Catalogue.builtIn();
    }

    /** Counts the setting lines it adds. */
    private static final class Lines {
        final StringBuilder text;
        private int count;

        Lines(String header) {
            text = new StringBuilder(header);
        }

        Lines add(String line) {
            text.append(line).append('\n');
            count++;
            return this;
        }

        int count() {
            return count;
        }
    }

    @Benchmark
    public ProvisioningReport cfgParseAndApply() {
        return ConfigStore.inMemory(loop).applyProvisioning(List.of(new ProvisioningFile("y000000000000.cfg", cfg)));
    }

    @Benchmark
    public ProvisioningReport xmlParseAndApply() {
        return ConfigStore.inMemory(loop).applyProvisioning(List.of(new ProvisioningFile("config.xml", xml)));
    }

    /** Peer: the JDK's own key=value reader on the same .cfg text, parsing only. */
    @Benchmark
    public Properties peerPropertiesLoad() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(cfgText));
        return properties;
    }

    /** Peer: the JDK's StAX reading every attribute of the same config.xml, parsing only. */
    @Benchmark
    public int peerStaxScan() throws XMLStreamException {
        XMLStreamReader reader = XMLInputFactory.newDefaultFactory().createXMLStreamReader(new java.io.ByteArrayInputStream(xml));
        int attributes = 0;
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamReader.START_ELEMENT) {
                for (int i = 0; i < reader.getAttributeCount(); i++) {
                    attributes += reader.getAttributeValue(i).length();
                }
            }
        }
        return attributes;
    }

    /** Sizes, for the results file. */
    public static void main(String[] args) {
        ConfigBenchmark benchmark = new ConfigBenchmark();
        benchmark.files();
        System.out.println(benchmark.cfgText.lines().count() - 1 + " .cfg setting lines, " + benchmark.cfg.length + " bytes; "
                + benchmark.xml.length + " bytes of XML");
        ProvisioningReport cfgReport = benchmark.cfgParseAndApply();
        ProvisioningReport xmlReport = benchmark.xmlParseAndApply();
        System.out.println("cfg: " + cfgReport.files().get(0).settings() + " settings applied, " + cfgReport.problems().size()
                + " warnings; xml: " + xmlReport.files().get(0).settings() + " applied, " + xmlReport.problems().size() + " warnings");
    }
}
