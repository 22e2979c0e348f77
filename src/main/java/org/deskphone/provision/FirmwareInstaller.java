package org.deskphone.provision;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How a board installs a firmware image that provisioning downloaded ({@code firmware.url}, Yealink
 * L1180-1245; {@code DeviceFirmwareUpgradeUrl}, ALE L2684-2737). A board without one (the PC) does not
 * download firmware at all.
 */
public interface FirmwareInstaller {

    /** Checks and installs {@code image}; the phone restarts after the run. */
    void install(Path image) throws IOException;
}
