package org.deskphone.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deskphone.loop.Clock;
import org.deskphone.loop.PhoneLoop;
import org.tinylog.Logger;

/**
 * The child of {@link SecretMaskingTest}: with logging at debug, provisions and changes secrets the
 * way a phone does, so that the parent can read every log line the store wrote.
 */
public final class SecretLogChild {
    private SecretLogChild() {
    }

    public static void main(String[] args) throws Exception {
        PhoneLoop loop = new PhoneLoop(Clock.system());
        loop.start("phone-loop");
        ConfigStore store = ConfigStore.open(Path.of(args[0]), loop);
        Logger.debug("debug logging is on");
        loop.ask(() -> store.applyProvisioning(List.of(
                ProvisioningFile.of("y000000000000.cfg", "#!version:1.0.0.1\naccount.1.password = " + args[1] + "\n"
                        + "auto_provision.server.url = ftp://admin:" + args[1] + "@10.0.0.1/\n"
                        + "auto_provision.aes_key_16.com = " + args[2] + "\nsecurity.user_password = admin:" + args[1] + "x\n"
                        + "account.1.label = visible-label\nx.xsi.password = " + args[1] + "\n"),
                ProvisioningFile.of("config.xml", "<settings><setting id=\"DeviceSecurityAdminPwd\" value=\"" + args[1].substring(0, 3) + "\"/>"
                        + "<setting id=\"Account2Password\" value=\"" + args[1] + "\"/></settings>")))).get();
        loop.ask(() -> store.change(Access.ADMIN, Map.of("security.password.user", args[1] + "u", "account.2.label", "other-label"))).get();
        loop.ask(() -> store.change(Access.ADMIN, Map.of("security.password.var", "no"))).get();
        store.saved().get();
        store.close(java.time.Duration.ofSeconds(5));
        loop.stop(java.time.Duration.ofSeconds(1));
        Logger.debug("done");
    }
}
