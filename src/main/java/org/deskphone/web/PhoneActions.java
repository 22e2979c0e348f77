package org.deskphone.web;

/** What the maintenance page asks of whoever runs the phone (the lifecycle): restart it, or reset it. */
public interface PhoneActions {

    /** Nothing can restart this phone (tests of the pages alone). */
    PhoneActions NONE = new PhoneActions() {
        @Override
        public void reboot() {
            throw WebError.conflict("nothing can restart this phone");
        }

        @Override
        public void factoryReset() {
            throw WebError.conflict("nothing can reset this phone");
        }
    };

    /** Restarts the phone soon (after the answer is sent). */
    void reboot();

    /** Wipes the configuration and everything the phone stored, then restarts it. */
    void factoryReset();
}
