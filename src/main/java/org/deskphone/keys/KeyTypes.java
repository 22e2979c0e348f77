package org.deskphone.keys;

import java.util.Map;

/**
 * The key-type code tables of both manuals, as data. ALE's programmable keys, dynamic soft keys and
 * re-mapped hard keys share one table (§8.5, seed L11638-11737, 83 from L11805, the dynamic-key codes
 * 101-104 from L11904-11940). Yealink has one table for line and memory keys (DSS keys, L5724-5799 and
 * L5922-5991; 24 is Paging on a line key, Multicast Paging on a memory key) and one for programmable keys
 * (L6059-6108).
 */
public final class KeyTypes {
    private static final Map<Integer, KeyFunction> ALE = Map.ofEntries(
            Map.entry(0, KeyFunction.NONE), Map.entry(1, KeyFunction.SPEED_DIAL), Map.entry(2, KeyFunction.BLF_LIST),
            Map.entry(3, KeyFunction.DND), Map.entry(4, KeyFunction.DIRECTORY), Map.entry(5, KeyFunction.VOICEMAIL),
            Map.entry(6, KeyFunction.CONFERENCE), Map.entry(7, KeyFunction.FORWARD), Map.entry(8, KeyFunction.TRANSFER),
            Map.entry(9, KeyFunction.GROUP_LISTENING), Map.entry(10, KeyFunction.HEADSET), Map.entry(11, KeyFunction.HOT_DESKING),
            Map.entry(12, KeyFunction.PHONE_LOCK), Map.entry(13, KeyFunction.PREFIX), Map.entry(14, KeyFunction.DTMF),
            Map.entry(15, KeyFunction.DIRECT_PICKUP), Map.entry(16, KeyFunction.GROUP_PICKUP), Map.entry(17, KeyFunction.CALL_PARK),
            Map.entry(18, KeyFunction.RECALL), Map.entry(19, KeyFunction.XML_BROWSER), Map.entry(21, KeyFunction.INTERCOM),
            Map.entry(22, KeyFunction.RETRIEVE_PARK), Map.entry(23, KeyFunction.AUDIO_HUB), Map.entry(24, KeyFunction.PRIVATE_HOLD),
            Map.entry(42, KeyFunction.ACD), Map.entry(58, KeyFunction.HOLD), Map.entry(59, KeyFunction.BLF),
            Map.entry(60, KeyFunction.ACCOUNT), Map.entry(61, KeyFunction.USB_RECORDING), Map.entry(62, KeyFunction.RECORD),
            Map.entry(63, KeyFunction.DISPOSITION_CODE), Map.entry(64, KeyFunction.EMERGENCY_ESCALATION),
            Map.entry(65, KeyFunction.CUSTOMER_TRACE), Map.entry(66, KeyFunction.PAGING), Map.entry(67, KeyFunction.PAGING_LIST),
            Map.entry(68, KeyFunction.MOBILE_ACCOUNT), Map.entry(69, KeyFunction.HOTELING), Map.entry(70, KeyFunction.PUSH_TO_TALK),
            Map.entry(71, KeyFunction.LOGOUT), Map.entry(72, KeyFunction.NETWORK_CALL_LIST), Map.entry(73, KeyFunction.NETWORK_CONTACTS),
            Map.entry(74, KeyFunction.NETWORK_MESSAGES), Map.entry(75, KeyFunction.CALL_WAITING), Map.entry(76, KeyFunction.NETWORK_CALL_LOG),
            Map.entry(77, KeyFunction.NETWORK_DIRECTORY), Map.entry(78, KeyFunction.PARK_REMINDER),
            Map.entry(83, KeyFunction.ENTERPRISE_DIRECTORY), Map.entry(84, KeyFunction.LDAP), Map.entry(101, KeyFunction.MENU),
            Map.entry(102, KeyFunction.HISTORY), Map.entry(103, KeyFunction.STATUS), Map.entry(104, KeyFunction.LOGIN));

