package org.deskphone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The value types of the catalogue grammar: what they accept, how they normalise, what they say. */
class ValueTypeTest {

    private static String ok(String spec, String value) {
        return ValueType.parse(spec).normalize(value);
    }

    private static void refused(String spec, String value, String message) {
        assertThatThrownBy(() -> ValueType.parse(spec).normalize(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void booleansInBothDialectsBecomeZeroOrOne() {
        assertThat(ok("bool", "true")).isEqualTo("1");
        assertThat(ok("bool", " FALSE ")).isEqualTo("0");
        assertThat(ok("bool", "1")).isEqualTo("1");
        refused("bool", "2", "is not 0 or 1 (true or false)");
        refused("bool", "", "is blank, but must be 0 or 1 (true or false)");
        assertThat(ok("bool?", "")).isEmpty();
        assertThat(ValueType.parse("bool").toXml("1")).isEqualTo("true");
    }

    @Test
    void integersRangesAndSets() {
        assertThat(ok("int 0..65535", "+0080")).isEqualTo("80");
        refused("int 0..65535", "65536", "is not an integer from 0 to 65535");
        refused("int 0..65535", "80.5", "is not an integer from 0 to 65535");
        refused("int 0..65535", "99999999999999", "is not an integer from 0 to 65535");
        // E56 (L10938–10958): backlight accepts only 0, 1, 15, 30, 60, 120.
        assertThat(ok("int 0,1,15,30,60,120", "60")).isEqualTo("60");
        refused("int 0,1,15,30,60,120", "45", "is not one of 0, 1, 15, 30, 60, 120");
        assertThat(ok("int? -300..300", "")).isEmpty();
        assertThat(ok("int -48..0", "-3")).isEqualTo("-3");
    }

    @Test
    void choicesMatchCaseInsensitivelyAndKeepTheirSpelling() {
        assertThat(ok("enum Jan,Feb,Mar", "feb")).isEqualTo("Feb");
        refused("enum Jan,Feb,Mar", "Apr", "is not one of Jan, Feb, Mar");
    }

    @Test
    void timesListsFloatsHostsAndText() {
        // E17 (L297, L307): 07:45 and 19:45.
        assertThat(ok("time", "7:45")).isEqualTo("07:45");
        assertThat(ok("time", "19:45")).isEqualTo("19:45");
        refused("time", "24:00", "is not a time HH:MM from 00:00 to 23:59");
        // E53 (L2885–2907): up to 5 DHCP options 128–254.
        assertThat(ok("list , 5 int 128..254", "132, 133")).isEqualTo("132,133");
        refused("list , 5 int 128..254", "128,129,130,131,132,133", "has 6 items; permitted: a list of up to 5 items separated by ',', each an integer from 128 to 254");
        assertThat(ok("list space 16 host", "10.0.0.1   10.0.0.2")).isEqualTo("10.0.0.1 10.0.0.2");
        assertThat(ok("float 0.5..10", "0.50")).isEqualTo("0.5");
        refused("float 2..40", "1.9", "is not a number from 2 to 40");
        assertThat(ok("host", "pbx.example.com")).isEqualTo("pbx.example.com");
        refused("host", "pbx example", "is not an IP address or a domain name");
        refused("ip", "300.1.1.1", "is not an IPv4 or IPv6 address");
        assertThat(ok("ip", "fe80::1")).isEqualTo("fe80::1");
        // E61 (L3930–3961): provisioning codes of digits, # and * only.
        assertThat(ok("string 100 /[0-9#*]*/", "*99")).isEqualTo("*99");
        refused("string 100 /[0-9#*]*/", "*9a", "is not text of at most 100 characters matching [0-9#*]*");
        refused("url 511", "http://a/" + "x".repeat(503), "is not a URL of at most 511 characters");
        refused("url 512", "http://a b/", "contains blanks; permitted: a URL of at most 512 characters");
        refused("string 64", "bell\u0007", "must not contain control characters");
    }

    @Test
    void badDeclarationsAreCaught() {
        assertThatThrownBy(() -> ValueType.parse("number 1..2")).hasMessageContaining("unknown type 'number'");
        assertThatThrownBy(() -> ValueType.parse("enum")).hasMessageContaining("enum without choices");
        assertThatThrownBy(() -> ValueType.parse("bool 1")).hasMessageContaining("takes no arguments");
    }
}
