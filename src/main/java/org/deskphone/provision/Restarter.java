package org.deskphone.provision;

/** Restarts the phone, on the phone loop; the application's lifecycle provides it. */
@FunctionalInterface
public interface Restarter {

    void restart(String reason);
}