    private static final Map<Integer, KeyFunction> YEALINK_DSS = Map.ofEntries(
            Map.entry(0, KeyFunction.NONE), Map.entry(1, KeyFunction.CONFERENCE), Map.entry(2, KeyFunction.FORWARD),
            Map.entry(3, KeyFunction.TRANSFER), Map.entry(4, KeyFunction.HOLD), Map.entry(5, KeyFunction.DND),
            Map.entry(7, KeyFunction.RECALL), Map.entry(8, KeyFunction.SMS), Map.entry(9, KeyFunction.DIRECT_PICKUP),
            Map.entry(10, KeyFunction.CALL_PARK), Map.entry(11, KeyFunction.DTMF), Map.entry(12, KeyFunction.VOICEMAIL),
            Map.entry(13, KeyFunction.SPEED_DIAL), Map.entry(14, KeyFunction.INTERCOM), Map.entry(15, KeyFunction.LINE),
            Map.entry(16, KeyFunction.BLF), Map.entry(17, KeyFunction.URL), Map.entry(18, KeyFunction.GROUP_LISTENING),
            Map.entry(22, KeyFunction.XML_GROUP), Map.entry(23, KeyFunction.GROUP_PICKUP), Map.entry(24, KeyFunction.PAGING),
            Map.entry(25, KeyFunction.RECORD), Map.entry(27, KeyFunction.XML_BROWSER), Map.entry(34, KeyFunction.HOT_DESKING),
            Map.entry(35, KeyFunction.URL_RECORD), Map.entry(38, KeyFunction.LDAP), Map.entry(40, KeyFunction.PREFIX),
            Map.entry(41, KeyFunction.ZERO_TOUCH), Map.entry(42, KeyFunction.ACD), Map.entry(45, KeyFunction.LOCAL_GROUP),
            Map.entry(48, KeyFunction.CUSTOM_BUTTON), Map.entry(50, KeyFunction.PHONE_LOCK), Map.entry(61, KeyFunction.DIRECTORY));

    private static final Map<Integer, KeyFunction> YEALINK_PROGRAMABLE = Map.ofEntries(
            Map.entry(0, KeyFunction.NONE), Map.entry(2, KeyFunction.FORWARD), Map.entry(5, KeyFunction.DND),
            Map.entry(7, KeyFunction.RECALL), Map.entry(8, KeyFunction.SMS), Map.entry(9, KeyFunction.DIRECT_PICKUP),
            Map.entry(13, KeyFunction.SPEED_DIAL), Map.entry(22, KeyFunction.XML_GROUP), Map.entry(23, KeyFunction.GROUP_PICKUP),
            Map.entry(27, KeyFunction.XML_BROWSER), Map.entry(28, KeyFunction.HISTORY), Map.entry(30, KeyFunction.MENU),
            Map.entry(31, KeyFunction.SWITCH_ACCOUNT), Map.entry(32, KeyFunction.NEW_SMS), Map.entry(33, KeyFunction.STATUS),
            Map.entry(38, KeyFunction.LDAP), Map.entry(40, KeyFunction.PREFIX), Map.entry(41, KeyFunction.ZERO_TOUCH),
            Map.entry(43, KeyFunction.LOCAL_DIRECTORY), Map.entry(45, KeyFunction.LOCAL_GROUP), Map.entry(47, KeyFunction.XML_DIRECTORY),
            Map.entry(50, KeyFunction.PHONE_LOCK), Map.entry(61, KeyFunction.DIRECTORY));

    private KeyTypes() {
    }

    /** An ALE programmable, dynamic soft or re-mapped hard key type. */
    public static KeyFunction ale(int code) {
        return ALE.getOrDefault(code, KeyFunction.UNKNOWN);
    }

    /** A Yealink line key ({@code linekey.X.type}) or memory key ({@code memorykey.X.type}) type. */
    public static KeyFunction yealinkDss(int code, boolean memoryKey) {
        if (code == 24 && memoryKey) {
            return KeyFunction.MULTICAST_PAGING;
        }
        return YEALINK_DSS.getOrDefault(code, KeyFunction.UNKNOWN);
    }

    /** A Yealink programmable key type ({@code programablekey.X.type}). */
    public static KeyFunction yealinkProgramable(int code) {
        return YEALINK_PROGRAMABLE.getOrDefault(code, KeyFunction.UNKNOWN);
    }
}
