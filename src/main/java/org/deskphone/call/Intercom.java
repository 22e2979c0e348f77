package org.deskphone.call;

import java.util.Map;

/**
 * The header an outgoing intercom (or paging) call carries to be answered at once, as
 * {@code AccountXOutgoingIntercomMethod} chooses (ALE L13687): 0 {@code Call-Info: ...;answer-after=0}, 1
 * {@code Alert-Info: ...;info=alert-autoanswer}, 2 {@code Answer-Mode: Auto} (RFC 5373); the forms of ALE
 * L4694-4700, which {@link AnswerRequest} reads on incoming calls.
 */
public final class Intercom {

    private Intercom() {
    }

    public static Map<String, String> headers(PhoneSettings settings, int account) {
        return switch (settings.integer("account." + account + ".intercom.outgoing_method")) {
            case 1 -> Map.of("Alert-Info", "<http://127.0.0.1/>;info=alert-autoanswer");
            case 2 -> Map.of("Answer-Mode", "Auto");
            default -> Map.of("Call-Info", "<sip:127.0.0.1>;answer-after=0");
        };
    }
}
