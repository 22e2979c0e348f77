package org.deskphone.keys;

/**
 * What a programmable key does, whichever manual's code table named it ({@link KeyTypes}). The functions
 * this phone carries out are marked supported; pressing a key of another type says "not supported" on the
 * display.
 */
public enum KeyFunction {
    NONE("", true),
    LINE("Line", true),
    ACCOUNT("Account", true),
    SWITCH_ACCOUNT("Switch Account", true),
    SPEED_DIAL("Speed Dial", true),
    DND("DND", true),
    FORWARD("Forward", true),
    TRANSFER("Transfer", true),
    HOLD("Hold", true),
    CONFERENCE("Conference", true),
    RECALL("Recall", true),
    REDIAL("Redial", true),
    DIRECTORY("Directory", true),
    LOCAL_DIRECTORY("Local Directory", true),
    HISTORY("History", true),
    MENU("Menu", true),
    STATUS("Status", true),
    VOICEMAIL("Voicemail", true),
    PREFIX("Prefix", true),
    DTMF("DTMF", true),
    PHONE_LOCK("Phone Lock", true),
    HEADSET("Headset", true),
    CALL_WAITING("Call Waiting", true),
    INTERCOM("Intercom", true),
    PAGING("Paging", true),
    DIRECT_PICKUP("Direct Pickup", true),
    GROUP_PICKUP("Group Pickup", true),
    CALL_PARK("Call Park", true),
    RETRIEVE_PARK("Retrieve Park", true),
    MUTE("Mute", true),
    BLF("BLF", false),
    BLF_LIST("BLF List", false),
    GROUP_LISTENING("Group Listening", false),
    HOT_DESKING("Hot Desking", false),
    XML_BROWSER("XML Browser", false),
    XML_GROUP("XML Group", false),
    XML_DIRECTORY("XML Directory", false),
    LOCAL_GROUP("Local Group", false),
    AUDIO_HUB("Audio Hub", false),
    PRIVATE_HOLD("Private Hold", false),
    ACD("ACD", false),
    USB_RECORDING("USB Recording", false),
    RECORD("Record", false),
    URL_RECORD("URL Record", false),
    DISPOSITION_CODE("Disposition Code", false),
    EMERGENCY_ESCALATION("Emergency Escalation", false),
    CUSTOMER_TRACE("Customer Originated Trace", false),
    PAGING_LIST("Paging List", false),
    MULTICAST_PAGING("Multicast Paging", false),
    MOBILE_ACCOUNT("Mobile Account", false),
    HOTELING("Hoteling", false),
    PUSH_TO_TALK("Push To Talk", false),
    LOGOUT("Logout", false),
    LOGIN("Login", false),
    NETWORK_CALL_LIST("Network Call List", false),
    NETWORK_CONTACTS("Network Contacts", false),
    NETWORK_MESSAGES("Network Message List", false),
    NETWORK_CALL_LOG("Network Call Log", false),
    NETWORK_DIRECTORY("Network Directory", false),
    ENTERPRISE_DIRECTORY("Enterprise Directory", false),
    PARK_REMINDER("Park Reminder", false),
    LDAP("LDAP", false),
    SMS("SMS", false),
    NEW_SMS("New SMS", false),
    URL("URL", false),
    ZERO_TOUCH("Zero Touch", false),
    CUSTOM_BUTTON("Custom Button", false),
    /** A code neither manual defines. */
    UNKNOWN("Unknown", false);

    private final String label;
    private final boolean supported;

    KeyFunction(String label, boolean supported) {
        this.label = label;
        this.supported = supported;
    }

    /** The manuals' name, for a key without a label of its own and for "not supported". */
    public String label() {
        return label;
    }

    /** This phone carries it out. */
    public boolean supported() {
        return supported;
    }
}
