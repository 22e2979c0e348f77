package org.deskphone.sip;

import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import javax.sip.address.Address;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;

/**
 * Who is calling, from the headers in the configured order (ALE {@code AccountXCallerSource}, seed
 * L12429, default PAI, RPID, From; Yealink {@code account.X.cid_source}, seed L13461): RFC 3325
 * P-Asserted-Identity, the Remote-Party-ID draft (its {@code privacy=full|name} hides the caller), or From.
 * {@code Privacy: id} or an anonymous From marks the caller anonymous.
 */
final class CallerIdentity {

    private CallerIdentity() {
    }

    static Party of(Request request, List<IdentitySource> order) {
        boolean privacy = header(request, "Privacy").map(v -> v.toLowerCase(Locale.ROOT).contains("id")).orElse(false);
        Party from = fromHeader(request);
        for (IdentitySource source : order) {
            Optional<Party> party = switch (source) {
                case PAI -> header(request, "P-Asserted-Identity").flatMap(CallerIdentity::nameAddr);
                case RPID -> header(request, "Remote-Party-ID").flatMap(value -> nameAddr(value).map(p -> {
                    String lower = value.toLowerCase(Locale.ROOT);
                    return lower.contains("privacy=full") || lower.contains("privacy=name") ? p.anonymised() : p;
                }));
                case FROM -> Optional.of(from);
            };
            if (party.isPresent()) {
                return privacy || from.anonymous() ? party.get().anonymised() : party.get();
            }
        }
        return privacy ? from.anonymised() : from;
    }

    private static Party fromHeader(Request request) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        if (from == null) {
            return Party.of("", "sip:unknown@invalid");
        }
        Address address = from.getAddress();
        return Party.of(address.getDisplayName(), address.getURI().toString());
    }

    /** The first value of a header, after the name. */
    private static Optional<String> header(Request request, String name) {
        ListIterator<?> values = request.getHeaders(name);
        if (values == null || !values.hasNext()) {
            return Optional.empty();
        }
        String text = ((Header) values.next()).toString();
        int colon = text.indexOf(':');
        return Optional.of((colon < 0 ? text : text.substring(colon + 1)).trim());
    }

    /** {@code "Name" <sip:uri>;params} or {@code sip:uri}, without help from the stack's parser. */
    static Optional<Party> nameAddr(String value) {
        String text = value.trim();
        int open = text.indexOf('<');
        int close = text.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            String name = text.substring(0, open).trim();
            if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) {
                name = name.substring(1, name.length() - 1);
            }
            return Party.maybe(name, text.substring(open + 1, close).trim());
        }
        int semicolon = text.indexOf(';');
        String uri = semicolon < 0 ? text : text.substring(0, semicolon);
        int comma = uri.indexOf(',');
        return Party.maybe("", (comma < 0 ? uri : uri.substring(0, comma)).trim());
    }
}
