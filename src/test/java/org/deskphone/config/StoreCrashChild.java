package org.deskphone.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deskphone.loop.Clock;
import org.deskphone.loop.PhoneLoop;

/**
 * The child of {@link StoreCrashSafetyTest}: opens the store in {@code args[0]} and rewrites it forever,
 * each generation setting {@link #KEYS} labels to {@code gen-N}, and prints {@code saved N} once
 * generation N is on disk. The parent kills it with SIGKILL at random instants.
 */
public final class StoreCrashChild {
    static final int KEYS = 200;
    /** Distinct keys of the provisioned file: 100 dial-plan items, 20 x 16 codec slots, 6 x 200 module keys. */
    static final int PROVISIONED = 100 + 320 + 1200;

    private StoreCrashChild() {
    }

    static String key(int i) {
        return i <= 20 ? "account." + i + ".label" : "expansion_module." + (1 + i % 6) + ".key." + (1 + i % 40) + ".label";
    }

    public static void main(String[] args) throws Exception {
        PhoneLoop loop = new PhoneLoop(Clock.system());
        loop.start("phone-loop");
        ConfigStore store = ConfigStore.open(Path.of(args[0]), loop);
        Config current = store.current();
        int generation = current.isBlank(key(1)) ? 0 : Integer.parseInt(current.string(key(1)).substring(4));
        if (current.provisionedFiles().isEmpty()) {
            // A large provisioned layer, so that each save writes a few hundred kilobytes and kills land mid-write.
            StringBuilder big = new StringBuilder("#!version:1.0.0.1\n");
            for (int x = 1; x <= 20; x++) {
                for (int y = 1; y <= 100; y++) {
                    big.append("dialplan.item.").append(y).append(" = 1,").append(x).append(y).append(",0").append(x).append(",").append(x).append('\n');
                    big.append("account.").append(x).append(".codec.").append(1 + y % 16).append(".rtpmap = ").append(y).append('\n');
                }
            }
            for (int module = 1; module <= 6; module++) {
                for (int k = 1; k <= 200; k++) {
                    big.append("aom.").append(module).append(".key.").append(k).append(".label = label ").append(module).append('-').append(k).append('\n');
                }
            }
            loop.ask(() -> store.applyProvisioning(List.of(ProvisioningFile.of("big.cfg", big.toString())))).get();
        }
        while (true) {
            int next = ++generation;
            Map<String, String> values = new HashMap<>();
            for (int i = 1; i <= KEYS; i++) {
                values.put(key(i), "gen-" + next);
            }
            ChangeResult result = loop.ask(() -> store.change(Access.ADMIN, values)).get();
            if (!result.accepted()) {
                throw new IllegalStateException(result.problems().toString());
            }
            store.saved().get();
            System.out.println("saved " + next);
            System.out.flush();
        }
    }
}
