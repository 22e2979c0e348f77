package org.deskphone.sip;

import java.text.ParseException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;

/**
 * A SIP account of the phone as the rest of the phone sees it: its settings, its registration status and
 * its waiting messages. Read on the phone loop; it changes only there.
 */
public final class Account {
    private final UserAgent ua;
    private final AccountSettings settings;
    private final DigestCredentials credentials;
    private final Registration registration;
    private MessageSummary messages = MessageSummary.NONE;

    Account(UserAgent ua, AccountSettings settings) {
        this.ua = ua;
        this.settings = settings;
        this.credentials = new DigestCredentials(settings.authName(), settings.password());
        this.registration = new Registration(ua, this);
    }

    public int index() {
        return settings.index();
    }

    public AccountSettings settings() {
        return settings;
    }

    /** {@code sip:user@domain}, for the UI. */
    public String addressOfRecord() {
        return "sip:" + settings.userName() + settings.domain().map(d -> "@" + d.uriHost()).orElse("");
    }

    public RegistrationStatus registration() {
        return registration.status();
    }

    public boolean registered() {
        return registration.status() instanceof RegistrationStatus.Registered;
    }

    /** Voice messages waiting, from the last message-summary NOTIFY. */
    public MessageSummary messageWaiting() {
        return messages;
    }

    void messageWaiting(MessageSummary summary) {
        messages = summary;
    }

    DigestCredentials credentials() {
        return credentials;
    }

    Registration registrationMachine() {
        return registration;
    }

    /** The address of record at server {@code server} (0 or 1): the user at that server's host, with the display name. */
    Address addressOfRecord(int server) throws ParseException {
        String host = settings.servers().isEmpty() ? "invalid" : settings.servers().get(Math.min(server, settings.servers().size() - 1))
                .address().uriHost();
        SipURI uri = ua.host().addresses().createSipURI(settings.userName(), host);
        Address address = ua.host().addresses().createAddress(uri);
        if (!settings.displayName().isEmpty()) {
            address.setDisplayName(settings.displayName());
        }
        return address;
    }

    @Override
    public String toString() {
        return "account " + settings.index() + " (" + addressOfRecord() + ")";
    }
}
