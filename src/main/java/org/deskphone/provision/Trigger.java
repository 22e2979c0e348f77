package org.deskphone.provision;

/** What started a provisioning run (Yealink L1435-1537, ALE L2159-2170 and L2393-2666). */
public enum Trigger {
    POWER_ON("power on"),
    PERIODIC("repeatedly"),
    WEEKLY("weekly"),
    NOW("provision now"),
    CHECK_SYNC("SIP NOTIFY check-sync"),
    AFTER_RESTART("check-sync with reboot=true, after the restart"),
    PNP("PnP NOTIFY"),
    DIALLED_CODE("provisioning code");

    private final String words;

    Trigger(String words) {
        this.words = words;
    }

    @Override
    public String toString() {
        return words;
    }
}
